import { fail, redirect } from '@sveltejs/kit';
import { organisationsABloquer, supprimerCompte } from '#lib/server/comptes/donnees.ts';
import { auth } from '#lib/server/comptes/instance.ts';
import { journaliser } from '#lib/server/comptes/journal.ts';
import { champs } from '#lib/server/validation/formulaire.ts';
import { db } from '#lib/server/demarrage.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { Actions, PageServerLoad } from './$types';
import { entetesPourAuth } from '#lib/server/comptes/entetes.ts';
import { adresseClient } from '#lib/server/securite/adresse.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const acteur = locals.acteur;
	if (!estConnecte(acteur)) redirect(303, '/connexion?suite=/compte/donnees');
	autoriser(acteur, 'lire', { type: 'compte', id: acteur.id });
	return { courriel: acteur.courriel, bloquantes: await organisationsABloquer(db(), acteur.id) };
};

export const actions: Actions = {
	supprimer: async (event) => {
		const { locals, request } = event;
		const acteur = locals.acteur;
		if (!estConnecte(acteur)) redirect(303, '/connexion?suite=/compte/donnees');
		autoriser(acteur, 'modifier', { type: 'compte', id: acteur.id });
		const saisie = champs(await request.formData());
		// Typing one's address confirms: it works with or without a password (single sign-on).
		if ((saisie.confirmation ?? '').trim().toLowerCase() !== acteur.courriel) {
			return fail(400, { erreurs: { confirmation: `Recopiez exactement votre adresse (${acteur.courriel}) pour confirmer.` } as Partial<Record<string, string>> });
		}
		const bloquantes = await organisationsABloquer(db(), acteur.id);
		if (bloquantes.length > 0) {
			return fail(400, { erreurs: { formulaire: `Vous êtes le dernier propriétaire ou pilote de : ${bloquantes.join(', ')}. Nommez-y d’abord un autre propriétaire ou pilote.` } as Partial<Record<string, string>> });
		}
		await auth().api.signOut({ headers: entetesPourAuth(event) });
		await supprimerCompte(db(), acteur.id);
		await journaliser(db(), { evenement: 'compte-supprime', cibleId: acteur.id, adresseIp: adresseClient(event) });
		redirect(303, '/?compte-supprime');
	}
};
