import { redirect } from '@sveltejs/kit';
import { inscrire } from '#lib/server/comptes/actions.ts';
import { REGLE_MOT_DE_PASSE } from '#lib/server/comptes/regles.ts';
import { invitationDeLaSuite } from '#lib/server/invitations/inscription.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
	if (estConnecte(locals.acteur)) redirect(303, '/compte');
	// Coming from a valid invitation: the form is for its address.
	const i = await invitationDeLaSuite(url.searchParams.get('suite'));
	return { regle: REGLE_MOT_DE_PASSE, invitation: i ? { courriel: i.courriel, pour: i.pour, sorte: i.sorte } : null };
};

export const actions: Actions = { default: inscrire };
