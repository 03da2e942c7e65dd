import { db } from '#lib/server/demarrage.ts';
import { peut } from '#lib/server/policies/index.ts';
import { projetPour } from '#lib/server/projets/actions.ts';
import { enregistrer } from '#lib/server/suivi/cibles/actions.ts';
import { ciblesDuProjet } from '#lib/server/suivi/cibles/base.ts';
import { avecCibles, champCible } from '#lib/server/suivi/cibles/regles.ts';
import { periodesDuProjet } from '#lib/server/suivi/periodes/base.ts';
import { indicateursDuProjet } from '#lib/server/suivi/valeurs/actions.ts';
import { afficher, LIBELLES_COTE } from '#lib/server/suivi/valeurs/regles.ts';
import type { Actions, PageServerLoad } from './$types';

const REGLES = {
	cumul: 'Indicateur cumulé : la cible d’une période est le niveau attendu à sa fin.',
	somme: 'Les périodes s’additionnent : la cible d’une période est ce qu’elle doit apporter à elle seule.',
	pourcentage: 'Pourcentage : la cible d’une période est le pourcentage attendu sur cette période.',
	'': 'Le cumul des périodes reste à préciser dans le cadre logique.'
} as const;

export const load: PageServerLoad = async (event) => {
	const { projet, role, acteur } = await projetPour(event, 'lire');
	const [indicateurs, periodes, cibles] = await Promise.all([indicateursDuProjet(projet.id), periodesDuProjet(db(), projet.id), ciblesDuProjet(db(), projet.id)]);
	const chiffre = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));
	return {
		projet: { id: projet.id, titre: projet.titre },
		modifier: peut(acteur, 'organiser-suivi', { type: 'projet', role, public: projet.public }),
		periodes: periodes.map((p) => ({ id: p.id, libelle: p.libelle })),
		indicateurs: avecCibles(indicateurs).map((i) => ({
			id: i.id,
			libelle: i.libelle,
			unite: i.unite,
			regle: REGLES[i.agregation],
			cibleFinale: i.cible === null ? '' : afficher(i.cible, i.unite),
			series: i.cotes.map((cote) => ({
				cote,
				libelleCote: LIBELLES_COTE[cote],
				cellules: periodes.map((p) => {
					const c = cibles.find((x) => x.indicateur === i.id && x.cote === cote && x.periodeId === p.id)?.cible;
					return { nom: champCible(i.id, cote, p.id), saisie: chiffre(c), affichee: c === undefined ? '' : afficher(c, i.unite) };
				})
			}))
		})),
		enregistrees: event.url.searchParams.has('enregistrees')
	};
};

export const actions: Actions = { enregistrer };
