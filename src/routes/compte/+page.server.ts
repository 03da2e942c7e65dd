import { redirect } from '@sveltejs/kit';
import { changerCourriel, changerMotDePasse, deconnecterPartout, renommer } from '#lib/server/comptes/actions.ts';
import { groupesDeFuseaux } from '#lib/dates.ts';
import { monCompte } from '#lib/server/comptes/compte.ts';
import { changerFuseau } from '#lib/server/comptes/fuseau.ts';
import { REGLE_MOT_DE_PASSE } from '#lib/server/comptes/regles.ts';
import { autoriser, estConnecte, peut } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, request, url }) => {
	const acteur = locals.acteur;
	// A confirmation link that was used or expired comes back here with an error.
	if (!estConnecte(acteur)) redirect(303, url.searchParams.has('error') ? '/connexion?lien=invalide' : '/connexion?suite=/compte');
	autoriser(acteur, 'lire', { type: 'compte', id: acteur.id });
	return { compte: await monCompte(acteur, request.headers), regle: REGLE_MOT_DE_PASSE, administrateur: peut(acteur, 'lire', { type: 'administration' }), fuseaux: groupesDeFuseaux() };
};

/** Every action changes the signed-in account itself, and only it. */
const surMonCompte = <T,>(action: (e: RequestEvent) => Promise<T>) => async (event: RequestEvent): Promise<T> => {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) redirect(303, '/connexion?suite=/compte');
	autoriser(acteur, 'modifier', { type: 'compte', id: acteur.id });
	return action(event);
};

export const actions: Actions = {
	nom: surMonCompte(renommer),
	courriel: surMonCompte(changerCourriel),
	motdepasse: surMonCompte(changerMotDePasse),
	sessions: surMonCompte(deconnecterPartout),
	fuseau: surMonCompte(changerFuseau)
};
