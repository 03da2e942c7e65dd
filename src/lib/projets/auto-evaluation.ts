// The self-assessment scale and scores: shared by the form, the chart and the exports.

export const NIVEAUX = [
	{ valeur: 1, libelle: 'Pas encore' },
	{ valeur: 2, libelle: 'En partie' },
	{ valeur: 3, libelle: 'En bonne partie' },
	{ valeur: 4, libelle: 'Tout à fait' }
] as const;

export type Niveau = 1 | 2 | 3 | 4;
/** At or under this level, the question is a weak point: the kit suggests what to read. */
export const SEUIL_FAIBLE = 2;

/** From 0 (all « pas encore ») to 100 (all « tout à fait »); null when nothing was answered. */
export function score(niveaux: Niveau[]): number | null {
	if (!niveaux.length) return null;
	return Math.round((niveaux.reduce((t, n) => t + (n - 1), 0) / (niveaux.length * 3)) * 100);
}

export interface ScoreEtape {
	numero: number;
	titre: string;
	score: number | null;
}

/** The overall score: the mean of the stages answered, each stage weighing the same. */
export function scoreGlobal(etapes: ScoreEtape[]): number | null {
	const faits = etapes.map((e) => e.score).filter((s): s is number => s !== null);
	return faits.length ? Math.round(faits.reduce((t, s) => t + s, 0) / faits.length) : null;
}
