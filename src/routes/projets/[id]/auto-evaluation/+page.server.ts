import { fail, redirect } from '@sveltejs/kit';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { enregistrerAutoEvaluation, historique, lireReponses, pointsFaibles, questionnaire, scores } from '#lib/server/projets/auto-evaluation.ts';
import { fichesProches, termesDuProjet } from '#lib/server/projets/guide.ts';
import { etatSection } from '#lib/server/projets/projets.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [q, prises, identite] = await Promise.all([questionnaire(db()), historique(db(), projet.id), etatSection(db(), projet.id, 'identite')]);
	const derniere = prises[0];
	const faibles = derniere ? pointsFaibles(q, derniere.reponses) : [];
	const termes = termesDuProjet(identite.donnees);
	const etapesFaibles = [...new Map(faibles.map((f) => [f.etape.numero, f.etape])).values()];
	const lectures = await Promise.all(etapesFaibles.map(async (e) => ({ ...e, fiches: await fichesProches(db(), termes, e.numero, 2) })));
	return {
		projet: { id: projet.id, titre: projet.titre },
		questionnaire: q,
		peutEvaluer: peut(acteur, 'evaluer', { type: 'projet', role, public: projet.public }),
		precedentes: derniere ? Object.fromEntries(derniere.reponses.flatMap((r) => [[`q${r.question}`, String(r.niveau)], [`c${r.question}`, r.commentaire]])) : {},
		derniere: derniere ? { le: derniere.creeLe, auteur: derniere.auteur, ...scores(q, derniere.reponses) } : null,
		faibles,
		lectures,
		historique: prises.map((p) => ({ id: p.id, le: p.creeLe, auteur: p.auteur, ...scores(q, p.reponses) }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { projet, acteur } = await projetPour(event, 'evaluer');
		const q = await questionnaire(db());
		const r = lireReponses(q, await event.request.formData());
		if (!r.ok) return fail(400, { valeurs: r.valeurs, erreurs: r.erreurs });
		await enregistrerAutoEvaluation(db(), projet.id, acteur.id, r.reponses);
		redirect(303, `/projets/${projet.id}/auto-evaluation?enregistree#resultats`);
	}
};
