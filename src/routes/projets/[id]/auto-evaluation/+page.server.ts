import { fail, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { aEclaircir, avancement, enCours, enregistrerEtape, historique, lireEtape, pointsFaibles, questionnaire, scores, terminerAutoEvaluation } from '#lib/server/projets/auto-evaluation.ts';
import { fichesProches, termesDuProjet } from '#lib/server/projets/guide.ts';
import { etatSection } from '#lib/server/projets/projets.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [q, prises, courante, identite] = await Promise.all([questionnaire(db()), historique(db(), projet.id), enCours(db(), projet.id), etatSection(db(), projet.id, 'identite')]);
	const derniere = prises[0];
	const faibles = derniere ? pointsFaibles(q, derniere.reponses) : [];
	const termes = termesDuProjet(identite.donnees);
	const etapesFaibles = [...new Map(faibles.map((f) => [f.etape.numero, f.etape])).values()];
	const lectures = await Promise.all(etapesFaibles.map(async (e) => ({ ...e, fiches: await fichesProches(db(), termes, e.numero, 2) })));
	const enregistrees = new Set((courante?.reponses ?? []).map((r) => r.question));
	const valeurDe = (r: { question: number; niveau: unknown; commentaire: string }) => [[`q${r.question}`, String(r.niveau)], [`c${r.question}`, r.commentaire]];
	return {
		projet: { id: projet.id, titre: projet.titre },
		questionnaire: q,
		peutEvaluer: peut(acteur, 'evaluer', { type: 'projet', role, public: projet.public }),
		// The form shows what the taking in progress holds; elsewhere, the last finished answers as a proposal.
		valeurs: Object.fromEntries([...(derniere?.reponses.filter((r) => !enregistrees.has(r.question)) ?? []).flatMap(valeurDe), ...(courante?.reponses ?? []).flatMap(valeurDe)]),
		enCours: courante ? { le: courante.creeLe, modifieLe: courante.modifieLe, auteur: courante.auteur, ...avancement(q, courante.reponses) } : null,
		propositionDu: derniere?.termineeLe ?? null,
		derniere: derniere ? { le: derniere.termineeLe, auteur: derniere.auteur, ...scores(q, derniere.reponses) } : null,
		faibles,
		aEclaircir: derniere ? aEclaircir(q, derniere.reponses) : [],
		lectures,
		historique: prises.map((p) => ({ id: p.id, le: p.termineeLe, auteur: p.auteur, ...scores(q, p.reponses) }))
	};
};

export const actions: Actions = {
	/** One stage's answers, saved into the taking in progress. */
	repondre: async (event) => {
		const { projet, acteur } = await projetPour(event, 'evaluer');
		const q = await questionnaire(db());
		const form = await event.request.formData();
		const e = q.find((x) => String(x.numero) === form.get('etape'));
		if (!e) return fail(400, { etape: null, erreurs: { formulaire: 'Cette étape n’existe pas : rechargez la page.' }, valeurs: {} });
		const r = lireEtape(e, form);
		if (!r.ok) return fail(400, { etape: e.numero, valeurs: r.valeurs, erreurs: r.erreurs });
		await enregistrerEtape(db(), projet.id, acteur.id, e, r.reponses);
		redirect(303, `/projets/${projet.id}/auto-evaluation?etape=${e.numero}#message-etape-${e.numero}`);
	},
	/** Finishes the taking once every question has an answer. */
	terminer: async (event) => {
		const { projet, acteur } = await projetPour(event, 'evaluer');
		const q = await questionnaire(db());
		const fin = await terminerAutoEvaluation(db(), projet.id, acteur.id, q);
		if (!fin.ok) return fail(400, { manquantes: fin.manquantes });
		redirect(303, `/projets/${projet.id}/auto-evaluation?terminee#message-resultats`);
	}
};
