// The dimensions a project splits its figures along (sexe, tranche d'âge, public, commune…),
// typed once in the logical framework: a dimension and its categories, separated by « ; ».
import { lignes, type Donnees } from './sections.ts';

export interface Dimension {
	id: string;
	libelle: string;
	categories: string[];
}

export const MAX_CATEGORIES = 20;
export const MAX_CATEGORIE = 80;

/** « Femmes ; Hommes » (or, with no « ; », « Femmes, Hommes »): trimmed, blanks dropped, duplicates once. */
export function categoriesDe(texte: unknown): string[] {
	const s = typeof texte === 'string' ? texte : '';
	const morceaux = (s.includes(';') ? s.split(';') : s.split(',')).map((c) => c.trim().replace(/\s+/g, ' ')).filter(Boolean);
	const vues = new Set<string>();
	return morceaux.filter((c) => {
		const k = c.toLocaleLowerCase('fr');
		if (vues.has(k)) return false;
		vues.add(k);
		return true;
	});
}

/** The dimensions of the logical framework that have a name and at least two categories. */
export function dimensionsDuCadre(cadre: Donnees | undefined): Dimension[] {
	return lignes(cadre, 'ventilations')
		.filter((l) => typeof l.id === 'string' && typeof l.dimension === 'string' && l.dimension.trim())
		.map((l) => ({ id: l.id as string, libelle: (l.dimension as string).trim(), categories: categoriesDe(l.categories) }))
		.filter((d) => d.categories.length >= 2);
}

/** The form field of one category's part: « ventilation.<dimension>.<category>.<part> », by position. */
export const champVentilation = (d: number, c: number, part: 'valeur' | 'numerateur' | 'denominateur') => `ventilation.${d}.${c}.${part}`;
