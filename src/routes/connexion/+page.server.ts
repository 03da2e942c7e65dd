import { redirect } from '@sveltejs/kit';
import { connecter, connecterSso, demanderLienMagique } from '#lib/server/comptes/actions.ts';
import { configurationSso } from '#lib/server/comptes/sso.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
	if (estConnecte(locals.acteur)) redirect(303, '/compte');
	return {
		motDePasseChange: url.searchParams.has('motdepasse'),
		lienInvalide: url.searchParams.get('lien') === 'invalide',
		ssoEchec: url.searchParams.get('sso') === 'erreur',
		sso: configurationSso()?.libelle ?? null
	};
};

export const actions: Actions = { connexion: connecter, lien: demanderLienMagique, sso: connecterSso };
