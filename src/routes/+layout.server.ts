import { FUSEAU_PAR_DEFAUT } from '#lib/dates.ts';
import { estConnecte } from '#lib/server/policies/index.ts';
import type { LayoutServerLoad } from './$types';

// The kit renders fully on the server and ships no JavaScript: pages are light on slow
// networks and work the same without scripts. A route that needs client code opts in.
export const csr = false;

/** The header says who is signed in; every page shows dates in the reader's time zone. */
export const load: LayoutServerLoad = ({ locals }) => ({
	connecte: estConnecte(locals.acteur) ? { nom: locals.acteur.nom } : null,
	fuseau: estConnecte(locals.acteur) ? locals.acteur.fuseau : FUSEAU_PAR_DEFAUT
});
