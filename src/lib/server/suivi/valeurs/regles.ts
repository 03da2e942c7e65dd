// The rules of indicator values, without the database: which series an indicator has, what a
// value of its kind is, how the periods add up, and how far the project is from its target.
import { z } from 'zod';
import { lignes, type Donnees, type Ligne } from '#lib/projets/sections.ts';
import { champVentilation, dimensionsDuCadre, type Dimension } from '#lib/projets/ventilations.ts';
import { enMinuscule } from '#lib/francais.ts';
import type { CoteSuivi, StatutValeur } from '../../db/schema.ts';
import { lireNombre } from '../../projets/saisie.ts';

export type TypeIndicateur = 'nombre' | 'pourcentage' | 'qualitatif';
export type Agregation = 'cumul' | 'somme' | 'pourcentage';

export interface Indicateur {
	id: string;
	libelle: string;
	/** Empty while the team has not said: the indicator cannot receive values yet. */
	type: TypeIndicateur | '';
	unite: string;
	sens: 'hausse' | 'baisse' | '';
	agregation: Agregation | '';
	cotes: CoteSuivi[];
	reference: number | null;
	cible: number | null;
	/** The target or baseline in words, for a qualitative one. */
	cibleTexte: string;
	rattachement: string;
	/** The dimensions its figures are split along (none, one or two). */
	ventilations: Dimension[];
}

const texte = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const nombre = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const parmi = <T extends string>(v: unknown, valeurs: readonly T[]): T | '' => (valeurs.includes(v as T) ? (v as T) : '');

/** « Les deux », or a side not said yet: both sides are followed, each as its own series. */
export const cotesDe = (cote: unknown): CoteSuivi[] => (cote === 'ici' ? ['ici'] : cote === 'la-bas' ? ['la-bas'] : ['ici', 'la-bas']);

/** The indicators of the logical framework, in its order. */
export function indicateursDuCadre(cadre: Donnees | undefined): Indicateur[] {
	const dimensions = dimensionsDuCadre(cadre);
	return lignes(cadre, 'indicateurs')
		.filter((l): l is Ligne & { id: string } => typeof l.id === 'string' && texte(l.indicateur) !== '')
		.map((l) => {
			const type = parmi(l.type, ['nombre', 'pourcentage', 'qualitatif'] as const);
			return {
				id: l.id,
				libelle: texte(l.indicateur),
				type,
				unite: type === 'pourcentage' ? '%' : texte(l.unite),
				sens: parmi(l.sens, ['hausse', 'baisse'] as const),
				agregation: type === 'pourcentage' ? 'pourcentage' : parmi(l.agregation, ['cumul', 'somme'] as const),
				cotes: cotesDe(l.cote),
				reference: nombre(l.reference),
				cible: nombre(l.cible),
				cibleTexte: texte(l.cible),
				rattachement: texte(l.rattachement),
				ventilations: type === 'qualitatif' ? [] : [...new Set([l.ventilation, l.ventilation2])].map((id) => dimensions.find((d) => d.id === id)).filter((d): d is Dimension => d !== undefined)
			};
		});
}

/** One category's share of a value: a number, or a percentage's two parts. */
export type Part = { valeur: number | null; numerateur: number | null; denominateur: number | null };
/** A value's split: by dimension id, by category name, the categories left blank absent. */
export type Ventilation = Record<string, Record<string, Part>>;

export interface Contenu {
	valeur: number | null;
	numerateur: number | null;
	denominateur: number | null;
	texte: string | null;
	commentaire: string;
	ventilation: Ventilation | null;
}

const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const commentaire = z
	.string()
	.trim()
	.max(2000, 'Le commentaire ne peut dépasser 2 000 caractères.')
	.refine((v) => !CONTROLE.test(v), 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.');

/** A number as typed (« 1 234,5 »), within sane bounds; a French message otherwise. */
function chiffre(brut: string | undefined, nom: string, min = -1e12): number | string {
	const s = (brut ?? '').trim();
	if (!s) return `Indiquez ${nom}.`;
	const n = lireNombre(s);
	if (Number.isNaN(n)) return `Indiquez ${nom} en chiffres, par exemple 24 ou 12,5.`;
	if (n < min) return min === 0 ? `${nom[0]!.toUpperCase()}${nom.slice(1)} ne peut être négatif.` : 'Ce nombre est trop petit.';
	if (n > 1e12) return 'Ce nombre est trop grand.';
	return n;
}

export type LectureValeur = { ok: true; contenu: Contenu } | { ok: false; erreurs: Record<string, string> };

/** Reads a value of the indicator's kind from the form's fields. */
export function lireValeur(i: Indicateur, saisie: Record<string, string | undefined>): LectureValeur {
	const erreurs: Record<string, string> = {};
	const c = commentaire.safeParse(saisie.commentaire ?? '');
	if (!c.success) erreurs.commentaire = c.error.issues[0]!.message;
	const contenu: Contenu = { valeur: null, numerateur: null, denominateur: null, texte: null, commentaire: c.success ? c.data : '', ventilation: null };
	if (i.type === '') return { ok: false, erreurs: { formulaire: 'Précisez d’abord le type de cet indicateur dans le cadre logique (nombre, pourcentage ou qualitatif).' } };
	if (i.type === 'nombre') {
		const n = chiffre(saisie.valeur, 'la valeur');
		if (typeof n === 'string') erreurs.valeur = n;
		else contenu.valeur = n;
	} else if (i.type === 'pourcentage') {
		const num = chiffre(saisie.numerateur, 'le numérateur', 0);
		const den = chiffre(saisie.denominateur, 'le dénominateur', 0);
		if (typeof num === 'string') erreurs.numerateur = num;
		if (typeof den === 'string') erreurs.denominateur = den;
		else if (den === 0) erreurs.denominateur = 'Le dénominateur ne peut être nul : c’est le nombre de personnes (ou de cas) sur lequel le pourcentage se calcule.';
		if (typeof num === 'number' && typeof den === 'number' && den > 0 && num > den) erreurs.numerateur = 'Le numérateur ne peut dépasser le dénominateur : un pourcentage va de 0 à 100.';
		if (!erreurs.numerateur && !erreurs.denominateur) {
			contenu.numerateur = num as number;
			contenu.denominateur = den as number;
		}
	} else {
		const t = (saisie.texte ?? '').trim();
		if (!t) erreurs.texte = 'Décrivez ce qui a été observé.';
		else if (t.length > 2000) erreurs.texte = `2 000 caractères au plus (${t.length} saisis).`;
		else if (CONTROLE.test(t)) erreurs.texte = 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.';
		else contenu.texte = t;
	}
	if (i.type !== 'qualitatif') contenu.ventilation = lireVentilation(i, saisie, erreurs);
	return Object.keys(erreurs).length ? { ok: false, erreurs } : { ok: true, contenu };
}

/** The split as typed: a category left blank is not part of it; null when nothing is split. */
function lireVentilation(i: Indicateur, saisie: Record<string, string | undefined>, erreurs: Record<string, string>): Ventilation | null {
	const r: Ventilation = {};
	i.ventilations.forEach((dim, d) =>
		dim.categories.forEach((categorie, c) => {
			const nom = (part: keyof Part) => champVentilation(d, c, part);
			const vide = (part: keyof Part) => !(saisie[nom(part)] ?? '').trim();
			if (i.type === 'nombre') {
				if (vide('valeur')) return;
				const n = chiffre(saisie[nom('valeur')], 'la valeur');
				if (typeof n === 'string') erreurs[nom('valeur')] = n;
				else (r[dim.id] ??= {})[categorie] = { valeur: n, numerateur: null, denominateur: null };
			} else {
				if (vide('numerateur') && vide('denominateur')) return;
				const num = chiffre(saisie[nom('numerateur')], 'le numérateur', 0);
				const den = chiffre(saisie[nom('denominateur')], 'le dénominateur', 0);
				if (typeof num === 'string') erreurs[nom('numerateur')] = num;
				if (typeof den === 'string') erreurs[nom('denominateur')] = den;
				else if (den === 0) erreurs[nom('denominateur')] = 'Le dénominateur ne peut être nul.';
				else if (typeof num === 'number' && num > den) erreurs[nom('numerateur')] = 'Le numérateur ne peut dépasser le dénominateur.';
				if (typeof num === 'number' && typeof den === 'number' && den > 0 && num <= den) (r[dim.id] ??= {})[categorie] = { valeur: null, numerateur: num, denominateur: den };
			}
		})
	);
	return Object.keys(r).length ? r : null;
}

const somme = (parts: Part[], k: keyof Part) => parts.reduce((t, p) => t + (p[k] ?? 0), 0);
const egaux = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * What does not add up in a value's split, in French: a split whose categories do not sum to
 * the total (saying how many categories were left blank). Flagged, never refused: the total may be known
 * before every category is counted.
 */
export function ecartsDeVentilation(i: Pick<Indicateur, 'type' | 'unite' | 'ventilations'>, v: Pick<Contenu, 'valeur' | 'numerateur' | 'denominateur' | 'ventilation'>): string[] {
	const ecarts: string[] = [];
	for (const dim of i.ventilations) {
		const siennes = v.ventilation?.[dim.id];
		if (!siennes) continue;
		const parts = dim.categories.map((c) => siennes[c]).filter((p): p is Part => p !== undefined);
		const manquantes = dim.categories.length - parts.length;
		const nom = enMinuscule(dim.libelle);
		if (i.type === 'nombre' && v.valeur !== null) {
			const t = somme(parts, 'valeur');
			if (!egaux(t, v.valeur)) ecarts.push(`La ventilation par ${nom} donne ${afficher(t, i.unite)} pour un total de ${afficher(v.valeur, i.unite)}${manquantes ? ` (${manquantes === 1 ? 'une catégorie est vide' : `${manquantes} catégories sont vides`})` : ''}.`);
		} else if (i.type === 'pourcentage' && v.numerateur !== null && v.denominateur !== null) {
			const n = somme(parts, 'numerateur');
			const d = somme(parts, 'denominateur');
			if (!egaux(n, v.numerateur) || !egaux(d, v.denominateur)) ecarts.push(`La ventilation par ${nom} donne ${afficher(n)} sur ${afficher(d)} pour un total de ${afficher(v.numerateur)} sur ${afficher(v.denominateur)}${manquantes ? ` (${manquantes === 1 ? 'une catégorie est vide' : `${manquantes} catégories sont vides`})` : ''}.`);
		}
	}
	return ecarts;
}

/** The value of one category, as a value of its own (for the periods taken together and the exports). */
export const partDe = (v: Pick<Contenu, 'ventilation'>, dimension: string, categorie: string): Part | undefined => v.ventilation?.[dimension]?.[categorie];

/** A value's figure: the number, or the percentage its parts give. */
export const chiffreDe = (v: Pick<Contenu, 'valeur' | 'numerateur' | 'denominateur'>): number | null =>
	v.valeur !== null ? v.valeur : v.numerateur !== null && v.denominateur ? (100 * v.numerateur) / v.denominateur : null;

export type ValeurDePeriode = Pick<Contenu, 'valeur' | 'numerateur' | 'denominateur'> & { ordre: number };

/**
 * The periods taken together, by the indicator's rule: cumulative, the latest period's value
 * counts; per period, they add up; a percentage is recomputed from the summed numerators and
 * denominators (never an average of percentages). Null when nothing can be said.
 */
export function agreger(i: Pick<Indicateur, 'type' | 'agregation'>, valeurs: readonly ValeurDePeriode[]): number | null {
	if (i.type === 'qualitatif' || i.type === '' || !valeurs.length) return null;
	if (i.type === 'pourcentage') {
		const num = valeurs.reduce((t, v) => t + (v.numerateur ?? 0), 0);
		const den = valeurs.reduce((t, v) => t + (v.denominateur ?? 0), 0);
		return den > 0 ? (100 * num) / den : null;
	}
	const chiffres = valeurs.filter((v) => v.valeur !== null);
	if (!chiffres.length) return null;
	if (i.agregation === 'somme') return chiffres.reduce((t, v) => t + v.valeur!, 0);
	if (i.agregation === 'cumul') return [...chiffres].sort((a, b) => a.ordre - b.ordre).at(-1)!.valeur;
	return null;
}

/**
 * How far from the baseline toward the target, from 0 (baseline) to 1 (target reached),
 * whichever way is better: for « lower is better » the target lies below the baseline. A
 * missing baseline counts as 0 (« 24 jeunes accueillis »), except when lower is better: then
 * nothing can be said. Null when the target is missing or equals the baseline; may exceed 1
 * or fall below 0.
 */
export function avancement(i: Pick<Indicateur, 'reference' | 'cible'> & { sens?: Indicateur['sens'] }, actuel: number | null): number | null {
	if (actuel === null || i.cible === null) return null;
	if (i.reference === null && i.sens === 'baisse') return null;
	const depart = i.reference ?? 0;
	if (i.cible === depart) return null;
	return (actuel - depart) / (i.cible - depart);
}

/** Whether a figure went the right way from the baseline (« lower is better » read the other way). */
export function progresse(i: Pick<Indicateur, 'sens' | 'reference'>, actuel: number | null): boolean | null {
	if (actuel === null || i.reference === null || i.sens === '') return null;
	return i.sens === 'hausse' ? actuel > i.reference : actuel < i.reference;
}

export const LIBELLES_STATUT: Record<StatutValeur, string> = { brouillon: 'Brouillon', soumise: 'Soumise', validee: 'Validée', renvoyee: 'Renvoyée' };
export const LIBELLES_COTE: Record<CoteSuivi, string> = { ici: 'Ici (France)', 'la-bas': 'Là-bas (partenaire)' };

// One formatter per precision: toLocaleString builds a new one at each call, which a dashboard of
// thousands of cells pays for (about 40 µs each).
const FORMATS = new Map<number, Intl.NumberFormat>();
const fr = (n: number, decimales = 2) => {
	let f = FORMATS.get(decimales);
	if (!f) FORMATS.set(decimales, (f = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimales })));
	return f.format(n).replace(/\u202f/g, '\u00a0');
};
/** A figure as a reader reads it: « 1 234,5 jeunes », « 62,5 % ». */
export const afficher = (n: number | null, unite = '') => (n === null ? '—' : unite === '%' ? `${fr(n, 1)}\u00a0%` : unite ? `${fr(n)}\u00a0${unite}` : fr(n));
