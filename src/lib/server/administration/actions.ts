// The admin area's loads and actions: administrators only (policy « administration »).
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { journaliser } from '../comptes/journal.ts';
import { champs } from '../validation/formulaire.ts';
import { db } from '../demarrage.ts';
import { ROLES_PLATEFORME, type RolePlateforme } from '../db/schema.ts';
import { autoriser, estConnecte, type Acteur } from '../policies/index.ts';
import { changerRolePlateforme, desactiver, reactiver } from './administration.ts';
import { de } from '../../francais.ts';

/** The administrator acting, or a redirect to sign in / a 403. */
export function administrateur(acteur: Acteur, chemin: string) {
	if (!estConnecte(acteur)) redirect(303, `/connexion?suite=${encodeURIComponent(chemin)}`);
	autoriser(acteur, 'lire', { type: 'administration' });
	return acteur;
}

async function cibleDe(event: RequestEvent) {
	const admin = administrateur(event.locals.acteur, event.url.pathname);
	autoriser(admin, 'modifier', { type: 'administration' });
	const saisie = champs(await event.request.formData());
	const cible = saisie.utilisateur ?? '';
	return { admin, saisie, cible };
}

const refus = (message: string) => fail(400, { erreurs: { formulaire: message } as Partial<Record<string, string>> });

export async function changerRole(event: RequestEvent) {
	const { admin, saisie, cible } = await cibleDe(event);
	const role = saisie.role as RolePlateforme;
	if (!ROLES_PLATEFORME.includes(role)) return refus('Choisissez un rôle dans la liste.');
	// An administrator cannot demote themselves: the installation would risk having none.
	if (cible === admin.id) return refus('Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.');
	const r = await changerRolePlateforme(db(), cible, role);
	if (!r) return refus('Ce compte n’existe pas.');
	await journaliser(db(), { evenement: 'role-plateforme', utilisateurId: admin.id, cibleId: cible, courriel: r.courriel, details: { role } });
	return { fait: `Le rôle ${de(r.courriel)} est maintenant « ${role} ».` };
}

export async function desactiverCompte(event: RequestEvent) {
	const { admin, cible } = await cibleDe(event);
	if (cible === admin.id) return refus('Vous ne pouvez pas désactiver votre propre compte.');
	const r = await desactiver(db(), cible);
	if (!r) return refus('Ce compte n’existe pas ou est déjà désactivé.');
	await journaliser(db(), { evenement: 'desactivation', utilisateurId: admin.id, cibleId: cible, courriel: r.courriel });
	return { fait: `Le compte ${r.courriel} est désactivé : il ne peut plus se connecter.` };
}

export async function reactiverCompte(event: RequestEvent) {
	const { admin, cible } = await cibleDe(event);
	const r = await reactiver(db(), cible);
	if (!r) return refus('Ce compte n’existe pas.');
	await journaliser(db(), { evenement: 'reactivation', utilisateurId: admin.id, cibleId: cible, courriel: r.courriel });
	return { fait: `Le compte ${r.courriel} est réactivé.` };
}
