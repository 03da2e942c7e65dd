import { departement, nomPays, region } from '../referentiels/territoires.ts';

export interface IdentiteFiche {
	porteur: string;
	partenairesIci: string[];
	partenairesLaBas: string[];
	territoiresLaBas: string | null;
	departements: string[];
	/** INSEE codes of regions named without a département (an example fiche's fictitious location). */
	regions: string[];
	pays: string[];
	themes: string[];
	publics: string[];
	etapes: number[];
}

/**
 * The words a reader may look a fiche up by beyond its text: who carries it, with whom, where
 * (département, region, country in full), for whom, and the stages of the method it illustrates.
 * Indexed with the summary's weight.
 */
export function texteIdentite(
	f: IdentiteFiche,
	noms: { themes: Map<string, string>; publics: Map<string, string>; etapes: Map<number, string> }
): string {
	const lieux = [
		...f.departements.flatMap((code) => {
			const d = departement(code);
			return d ? [d.nom, d.region] : [];
		}),
		...f.regions.map((code) => region(code)?.nom ?? '')
	];
	return [
		f.porteur,
		...f.partenairesIci,
		...f.partenairesLaBas,
		f.territoiresLaBas ?? '',
		...lieux,
		...f.pays.map((code) => nomPays(code) ?? ''),
		...f.themes.map((slug) => noms.themes.get(slug) ?? ''),
		...f.publics.map((slug) => noms.publics.get(slug) ?? ''),
		...f.etapes.map((n) => noms.etapes.get(n) ?? '')
	]
		.filter(Boolean)
		.join(' · ');
}

/**
 * The links of a fiche as « facette:valeur » terms (theme, public, stage, département, its
 * region or the region named alone, country, SDG goal), indexed with its search document so that one GIN index answers
 * the words and the facets together. Written with the fiche, like its identity; the status and
 * the period are added by the database (generated column `facettes`).
 */
export function liensFacettes(
	f: Pick<IdentiteFiche, 'departements' | 'regions' | 'pays' | 'themes' | 'publics' | 'etapes'> & { cibles: string[] }
): string[] {
	const termes = [
		...f.themes.map((v) => `theme:${v}`),
		...f.publics.map((v) => `public:${v}`),
		...f.etapes.map((v) => `etape:${v}`),
		...f.departements.map((v) => `departement:${v}`),
		...f.departements.flatMap((v) => {
			const d = departement(v);
			return d ? [`region:${d.regionCode}`] : [];
		}),
		// A region named alone counts in the region facet, never in a département's.
		...f.regions.map((v) => `region:${v}`),
		...f.pays.map((v) => `pays:${v}`),
		// A target « 16.9 » belongs to goal 16.
		...f.cibles.map((c) => `odd:${c.split('.')[0]}`)
	];
	return [...new Set(termes)];
}
