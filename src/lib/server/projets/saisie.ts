// Reading a section's form: every field checked against its definition, French messages keyed
// by field (« nom » or « nom.ligne.colonne »), and what the person typed kept as they typed it.
import { randomBytes } from 'node:crypto';
import type { ListesProjet } from '#lib/projets/liens.ts';
import { categoriesDe, MAX_CATEGORIE, MAX_CATEGORIES } from '#lib/projets/ventilations.ts';
import { estReferentielProjet, type Champ, type ChampSimple, type Donnees, type Ligne, type Option, type Referentiel, type ReferentielCommun, type Section, type Valeur } from '#lib/projets/sections.ts';

export type Erreurs = Record<string, string>;
/** The valid values of each shared reference list (the project's own are checked on saving). */
export type Valides = Record<ReferentielCommun, ReadonlySet<string>>;

/** A row's id: kept from the form when well formed and unique in its table, otherwise new. */
export const ID_LIGNE = /^[A-Za-z0-9_-]{6,16}$/;
export const nouvelId = () => randomBytes(6).toString('base64url');

export const LIGNES_MAX = 100;
const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** « 1 234,50 », « 1234.5 » or « 1 234 » as a number; NaN when it is not one. */
export function lireNombre(brut: string): number {
	const s = brut.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
	return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

const dateValide = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The SDG target code at the start of « 8.6 — Réduire… » or « 8.6 ». */
export const codeCible = (s: string) => /^\s*(\d{1,2}\.[0-9a-z]{1,2})(?=\s|$|—|-)/i.exec(s)?.[1]?.toLowerCase();

function lireSimple(c: ChampSimple, brut: string, valides: Valides): { valeur: Valeur; erreur?: string } {
	const s = brut.trim();
	if (!s) return { valeur: c.type === 'nombre' ? null : '' };
	switch (c.type) {
		case 'texte':
		case 'zone': {
			const max = c.max ?? (c.type === 'texte' ? 300 : 5000);
			if (s.length > max) return { valeur: s, erreur: `${max} caractères au plus (${s.length} saisis).` };
			if (CONTROLE.test(s)) return { valeur: s, erreur: 'Ce texte contient des caractères de contrôle invisibles ; retirez-les.' };
			return { valeur: s };
		}
		case 'nombre': {
			const n = lireNombre(s);
			if (Number.isNaN(n)) return { valeur: s, erreur: 'Indiquez un nombre, par exemple 1 500 ou 0,0015.' };
			if (c.min !== undefined && n < c.min) return { valeur: s, erreur: `Le nombre doit être au moins ${c.min}.` };
			if (c.max !== undefined && n > c.max) return { valeur: s, erreur: 'Ce nombre est trop grand.' };
			return { valeur: n };
		}
		case 'date':
			return dateValide(s) ? { valeur: s } : { valeur: s, erreur: 'Indiquez une date valide (jj/mm/aaaa).' };
		case 'choix': {
			const ok = c.options ? c.options.some((o) => o.valeur === s) : estReferentielProjet(c.referentiel) ? ID_LIGNE.test(s) : c.referentiel ? valides[c.referentiel].has(s) : false;
			return ok ? { valeur: s } : { valeur: '', erreur: 'Choisissez une valeur de la liste.' };
		}
		case 'liste': {
			const code = codeCible(s);
			if (!code || !valides[c.referentiel].has(code)) return { valeur: s, erreur: 'Choisissez une cible de la liste (par exemple « 8.6 »).' };
			return { valeur: code };
		}
	}
}

const optionsDe = (c: { options?: readonly Option[]; referentiel?: Referentiel }, valides: Valides) => (v: string) =>
	c.options ? c.options.some((o) => o.valeur === v) : c.referentiel && !estReferentielProjet(c.referentiel) ? valides[c.referentiel].has(v) : false;

export type Lecture = { ok: true; donnees: Donnees } | { ok: false; erreurs: Erreurs; valeurs: Donnees };

/** Reads a section's form data: the checked data, or the errors with what was typed. */
export function lireSection(s: Section, form: FormData, valides: Valides): Lecture {
	const erreurs: Erreurs = {};
	const donnees: Donnees = {};
	const valeurs: Donnees = {};
	const brut = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	for (const c of s.champs) {
		if (c.type === 'cases') {
			const choisis = form.getAll(c.nom).filter((v): v is string => typeof v === 'string');
			const ok = optionsDe(c, valides);
			const retenus = [...new Set(choisis.filter(ok))];
			if (retenus.length !== choisis.length) erreurs[c.nom] = 'Une des valeurs cochées n’existe pas.';
			donnees[c.nom] = valeurs[c.nom] = retenus;
		} else if (c.type === 'tableau') {
			const { lignes, saisies } = lireTableau(c, form, valides, erreurs);
			donnees[c.nom] = lignes;
			valeurs[c.nom] = saisies;
		} else {
			const r = lireSimple(c, brut(c.nom), valides);
			if (r.erreur) erreurs[c.nom] = r.erreur;
			else if (c.requis && (r.valeur === '' || r.valeur === null)) erreurs[c.nom] = `« ${c.libelle} » est obligatoire.`;
			donnees[c.nom] = r.valeur;
			valeurs[c.nom] = r.erreur ? brut(c.nom) : r.valeur;
		}
	}
	verifierEnsemble(s.slug, donnees, erreurs);
	if (Object.keys(erreurs).length) return { ok: false, erreurs, valeurs };
	return { ok: true, donnees };
}

function lireTableau(c: Extract<Champ, { type: 'tableau' }>, form: FormData, valides: Valides, erreurs: Erreurs) {
	// Rows are numbered in the form; the highest number tells how many there are.
	let n = 0;
	for (const k of form.keys()) {
		const m = k.startsWith(`${c.nom}.`) ? /^(\d+)\./.exec(k.slice(c.nom.length + 1)) : null;
		if (m) n = Math.max(n, Number(m[1]) + 1);
	}
	if (n > LIGNES_MAX + 10) {
		erreurs[c.nom] = `${LIGNES_MAX} lignes au plus.`;
		n = LIGNES_MAX + 10;
	}
	const lignes: Ligne[] = [];
	const saisies: Ligne[] = [];
	const ids = new Set<string>();
	for (let i = 0; i < n; i++) {
		const brutId = form.get(`${c.nom}.${i}.id`);
		const id = typeof brutId === 'string' && ID_LIGNE.test(brutId) && !ids.has(brutId) ? brutId : nouvelId();
		ids.add(id);
		const saisie: Ligne = { id };
		const ligne: Ligne = { id };
		let remplie = false;
		const avant = Object.keys(erreurs).length;
		for (const col of c.colonnes) {
			const b = form.get(`${c.nom}.${i}.${col.nom}`);
			const r = lireSimple(col, typeof b === 'string' ? b : '', valides);
			saisie[col.nom] = typeof b === 'string' ? b : '';
			ligne[col.nom] = r.valeur;
			if (r.valeur !== '' && r.valeur !== null) remplie = true;
			if (r.erreur) erreurs[`${c.nom}.${i}.${col.nom}`] = r.erreur;
		}
		saisies.push(saisie);
		// Empty rows (the one added to type in, left blank) are not kept.
		if (!remplie) continue;
		const premiere = c.colonnes[0]!;
		if (ligne[premiere.nom] === '' || ligne[premiere.nom] === null) erreurs[`${c.nom}.${i}.${premiere.nom}`] ??= `Indiquez la colonne « ${premiere.libelle} » de cette ligne, ou videz la ligne.`;
		verifierLigne(c.nom, i, ligne, erreurs);
		if (Object.keys(erreurs).length === avant) lignes.push(ligne);
	}
	if (lignes.length > LIGNES_MAX) erreurs[c.nom] = `${LIGNES_MAX} lignes au plus.`;
	return { lignes, saisies };
}

/**
 * What a table's own button asks: « Ajouter une ligne » (`_ajouter` = the table) or
 * « Supprimer la ligne » (`_supprimer` = « table.row »), checked against the section.
 */
export function actionDeTableau(s: Section, form: FormData): { ajouter?: string; supprimer?: { tableau: string; ligne: number } } {
	const tableaux = new Set(s.champs.filter((c) => c.type === 'tableau').map((c) => c.nom));
	const ajouter = form.get('_ajouter');
	if (typeof ajouter === 'string' && tableaux.has(ajouter)) return { ajouter };
	const m = /^([A-Za-z]+)\.(\d{1,3})$/.exec(String(form.get('_supprimer') ?? ''));
	if (m && tableaux.has(m[1]!)) return { supprimer: { tableau: m[1]!, ligne: Number(m[2]) } };
	return {};
}

/** The form without one row of a table, the rows after it renumbered; everything else as typed. */
export function sansLaLigne(form: FormData, tableau: string, ligne: number): FormData {
	const r = new FormData();
	for (const [k, v] of form) {
		const m = k.startsWith(`${tableau}.`) ? /^(\d+)\.(.+)$/.exec(k.slice(tableau.length + 1)) : null;
		if (!m) r.append(k, v);
		else if (Number(m[1]) < ligne) r.append(k, v);
		else if (Number(m[1]) > ligne) r.append(`${tableau}.${Number(m[1]) - 1}.${m[2]}`, v);
	}
	return r;
}

/** « 60 », « 60 % » or « 1 234,5 » as a number; NaN otherwise. */
const nombreDeCible = (v: Valeur | undefined) => (typeof v === 'number' ? v : typeof v === 'string' ? lireNombre(v.replace(/\s*%$/, '')) : NaN);

/** Rules across the cells of a row. */
function verifierLigne(tableau: string, i: number, l: Ligne, erreurs: Erreurs) {
	if (tableau === 'indicateurs') verifierIndicateur(i, l, erreurs);
	if (tableau === 'ventilations') verifierVentilation(i, l, erreurs);
	if (typeof l.debut === 'string' && typeof l.fin === 'string' && l.debut && l.fin && l.fin < l.debut) erreurs[`${tableau}.${i}.fin`] = 'La fin ne peut précéder le début.';
	if ('devise' in l) {
		const devise = typeof l.devise === 'string' ? l.devise.toUpperCase() : '';
		if (devise && !/^[A-Z]{3}$/.test(devise)) erreurs[`${tableau}.${i}.devise`] = 'Indiquez le code de la devise en trois lettres (EUR, XOF, MAD…).';
		else {
			l.devise = devise || 'EUR';
			if (l.devise !== 'EUR' && !(typeof l.taux === 'number' && l.taux > 0)) erreurs[`${tableau}.${i}.taux`] = `Indiquez la valeur d’un ${l.devise} en euros pour convertir ce montant.`;
			if (l.devise === 'EUR') l.taux = null;
		}
		if (l.montant === null) erreurs[`${tableau}.${i}.montant`] ??= 'Indiquez le montant.';
	}
}

/**
 * A figure's baseline and target are numbers, kept as numbers (a percentage from 0 to 100), so
 * that values can be compared with them; a percentage is always recomputed from its parts.
 */
function verifierIndicateur(i: number, l: Ligne, erreurs: Erreurs) {
	const k = (col: string) => `indicateurs.${i}.${col}`;
	if (l.type === 'pourcentage') {
		if (l.agregation && l.agregation !== 'pourcentage') erreurs[k('agregation')] = 'Un pourcentage se cumule en recalculant numérateurs et dénominateurs : choisissez « Pourcentage ».';
		l.agregation = 'pourcentage';
	} else if (l.agregation === 'pourcentage') erreurs[k('agregation')] = 'Ce cumul ne vaut que pour un indicateur de type « Pourcentage ».';
	if (!l.ventilation && l.ventilation2) [l.ventilation, l.ventilation2] = [l.ventilation2, ''];
	if (l.ventilation && l.ventilation2 === l.ventilation) erreurs[k('ventilation2')] = 'Choisissez une autre dimension que la première, ou aucune.';
	if (l.type === 'qualitatif' && l.ventilation) erreurs[k('ventilation')] = 'Une appréciation écrite ne se ventile pas : retirez la ventilation, ou choisissez un type chiffré.';
	if (l.type !== 'nombre' && l.type !== 'pourcentage') return;
	for (const col of ['reference', 'cible'] as const) {
		if (l[col] === '' || l[col] === null) continue;
		const n = nombreDeCible(l[col]);
		if (Number.isNaN(n)) erreurs[k(col)] = 'Indiquez un nombre (par exemple 24 ou 60 %), ou choisissez le type « Qualitatif ».';
		else if (l.type === 'pourcentage' && (n < 0 || n > 100)) erreurs[k(col)] = 'Un pourcentage va de 0 à 100.';
		else l[col] = n;
	}
}

/** A dimension has a name and two categories or more, each short; kept as « A ; B ; C ». */
function verifierVentilation(i: number, l: Ligne, erreurs: Erreurs) {
	const k = (col: string) => `ventilations.${i}.${col}`;
	const categories = categoriesDe(l.categories);
	if (!String(l.dimension ?? '').trim()) {
		if (categories.length) erreurs[k('dimension')] = 'Nommez cette dimension, par exemple « Sexe » ou « Tranche d’âge ».';
		return;
	}
	if (categories.length < 2) erreurs[k('categories')] = 'Indiquez au moins deux catégories, séparées par des points-virgules (par exemple : Femmes ; Hommes).';
	else if (categories.length > MAX_CATEGORIES) erreurs[k('categories')] = `${MAX_CATEGORIES} catégories au plus (${categories.length} saisies).`;
	else if (categories.some((c) => c.length > MAX_CATEGORIE)) erreurs[k('categories')] = `Chaque catégorie tient en ${MAX_CATEGORIE} caractères au plus.`;
	else l.categories = categories.join(' ; ');
}

/**
 * Links to a row that no longer exists are emptied: a removed objective or activity leaves
 * the rows that chose it without a choice, and the form asks again. Lists are computed from
 * the project's sections with the one being saved.
 */
export function sansLiensPerdus(s: Section, d: Donnees, l: ListesProjet): Donnees {
	const existe = (r: string | undefined, v: unknown) => !estReferentielProjet(r) || v === '' || v === null || l[r].some((o) => o.valeur === v);
	const r: Donnees = { ...d };
	for (const c of s.champs) {
		if (c.type === 'tableau' && c.colonnes.some((col) => 'referentiel' in col && estReferentielProjet(col.referentiel)))
			r[c.nom] = (Array.isArray(d[c.nom]) ? (d[c.nom] as Ligne[]) : []).map((ligne) => Object.fromEntries(Object.entries(ligne).map(([k, v]) => {
				const col = c.colonnes.find((x) => x.nom === k);
				return [k, col && 'referentiel' in col && !existe(col.referentiel, v) ? '' : v];
			})));
	}
	return r;
}

/** Rules across the fields of a section. */
function verifierEnsemble(slug: string, d: Donnees, erreurs: Erreurs) {
	if (slug === 'identite' && !erreurs.debut && typeof d.debut === 'string' && typeof d.fin === 'string' && d.debut && d.fin && d.fin < d.debut) erreurs.fin ??= 'La fin ne peut précéder le début.';
}

/** The labels of the fields whose value differs between two versions of a section. */
export function changements(s: Section, avant: Donnees | undefined, apres: Donnees): string[] {
	const egal = (a: unknown, b: unknown) => stable(a ?? null) === stable(b ?? null) || (estVide(a) && estVide(b));
	return s.champs.filter((c) => !egal(avant?.[c.nom], apres[c.nom])).map((c) => c.libelle);
}
/** JSON with object keys sorted: stored rows come back from jsonb with their keys reordered. */
const stable = (v: unknown): string =>
	Array.isArray(v) ? `[${v.map(stable).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v);
const estVide = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

