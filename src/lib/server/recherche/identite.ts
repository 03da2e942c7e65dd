import { departement, nomPays } from '../referentiels/territoires.ts';

export interface IdentiteFiche {
	porteur: string;
	partenairesIci: string[];
	partenairesLaBas: string[];
	territoiresLaBas: string | null;
	departements: string[];
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
	const lieux = f.departements.flatMap((code) => {
		const d = departement(code);
		return d ? [d.nom, d.region] : [];
	});
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
