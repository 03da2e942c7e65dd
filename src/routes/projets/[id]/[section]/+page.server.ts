import { avertissements, bilanBudget, frise, matriceTransversale } from '#lib/projets/analyses.ts';
import { cadreLogique } from '#lib/projets/liens.ts';
import { SECTIONS } from '#lib/projets/sections.ts';
import { db } from '#lib/server/demarrage.ts';
import { estConnecte, peut } from '#lib/server/policies/index.ts';
import { commenter, enregistrer, projetPour, sectionPour, supprimerCommentaire } from '#lib/server/projets/actions.ts';
import { guideDeLEtape } from '#lib/server/projets/guide.ts';
import { commentaires, sectionsDuProjet } from '#lib/server/projets/projets.ts';
import { avecLeProjet, listes, listesDe } from '#lib/server/projets/references.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const s = sectionPour(event.params.section);
	const [tout, notes, l] = await Promise.all([sectionsDuProjet(db(), projet.id), commentaires(db(), projet.id, s.slug), listes(db())]);
	const etat = tout[s.slug]!;
	const identite = tout.identite!;
	const contenus = Object.fromEntries(Object.entries(tout).map(([slug, e]) => [slug, e.donnees]));
	const complet = avecLeProjet(l.listes, contenus);
	const i = SECTIONS.indexOf(s);
	return {
		projet: { id: projet.id, titre: projet.titre },
		section: s,
		precedente: SECTIONS[i - 1] ? { slug: SECTIONS[i - 1]!.slug, titre: SECTIONS[i - 1]!.titre } : null,
		suivante: SECTIONS[i + 1] ? { slug: SECTIONS[i + 1]!.slug, titre: SECTIONS[i + 1]!.titre } : null,
		etat: { donnees: etat.donnees, version: etat.version, modifieLe: etat.modifieLe, modifiePar: etat.modifiePar },
		listes: listesDe(s, complet),
		cadre: s.slug === 'cadre-logique' ? cadreLogique(contenus) : null,
		guide: await guideDeLEtape(db(), s.etape, identite.donnees),
		commentaires: notes.map(({ auteurId, ...c }) => ({
			...c,
			supprimable: peut(acteur, 'supprimer', { type: 'commentaire', role, sien: estConnecte(acteur) && auteurId === acteur.id })
		})),
		avertissements: etat.version ? avertissements(s.slug, etat.donnees) : [],
		budget: s.slug === 'budget' ? bilanBudget(etat.donnees) : null,
		frise: s.slug === 'calendrier' ? frise(etat.donnees) : null,
		matrice: s.slug === 'transversalite' ? matriceTransversale(etat.donnees, complet.activites) : null,
		peutModifier: peut(acteur, 'modifier', { type: 'projet', role, public: projet.public }),
		peutCommenter: peut(acteur, 'commenter', { type: 'projet', role, public: projet.public })
	};
};

export const actions: Actions = { enregistrer, commenter, supprimerCommentaire };
