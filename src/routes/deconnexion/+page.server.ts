import { redirect } from '@sveltejs/kit';
import { deconnecter } from '#lib/server/comptes/actions.ts';
import { estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link could be followed by anyone's page); this page offers the button.
export const load: PageServerLoad = ({ locals }) => {
	if (!estConnecte(locals.acteur)) redirect(303, '/connexion');
};

export const actions: Actions = { default: deconnecter };
