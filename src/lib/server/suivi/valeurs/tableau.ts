// The indicators' dashboard, computed in one pass from what four queries read (indicators,
// periods, values, targets per period): the number of queries does not grow with the number of
// indicators.
import type { CoteSuivi, StatutValeur } from '../../db/schema.ts';
import { atteint, type CibleDePeriode } from '../cibles/regles.ts';
import type { ValeurEnregistree } from './base.ts';
import { afficher, agreger, avancement, chiffreDe, ecartsDeVentilation, LIBELLES_COTE, LIBELLES_STATUT, partDe, type Indicateur, type ValeurDePeriode } from './regles.ts';

export interface Cellule {
	periodeId: number;
	affichee: string;
	statut: StatutValeur | null;
	libelleStatut: string;
	/** The period's own target, when the pilot set one. */
	cible: string;
	/** Whether the period's figure meets it (any state of the value); null when nothing to compare. */
	atteinte: boolean | null;
	/** What does not add up in the value's split. */
	ecarts: string[];
}

export interface TotalVentile {
	dimension: string;
	categories: { libelle: string; total: string }[];
}

export interface Serie {
	cote: CoteSuivi;
	libelleCote: string;
	cellules: Cellule[];
	/** The periods taken together, validated values only. */
	total: string;
	/** From the baseline (0) to the target (1), validated values only. */
	avancement: number | null;
	/** The running total after each period (validated values), for the chart; null where nothing is known yet. */
	courbe: (number | null)[];
	/** The targets per period as the chart compares them with the running total; null where none. */
	courbeCible: (number | null)[];
	/** The periods taken together per category of each dimension (validated values). */
	ventilations: TotalVentile[];
}

export interface LigneTableau {
	id: string;
	libelle: string;
	type: Indicateur['type'];
	unite: string;
	sens: Indicateur['sens'];
	reference: number | null;
	cible: number | null;
	cibleAffichee: string;
	series: Serie[];
}

export function tableauDeBord(indicateurs: readonly Indicateur[], periodes: readonly { id: number }[], valeurs: readonly ValeurEnregistree[], cibles: readonly CibleDePeriode[] = []): LigneTableau[] {
	const ordre = new Map(periodes.map((p, i) => [p.id, i]));
	const parCle = new Map(valeurs.map((v) => [`${v.indicateur}|${v.cote}|${v.periodeId}`, v]));
	const ciblesParCle = new Map(cibles.map((c) => [`${c.indicateur}|${c.cote}|${c.periodeId}`, c.cible]));
	return indicateurs.map((ind) => ({
		id: ind.id,
		libelle: ind.libelle,
		type: ind.type,
		unite: ind.unite,
		sens: ind.sens,
		reference: ind.reference,
		cible: ind.cible,
		cibleAffichee: ind.type === 'qualitatif' ? ind.cibleTexte : ind.cible === null ? '' : afficher(ind.cible, ind.unite),
		series: ind.cotes.map((cote) => {
			const siennes = periodes.map((p) => parCle.get(`${ind.id}|${cote}|${p.id}`));
			const sesCibles = periodes.map((p) => ciblesParCle.get(`${ind.id}|${cote}|${p.id}`) ?? null);
			const validees = siennes.filter((v): v is ValeurEnregistree => v?.statut === 'validee').map((v) => ({ ...v, ordre: ordre.get(v.periodeId)! }));
			const total = agreger(ind, validees);
			return {
				cote,
				libelleCote: LIBELLES_COTE[cote],
				cellules: periodes.map((p, i) => {
					const v = siennes[i];
					const cible = ind.type === 'qualitatif' ? null : (sesCibles[i] ?? null);
					const chiffre = v ? chiffreDe(v) : null;
					return {
						periodeId: p.id,
						affichee: !v ? '' : ind.type === 'qualitatif' ? (v.texte ?? '') : afficher(chiffre, ind.unite),
						statut: v?.statut ?? null,
						libelleStatut: v ? LIBELLES_STATUT[v.statut] : 'À saisir',
						cible: cible === null ? '' : afficher(cible, ind.unite),
						atteinte: cible === null || chiffre === null ? null : atteint(ind.sens, chiffre, cible),
						ecarts: v ? ecartsDeVentilation(ind, v) : []
					};
				}),
				total: ind.type === 'qualitatif' ? '' : afficher(total, ind.unite),
				avancement: avancement(ind, total),
				courbe: periodes.map((_, i) => (validees.some((v) => v.ordre === i) ? agreger(ind, validees.filter((v) => v.ordre <= i)) : null)),
				// Periods that add up compare the running total with the running sum of their targets.
				courbeCible: ind.agregation === 'somme' ? sesCibles.map((c, i) => (c === null || sesCibles.slice(0, i).some((x) => x === null) ? null : sesCibles.slice(0, i + 1).reduce((t, x) => t! + x!, 0))) : sesCibles,
				ventilations: ind.ventilations.map((dim) => ({
					dimension: dim.libelle,
					categories: dim.categories.map((categorie) => {
						const parts = validees.flatMap((v): ValeurDePeriode[] => {
							const part = partDe(v, dim.id, categorie);
							return part ? [{ ...part, ordre: v.ordre }] : [];
						});
						return { libelle: categorie, total: afficher(agreger(ind, parts), ind.unite) };
					})
				}))
			};
		})
	}));
}
