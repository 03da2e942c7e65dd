import { redirect } from '@sveltejs/kit';
import { creer } from '#lib/server/organisations/actions.ts';
import { optionsFormulaire } from '#lib/server/organisations/regles.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!estConnecte(locals.acteur)) redirect(303, '/connexion?suite=/organisations/nouvelle');
	autoriser(locals.acteur, 'creer', { type: 'organisations' });
	return { options: optionsFormulaire() };
};

export const actions: Actions = { default: creer };
