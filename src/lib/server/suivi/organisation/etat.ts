// Where a project's monitoring stands, in a few numbers, for the organisation's dashboard:
// what waits for the pilot, what is late, and the indicators followed in France. Pure: it reads
// what `lireSuivis` read.
import { COTES_SUIVI, type CoteSuivi, type StatutValeur } from '../../db/schema.ts';
import type { LigneTableau } from '../valeurs/tableau.ts';

export interface SuiviLu {
	aujourdhui: string;
	periodes: { id: number; libelle: string; debut: string; fin: string; verrouilleeLe: Date | null }[];
	valeurs: { periodeId: number; indicateur: string; cote: CoteSuivi; statut: StatutValeur }[];
	rapports: { periodeId: number; cote: CoteSuivi; statut: StatutValeur }[];
	tableau: LigneTableau[];
	activites: { enRetard: boolean }[];
	execution: { depassements: string[] };
	avertissements: string[];
}

export interface IndicateurIci {
	id: string;
	libelle: string;
	/** The periods taken together, validated values only. */
	total: string;
	cible: string;
	avancement: number | null;
}

export interface EtatDuProjet {
	periodes: number;
	closes: number;
	/** The period today falls in, if any. */
	enCours: string | null;
	/** Values and narrative reports submitted, waiting for a pilot. */
	aValider: number;
	/** Values and reports returned by a pilot, waiting for their authors. */
	renvoyes: number;
	/** Series of a closed period whose value is not submitted yet (absent, draft or returned). */
	valeursEnRetard: number;
	/** Sides of a closed period whose narrative report is not submitted yet. */
	comptesRendusEnRetard: number;
	activitesEnRetard: number;
	lignesEnDepassement: number;
	avertissements: string[];
	indicateursIci: IndicateurIci[];
}

const remis = (statut: StatutValeur | undefined) => statut === 'soumise' || statut === 'validee';

export function etatDuProjet(s: SuiviLu): EtatDuProjet {
	const closes = s.periodes.filter((p) => p.fin < s.aujourdhui);
	const series = s.tableau.filter((l) => l.type !== '').flatMap((l) => l.series.map((serie) => `${l.id}|${serie.cote}`));
	const statutValeur = new Map(s.valeurs.map((v) => [`${v.indicateur}|${v.cote}|${v.periodeId}`, v.statut]));
	const statutRapport = new Map(s.rapports.map((r) => [`${r.cote}|${r.periodeId}`, r.statut]));
	const tous = [...s.valeurs, ...s.rapports];
	return {
		periodes: s.periodes.length,
		closes: closes.length,
		enCours: s.periodes.find((p) => p.debut <= s.aujourdhui && s.aujourdhui <= p.fin)?.libelle ?? null,
		aValider: tous.filter((v) => v.statut === 'soumise').length,
		renvoyes: tous.filter((v) => v.statut === 'renvoyee').length,
		valeursEnRetard: closes.reduce((n, p) => n + series.filter((k) => !remis(statutValeur.get(`${k}|${p.id}`))).length, 0),
		comptesRendusEnRetard: closes.reduce((n, p) => n + COTES_SUIVI.filter((cote) => !remis(statutRapport.get(`${cote}|${p.id}`))).length, 0),
		activitesEnRetard: s.activites.filter((a) => a.enRetard).length,
		lignesEnDepassement: s.execution.depassements.length,
		avertissements: s.avertissements,
		indicateursIci: s.tableau.flatMap((l) =>
			l.type === '' || l.type === 'qualitatif'
				? []
				: l.series.filter((serie) => serie.cote === 'ici').map((serie) => ({ id: l.id, libelle: l.libelle, total: serie.total, cible: l.cibleAffichee, avancement: serie.avancement }))
		)
	};
}
