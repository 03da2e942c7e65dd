import { remplissage, SECTIONS } from '#lib/projets/sections.ts';
import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { LIBELLES_ROLES_PROJET, publier, resumePour } from '#lib/server/projets/actions.ts';
import { avancement, enCours, historique, questionnaire, scores } from '#lib/server/projets/auto-evaluation.ts';
import { MESSAGES_CHOIX, PARTIES_DOSSIER, partiesParDefaut } from '#lib/server/projets/exports/dossier.ts';
import { activiteRecente, equipeDuProjet, organisationsPartenaires, sectionsDuProjet } from '#lib/server/projets/projets.ts';
import { listes, listesDe } from '#lib/server/projets/references.ts';
import { periodesDuProjet } from '#lib/server/suivi/periodes/base.ts';
import { etatDesValeurs } from '#lib/server/suivi/valeurs/base.ts';
import { recommandationsOuvertes } from '#lib/server/evaluation/base.ts';
import { avertissements } from '#lib/projets/analyses.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await resumePour(event);
	const contenus = await sectionsDuProjet(db(), projet.id);
	const identite = SECTIONS[0]!;
	const base = { projet: { id: projet.id, titre: projet.titre, porteur: projet.porteur, porteurSlug: projet.porteurSlug, public: projet.public }, identite: { section: identite, donnees: contenus.identite!.donnees, listes: listesDe(identite, (await listes(db())).listes) } };
	// Outside the team, a public project shows its identity only.
	if (!role) return { ...base, equipe: null };
	const ressource = { type: 'projet', role, public: projet.public } as const;
	const [equipe, activite, prises, courante, q, periodes, valeurs, recommandations] = await Promise.all([
		equipeDuProjet(db(), projet.id),
		activiteRecente(db(), projet.id),
		historique(db(), projet.id),
		enCours(db(), projet.id),
		questionnaire(db()),
		periodesDuProjet(db(), projet.id),
		etatDesValeurs(db(), projet.id),
		recommandationsOuvertes(db(), projet.id)
	]);
	const titres = new Map(SECTIONS.map((s) => [s.slug, s.titre]));
	const parDefaut = partiesParDefaut(contenus);
	const codeExport = event.url.searchParams.get('export');
	return {
		...base,
		role: LIBELLES_ROLES_PROJET[role],
		peutGerer: peut(acteur, 'gerer-equipe', ressource),
		peutOrganiserSuivi: peut(acteur, 'organiser-suivi', ressource),
		sections: SECTIONS.map((s) => ({
			slug: s.slug,
			titre: s.titre,
			etape: s.etape,
			remplissage: remplissage(s, contenus[s.slug]!.donnees),
			modifieLe: contenus[s.slug]!.modifieLe,
			modifiePar: contenus[s.slug]!.modifiePar,
			avertissements: contenus[s.slug]!.version ? avertissements(s.slug, contenus[s.slug]!.donnees) : []
		})),
		equipe: equipe.map((m) => ({ nom: m.nom, role: LIBELLES_ROLES_PROJET[m.role], organisations: m.organisations.map((o) => o.nom) })),
		partenaires: organisationsPartenaires(equipe, projet.porteurSlug),
		activite: activite.map((a) => ({ ...a, section: titres.get(a.section) ?? a.section })),
		autoEvaluation: prises[0] ? { le: prises[0].termineeLe, ...scores(q, prises[0].reponses) } : null,
		// Where monitoring stands: its periods so far.
		suivi: { periodes: periodes.length, premiere: periodes[0]?.libelle ?? null, derniere: periodes.at(-1)?.libelle ?? null, valeurs, recommandations },
		autoEvaluationEnCours: courante ? { modifieLe: courante.modifieLe, ...avancement(q, courante.reponses) } : null,
		// The dossier's parts, the filled ones checked.
		dossier: {
			parties: PARTIES_DOSSIER.map((p) => ({ ...p, remplie: parDefaut.includes(p.id) })),
			erreur: codeExport && codeExport in MESSAGES_CHOIX ? MESSAGES_CHOIX[codeExport as keyof typeof MESSAGES_CHOIX] : null
		}
	};
};

export const actions: Actions = { publier };
