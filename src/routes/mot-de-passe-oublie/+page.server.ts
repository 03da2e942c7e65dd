import { demanderNouveauMotDePasse } from '#lib/server/comptes/actions.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
};

export const actions: Actions = { default: demanderNouveauMotDePasse };
