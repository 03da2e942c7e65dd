import { choisirNouveauMotDePasse } from '#lib/server/comptes/actions.ts';
import { REGLE_MOT_DE_PASSE } from '#lib/server/comptes/regles.ts';
import { autoriser } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';

// Reached from the link in the mail, through Better Auth, which adds the token (or an error).
export const load: PageServerLoad = ({ locals, url }) => {
	autoriser(locals.acteur, 'utiliser', { type: 'accueil-comptes' });
	const jeton = url.searchParams.get('token') ?? '';
	return { jeton, lienInvalide: !jeton || url.searchParams.has('error'), regle: REGLE_MOT_DE_PASSE };
};

export const actions: Actions = { default: choisirNouveauMotDePasse };
