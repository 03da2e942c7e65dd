import { redirect } from '@sveltejs/kit';
import { inscrire } from '#lib/server/comptes/actions.ts';
import { REGLE_MOT_DE_PASSE } from '#lib/server/comptes/regles.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
	if (estConnecte(locals.acteur)) redirect(303, '/compte');
	return { regle: REGLE_MOT_DE_PASSE };
};

export const actions: Actions = { default: inscrire };
