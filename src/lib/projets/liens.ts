// The lists a project draws from its own rows: the levels of its logical framework and its
// activities, each typed once and chosen wherever it is needed (the value kept is the row's id).
import { lignes, type Donnees, type Ligne, type Option, type ReferentielProjet } from './sections.ts';
import { dimensionsDuCadre } from './ventilations.ts';

export type ListesProjet = Record<ReferentielProjet, Option[]>;

/** The objective général, as the one level that has no row. */
export const OBJECTIF_GENERAL = 'general';

const court = (s: string, max = 90) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const options = (rangs: Ligne[], colonne: string, prefixe: string): Option[] =>
	rangs
		.filter((l) => typeof l.id === 'string' && l.id && typeof l[colonne] === 'string' && l[colonne])
		.map((l, i) => ({ valeur: l.id as string, libelle: court(`${prefixe} ${i + 1} — ${l[colonne] as string}`) }));

/** From the project's sections (as stored, or as about to be saved). */
export function listesDuProjet(sections: Partial<Record<string, Donnees>>): ListesProjet {
	const cadre = sections['cadre-logique'];
	const objectifs = options(lignes(cadre, 'objectifsSpecifiques'), 'objectif', 'OS');
	const resultats = options(lignes(cadre, 'resultats'), 'resultat', 'R');
	const activites = options(lignes(sections.calendrier, 'activites'), 'activite', 'A');
	const general = typeof cadre?.objectifGeneral === 'string' && cadre.objectifGeneral ? [{ valeur: OBJECTIF_GENERAL, libelle: court(`OG — ${cadre.objectifGeneral}`) }] : [];
	const dimensions = dimensionsDuCadre(cadre).map((d) => ({ valeur: d.id, libelle: court(d.libelle) }));
	return { objectifs, resultats, activites, niveaux: [...general, ...objectifs, ...resultats], postes: [...resultats, ...activites], dimensions };
}

export interface NiveauCadre {
	/** « Objectif général », « Objectif spécifique 1 », « Résultat 1 », « Activité 3 ». */
	niveau: string;
	profondeur: 0 | 1 | 2 | 3;
	intitule: string;
	indicateurs: string[];
	verification: string;
	hypotheses: string;
}

const t = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The logical framework as its matrix reads, level under level: the general objective, each
 * specific objective with the results that serve it, each result with its activities; what is
 * not linked yet comes last, under its own level, so that nothing typed is hidden.
 */
export function cadreLogique(sections: Partial<Record<string, Donnees>>): NiveauCadre[] {
	const cadre = sections['cadre-logique'];
	const objectifs = lignes(cadre, 'objectifsSpecifiques');
	const resultats = lignes(cadre, 'resultats');
	const activites = lignes(sections.calendrier, 'activites');
	const indicateurs = lignes(cadre, 'indicateurs');
	const mesures = (id: string) => indicateurs.filter((i) => i.rattachement === id && t(i.indicateur)).map((i) => t(i.indicateur));
	const rangs: NiveauCadre[] = [];
	if (t(cadre?.objectifGeneral) || mesures(OBJECTIF_GENERAL).length)
		rangs.push({ niveau: 'Objectif général', profondeur: 0, intitule: t(cadre?.objectifGeneral), indicateurs: mesures(OBJECTIF_GENERAL), verification: t(cadre?.objectifGeneralVerification), hypotheses: t(cadre?.objectifGeneralHypotheses) });
	const numeroR = new Map(resultats.map((r, i) => [r.id, i + 1]));
	const numeroA = new Map(activites.map((a, i) => [a.id, i + 1]));
	const ligne = (niveau: string, profondeur: NiveauCadre['profondeur'], l: Record<string, unknown>, colonne: string): NiveauCadre => ({
		niveau,
		profondeur,
		intitule: t(l[colonne]),
		indicateurs: typeof l.id === 'string' ? mesures(l.id) : [],
		verification: t(l.verification),
		hypotheses: t(l.hypotheses)
	});
	const avecActivites = (r: (typeof resultats)[number], profondeur: 1 | 2) => {
		rangs.push(ligne(`Résultat ${numeroR.get(r.id)}${profondeur === 1 ? ', sans objectif spécifique' : ''}`, profondeur, r, 'resultat'));
		for (const a of activites.filter((a) => a.resultat && a.resultat === r.id)) rangs.push(ligne(`Activité ${numeroA.get(a.id)}`, (profondeur + 1) as 2 | 3, a, 'activite'));
	};
	const ids = new Set(objectifs.map((o) => o.id));
	objectifs.forEach((o, i) => {
		rangs.push(ligne(`Objectif spécifique ${i + 1}`, 1, o, 'objectif'));
		for (const r of resultats.filter((r) => r.objectif && r.objectif === o.id)) avecActivites(r, 2);
	});
	for (const r of resultats.filter((r) => !r.objectif || !ids.has(r.objectif))) avecActivites(r, 1);
	const idsR = new Set(resultats.map((r) => r.id));
	for (const a of activites.filter((a) => !a.resultat || !idsR.has(a.resultat))) rangs.push(ligne(`Activité ${numeroA.get(a.id)}, sans résultat`, 1, a, 'activite'));
	return rangs;
}
