import { estConnecte } from '#lib/server/policies/index.ts';
import type { LayoutServerLoad } from './$types';

// The kit renders fully on the server and ships no JavaScript: pages are light on slow
// networks and work the same without scripts. A route that needs client code opts in.
export const csr = false;

/** The header says who is signed in. */
export const load: LayoutServerLoad = ({ locals }) => ({
	connecte: estConnecte(locals.acteur) ? { nom: locals.acteur.nom } : null
});
