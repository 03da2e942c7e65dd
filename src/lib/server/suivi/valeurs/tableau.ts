// The indicators' dashboard, computed in one pass from what three queries read (indicators,
// periods, values): the number of queries does not grow with the number of indicators.
import type { CoteSuivi, StatutValeur } from '../../db/schema.ts';
import type { ValeurEnregistree } from './base.ts';
import { afficher, agreger, avancement, chiffreDe, LIBELLES_COTE, LIBELLES_STATUT, type Indicateur } from './regles.ts';

export interface Cellule {
	periodeId: number;
	affichee: string;
	statut: StatutValeur | null;
	libelleStatut: string;
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

export function tableauDeBord(indicateurs: readonly Indicateur[], periodes: readonly { id: number }[], valeurs: readonly ValeurEnregistree[]): LigneTableau[] {
	const ordre = new Map(periodes.map((p, i) => [p.id, i]));
	const parCle = new Map(valeurs.map((v) => [`${v.indicateur}|${v.cote}|${v.periodeId}`, v]));
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
			const validees = siennes.filter((v): v is ValeurEnregistree => v?.statut === 'validee').map((v) => ({ ...v, ordre: ordre.get(v.periodeId)! }));
			const total = agreger(ind, validees);
			return {
				cote,
				libelleCote: LIBELLES_COTE[cote],
				cellules: periodes.map((p, i) => {
					const v = siennes[i];
					return {
						periodeId: p.id,
						affichee: !v ? '' : ind.type === 'qualitatif' ? (v.texte ?? '') : afficher(chiffreDe(v), ind.unite),
						statut: v?.statut ?? null,
						libelleStatut: v ? LIBELLES_STATUT[v.statut] : 'À saisir'
					};
				}),
				total: ind.type === 'qualitatif' ? '' : afficher(total, ind.unite),
				avancement: avancement(ind, total),
				courbe: periodes.map((_, i) => (validees.some((v) => v.ordre === i) ? agreger(ind, validees.filter((v) => v.ordre <= i)) : null))
			};
		})
	}));
}
