import { error, redirect } from '@sveltejs/kit';
import { mesDonnees } from '#lib/server/comptes/donnees.ts';
import { journaliser } from '#lib/server/comptes/journal.ts';
import { db } from '#lib/server/demarrage.ts';
import { autoriser, estConnecte } from '#lib/server/policies/index.ts';
import type { RequestHandler } from './$types';
import { adresseClient } from '#lib/server/securite/adresse.ts';

/** « Télécharger mes données »: a JSON file of everything the platform holds about me. */
export const GET: RequestHandler = async (event) => {
	const { locals } = event;
	const acteur = locals.acteur;
	if (!estConnecte(acteur)) redirect(303, '/connexion?suite=/compte/donnees');
	autoriser(acteur, 'lire', { type: 'compte', id: acteur.id });
	const donnees = await mesDonnees(db(), acteur.id);
	if (!donnees) error(404, 'Page introuvable');
	await journaliser(db(), { evenement: 'donnees-exportees', utilisateurId: acteur.id, adresseIp: adresseClient(event) });
	return new Response(JSON.stringify(donnees, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="terrinclus-mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
