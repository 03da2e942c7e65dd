// The self-assessment scale and scores: shared by the form, the chart and the exports.

export const NIVEAUX = [
	{ valeur: 1, libelle: 'Pas encore' },
	{ valeur: 2, libelle: 'En partie' },
	{ valeur: 3, libelle: 'En bonne partie' },
	{ valeur: 4, libelle: 'Tout à fait' }
] as const;

/** Answers beside the scale, set aside from the scores. */
export const HORS_ECHELLE = [
	{ valeur: 'sans-objet', libelle: 'Sans objet' },
	{ valeur: 'ne-sait-pas', libelle: 'Je ne sais pas' }
] as const;

export type Niveau = 1 | 2 | 3 | 4;
export type HorsEchelle = (typeof HORS_ECHELLE)[number]['valeur'];
export type Reponse = Niveau | HorsEchelle;

/** At or under this level, the question is a weak point: the kit suggests what to read. */
export const SEUIL_FAIBLE = 2;

/** A posted answer (« 1 »…« 4 », « sans-objet », « ne-sait-pas ») as stored, or undefined. */
export function lireReponse(brut: unknown): Reponse | undefined {
	if (brut === '1' || brut === '2' || brut === '3' || brut === '4') return Number(brut) as Niveau;
	return HORS_ECHELLE.find((h) => h.valeur === brut)?.valeur;
}

export const estNiveau = (r: unknown): r is Niveau => r === 1 || r === 2 || r === 3 || r === 4;

export const libelleReponse = (r: Reponse) => (estNiveau(r) ? NIVEAUX[r - 1]!.libelle : HORS_ECHELLE.find((h) => h.valeur === r)!.libelle);

/** The answers left out of a score. */
export interface Ecartees {
	sansObjet: number;
	neSaitPas: number;
}

/**
 * From 0 (all « pas encore ») to 100 (all « tout à fait »), on the answers of the scale only:
 * « sans objet » and « je ne sais pas » are left aside (and counted); null when no answer is
 * on the scale.
 */
export function score(reponses: readonly Reponse[]): number | null {
	const niveaux = reponses.filter(estNiveau);
	if (!niveaux.length) return null;
	return Math.round((niveaux.reduce((t, n) => t + (n - 1), 0) / (niveaux.length * 3)) * 100);
}

export const ecartees = (reponses: readonly Reponse[]): Ecartees => ({
	sansObjet: reponses.filter((r) => r === 'sans-objet').length,
	neSaitPas: reponses.filter((r) => r === 'ne-sait-pas').length
});

export interface ScoreEtape {
	numero: number;
	titre: string;
	score: number | null;
	ecartees: Ecartees;
}

/** The overall score: the mean of the stages that have one, each stage weighing the same. */
export function scoreGlobal(etapes: ScoreEtape[]): number | null {
	const faits = etapes.map((e) => e.score).filter((s): s is number => s !== null);
	return faits.length ? Math.round(faits.reduce((t, s) => t + s, 0) / faits.length) : null;
}

export const totalEcartees = (etapes: readonly { ecartees: Ecartees }[]): Ecartees => ({
	sansObjet: etapes.reduce((t, e) => t + e.ecartees.sansObjet, 0),
	neSaitPas: etapes.reduce((t, e) => t + e.ecartees.neSaitPas, 0)
});

/**
 * « 3 réponses écartées du calcul (2 sans objet, 1 je ne sais pas) », « 1 réponse écartée du
 * calcul (sans objet) », or '' when none was; `court` leaves out « du calcul » (a table's column).
 */
export function phraseEcartees(e: Ecartees, court = false): string {
	const n = e.sansObjet + e.neSaitPas;
	if (!n) return '';
	const detail = [e.sansObjet ? `${e.sansObjet} sans objet` : '', e.neSaitPas ? `${e.neSaitPas} je ne sais pas` : ''].filter(Boolean);
	const pourquoi = detail.length === 2 ? detail.join(', ') : n === 1 ? detail[0]!.replace(/^1 /, '') : detail[0]!;
	return `${n} réponse${n > 1 ? 's' : ''} écartée${n > 1 ? 's' : ''}${court ? '' : ' du calcul'} (${pourquoi})`;
}
