import { z } from 'zod';

/** The facets of a search, in the order the page shows them; each is one URL parameter. */
export const FACETTES = ['theme', 'etape', 'public', 'pays', 'region', 'departement', 'odd', 'periode'] as const;
export type Facette = (typeof FACETTES)[number];

export const TRIS = ['pertinence', 'date'] as const;
export type Tri = (typeof TRIS)[number];

export const PAR_PAGE = 10;

export interface ParametresRecherche {
	q: string;
	filtres: Partial<Record<Facette, string>>;
	tri: Tri;
	page: number;
}

const valeur = z.string().trim().max(100).regex(/^[\p{L}\p{N}._-]+$/u);

/**
 * Reads a search from its address. Anything unreadable is dropped, never refused: a search
 * link always opens on a page of results.
 */
export function lireParametres(params: URLSearchParams): ParametresRecherche {
	const filtres: ParametresRecherche['filtres'] = {};
	for (const f of FACETTES) {
		const v = valeur.safeParse(params.get(f) ?? '');
		if (v.success && v.data) filtres[f] = v.data;
	}
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	const tri = params.get('tri');
	return {
		// The query itself is cut later (analyserRequete); here only its size is bounded.
		q: (params.get('q') ?? '').slice(0, 10_000),
		filtres,
		tri: tri === 'date' ? 'date' : 'pertinence',
		page: Number.isSafeInteger(page) && page >= 1 && page <= 1000 ? page : 1
	};
}

/** The address of a search, without its defaults, so that shared links stay short. */
export function adresseRecherche(p: ParametresRecherche, changements: Partial<ParametresRecherche> = {}): string {
	const s = { ...p, ...changements };
	const u = new URLSearchParams();
	if (s.q) u.set('q', s.q);
	for (const f of FACETTES) if (s.filtres[f]) u.set(f, s.filtres[f]!);
	if (s.tri !== 'pertinence') u.set('tri', s.tri);
	if (s.page > 1) u.set('page', String(s.page));
	const chaine = u.toString();
	return chaine ? `/recherche?${chaine}` : '/recherche';
}
