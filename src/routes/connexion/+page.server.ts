import { redirect } from '@sveltejs/kit';
import { connecter, demanderLienMagique } from '#lib/server/comptes/actions.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
	if (estConnecte(locals.acteur)) redirect(303, '/compte');
	return {
		motDePasseChange: url.searchParams.has('motdepasse'),
		lienInvalide: url.searchParams.get('lien') === 'invalide' || url.searchParams.has('error')
	};
};

export const actions: Actions = { connexion: connecter, lien: demanderLienMagique };
