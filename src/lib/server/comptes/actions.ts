// What the account forms do. Each action validates its fields (regles.ts), applies its rate
// limits (limites.ts), asks Better Auth, and answers with French messages; what the person
// typed comes back with the errors, except passwords.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { utilisateurs } from '../db/schema.ts';
import { db } from '../demarrage.ts';
import { estConnecte } from '../policies/index.ts';
import { auth } from './instance.ts';
import { journaliser } from './journal.ts';
import { attenteConnexion, compter, compterEchecConnexion, messageAttente, oublierEchecsConnexion } from './limites.ts';
import { configurationSso, ID_FOURNISSEUR } from './sso.ts';
import { inscrireParInvitation, invitationDeLaSuite } from '../invitations/inscription.ts';
import { champs, erreursDe, type Erreurs } from '../validation/formulaire.ts';
import { schemaConnexion, schemaCourriel, schemaInscription, schemaNom, schemaNouveauMotDePasse } from './regles.ts';
import { adresseClient } from '../securite/adresse.ts';
import { entetesPourAuth } from './entetes.ts';

/** Messages typed as a form's errors, whatever their fields. */
const msg = (e: Erreurs): Erreurs => e;

const codeDe = (e: unknown) => (e instanceof APIError ? String((e.body as { code?: string } | undefined)?.code ?? '') : '');

/** A path on this site to go to after signing in; anything else becomes /compte. */
export function suiteSure(valeur: string | null | undefined): string {
	return valeur && /^\/(?![/\\])[^\s]*$/.test(valeur) ? valeur : '/compte';
}

const compteExiste = async (courriel: string) =>
	(await db().select({ id: utilisateurs.id }).from(utilisateurs).where(eq(utilisateurs.email, courriel))).length > 0;

/** After confirming the address: where the person was going (an invitation), else the account page. */
const suiteApresInscription = (suite: string | null) => (suite ? suiteSure(suite) : '/compte?bienvenue');

export async function inscrire(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const valeurs = { nom: saisie.nom ?? '', courriel: saisie.courriel ?? '' };
	const v = schemaInscription.safeParse(saisie);
	if (!v.success) return fail(400, { valeurs, erreurs: erreursDe(v.error.issues) });
	const ip = adresseClient(event);
	const attente = await compter('inscription', { ip, courriel: v.data.courriel });
	if (attente > 0) return fail(429, { valeurs, erreurs: msg({ formulaire: messageAttente(attente) }) });
	// From an invitation sent to this address: confirmed by its token, signed in, accepted (redirects).
	const invitation = await invitationDeLaSuite(event.url.searchParams.get('suite'));
	if (invitation) await inscrireParInvitation(event, invitation, v.data);
	try {
		await auth().api.signUpEmail({
			body: { name: v.data.nom, email: v.data.courriel, password: v.data.motDePasse, callbackURL: suiteApresInscription(event.url.searchParams.get('suite')) },
			headers: entetesPourAuth(event)
		});
	} catch (e) {
		// An address that has an account gets the same answer (its owner gets a mail); so does
		// the second of two simultaneous sign-ups with one address, which the database refused.
		const existe = codeDe(e) === 'USER_ALREADY_EXISTS' || codeDe(e) === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' || (codeDe(e) === 'FAILED_TO_CREATE_USER' && (await compteExiste(v.data.courriel)));
		if (!existe) throw e;
	}
	await journaliser(db(), { evenement: 'inscription', courriel: v.data.courriel, adresseIp: ip });
	return { envoye: v.data.courriel };
}

export async function connecter(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const valeurs = { courriel: saisie.courriel ?? '' };
	const v = schemaConnexion.safeParse(saisie);
	if (!v.success) return fail(400, { valeurs, erreurs: erreursDe(v.error.issues) });
	const ip = adresseClient(event);
	const qui = { ip, courriel: v.data.courriel };
	const attente = await attenteConnexion(qui);
	if (attente > 0) {
		await journaliser(db(), { evenement: 'connexion-bloquee', courriel: v.data.courriel, adresseIp: ip });
		return fail(429, { valeurs, erreurs: msg({ formulaire: messageBlocage(attente) }) });
	}
	let utilisateurId: string;
	try {
		const r = await auth().api.signInEmail({
			body: { email: v.data.courriel, password: v.data.motDePasse, rememberMe: true, callbackURL: '/compte?bienvenue' },
			headers: entetesPourAuth(event)
		});
		utilisateurId = r.user.id;
	} catch (e) {
		// Only reached with the right password: the session was refused because the account is deactivated.
		if (codeDe(e) === 'FAILED_TO_CREATE_SESSION') {
			await journaliser(db(), { evenement: 'connexion-echec', courriel: v.data.courriel, adresseIp: ip, details: { code: 'compte-desactive' } });
			return fail(403, { valeurs, erreurs: msg({ formulaire: 'Ce compte a été désactivé par un administrateur de Terrinclus : il ne peut plus se connecter.' }) });
		}
		if (codeDe(e) === 'EMAIL_NOT_VERIFIED') {
			return fail(403, {
				valeurs,
				erreurs: msg({ formulaire: 'Votre adresse n’est pas encore confirmée : nous venons de vous renvoyer le lien de confirmation. Ouvrez-le, puis connectez-vous.' })
			});
		}
		if (!(e instanceof APIError)) throw e;
		const apres = await compterEchecConnexion(qui);
		await journaliser(db(), { evenement: 'connexion-echec', courriel: v.data.courriel, adresseIp: ip, details: { code: codeDe(e) || 'inconnu' } });
		return fail(apres > 0 ? 429 : 400, {
			valeurs,
			erreurs: msg({ formulaire: apres > 0 ? messageBlocage(apres) : 'Adresse électronique ou mot de passe incorrect.' })
		});
	}
	await oublierEchecsConnexion(qui);
	await journaliser(db(), { evenement: 'connexion', utilisateurId, courriel: v.data.courriel, adresseIp: ip });
	redirect(303, suiteSure(event.url.searchParams.get('suite')));
}

/** A blocked password sign-in says when to try again, and that the magic link still works. */
const messageBlocage = (secondes: number) => `${messageAttente(secondes)} Vous pouvez aussi recevoir un lien de connexion par courriel, ci-dessous.`;

export async function demanderLienMagique(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const valeurs = { courriel: saisie.courriel ?? '' };
	const v = schemaCourriel.safeParse(saisie);
	if (!v.success) return fail(400, { lien: true, valeurs, erreurs: erreursDe(v.error.issues) });
	const ip = adresseClient(event);
	const attente = await compter('lienMagique', { ip, courriel: v.data.courriel });
	if (attente > 0) return fail(429, { lien: true, valeurs, erreurs: msg({ formulaire: messageAttente(attente) }) });
	// Only an existing, active account gets a mail; the answer is the same either way.
	const [compte] = await db()
		.select({ desactiveLe: utilisateurs.desactiveLe })
		.from(utilisateurs)
		.where(eq(utilisateurs.email, v.data.courriel));
	if (compte && !compte.desactiveLe) {
		await auth().api.signInMagicLink({
			body: { email: v.data.courriel, callbackURL: suiteSure(event.url.searchParams.get('suite')), errorCallbackURL: '/connexion?lien=invalide' },
			headers: entetesPourAuth(event)
		});
	}
	await journaliser(db(), { evenement: 'lien-magique-demande', courriel: v.data.courriel, adresseIp: ip });
	return { lienEnvoye: v.data.courriel };
}

export async function demanderNouveauMotDePasse(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const valeurs = { courriel: saisie.courriel ?? '' };
	const v = schemaCourriel.safeParse(saisie);
	if (!v.success) return fail(400, { valeurs, erreurs: erreursDe(v.error.issues) });
	const ip = adresseClient(event);
	const attente = await compter('reinitialisation', { ip, courriel: v.data.courriel });
	if (attente > 0) return fail(429, { valeurs, erreurs: msg({ formulaire: messageAttente(attente) }) });
	await auth().api.requestPasswordReset({
		body: { email: v.data.courriel, redirectTo: '/nouveau-mot-de-passe' },
		headers: entetesPourAuth(event)
	});
	await journaliser(db(), { evenement: 'mot-de-passe-demande', courriel: v.data.courriel, adresseIp: ip });
	return { envoye: v.data.courriel };
}

export async function choisirNouveauMotDePasse(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const jeton = saisie.jeton ?? '';
	const v = schemaNouveauMotDePasse().safeParse(saisie);
	if (!v.success) return fail(400, { erreurs: erreursDe(v.error.issues) });
	try {
		await auth().api.resetPassword({ body: { newPassword: v.data.motDePasse, token: jeton }, headers: entetesPourAuth(event) });
	} catch (e) {
		if (!(e instanceof APIError)) throw e;
		return fail(400, {
			erreurs: msg({ formulaire: 'Ce lien n’est plus valable (il sert une fois et expire au bout d’une heure). Demandez-en un nouveau.' })
		});
	}
	await journaliser(db(), { evenement: 'mot-de-passe-change', adresseIp: adresseClient(event), details: { par: 'lien' } });
	redirect(303, '/connexion?motdepasse=change');
}

export async function deconnecter(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (estConnecte(acteur)) {
		await auth().api.signOut({ headers: entetesPourAuth(event) });
		await journaliser(db(), { evenement: 'deconnexion', utilisateurId: acteur.id, adresseIp: adresseClient(event) });
	}
	redirect(303, '/?deconnecte');
}

/** The account page's actions: the acting account changes itself only (checked by the caller). */
export async function renommer(event: RequestEvent) {
	const saisie = champs(await event.request.formData());
	const v = schemaNom.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'nom', valeurs: { nom: saisie.nom ?? '' }, erreurs: erreursDe(v.error.issues) });
	await auth().api.updateUser({ body: { name: v.data.nom }, headers: entetesPourAuth(event) });
	return { formulaire: 'nom', fait: 'Votre nom a été enregistré.' };
}

export async function changerMotDePasse(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) return fail(403, { formulaire: 'motdepasse', erreurs: msg({ formulaire: 'Connectez-vous d’abord.' }) });
	const saisie = champs(await event.request.formData());
	const v = schemaNouveauMotDePasse([acteur.nom, acteur.courriel]).safeParse(saisie);
	const erreurs: Erreurs = v.success ? {} : erreursDe(v.error.issues);
	if (!saisie.actuel) erreurs.actuel = 'Indiquez votre mot de passe actuel.';
	if (!v.success || Object.keys(erreurs).length > 0) return fail(400, { formulaire: 'motdepasse', erreurs });
	try {
		await auth().api.changePassword({
			body: { currentPassword: saisie.actuel!, newPassword: v.data.motDePasse, revokeOtherSessions: true },
			headers: entetesPourAuth(event)
		});
	} catch (e) {
		if (!(e instanceof APIError)) throw e;
		return fail(400, { formulaire: 'motdepasse', erreurs: msg({ actuel: 'Ce n’est pas votre mot de passe actuel.' }) });
	}
	await journaliser(db(), { evenement: 'mot-de-passe-change', utilisateurId: acteur.id, adresseIp: adresseClient(event) });
	return { formulaire: 'motdepasse', fait: 'Votre mot de passe a été changé ; vos autres sessions ont été fermées.' };
}

export async function deconnecterPartout(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) redirect(303, '/connexion');
	await auth().api.revokeOtherSessions({ headers: entetesPourAuth(event) });
	await journaliser(db(), { evenement: 'deconnexion-partout', utilisateurId: acteur.id, adresseIp: adresseClient(event) });
	return { formulaire: 'sessions', fait: 'Vos autres sessions ont été fermées.' };
}

export async function changerCourriel(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) return fail(403, { formulaire: 'courriel', erreurs: msg({ formulaire: 'Connectez-vous d’abord.' }) });
	const saisie = champs(await event.request.formData());
	const v = schemaCourriel.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'courriel', valeurs: { courriel: saisie.courriel ?? '' }, erreurs: erreursDe(v.error.issues) });
	if (v.data.courriel === acteur.courriel) return fail(400, { formulaire: 'courriel', valeurs: { courriel: saisie.courriel ?? '' }, erreurs: msg({ courriel: 'C’est déjà l’adresse de votre compte.' }) });
	const attente = await compter('reinitialisation', { ip: adresseClient(event), courriel: acteur.courriel });
	if (attente > 0) return fail(429, { formulaire: 'courriel', valeurs: { courriel: saisie.courriel ?? '' }, erreurs: msg({ formulaire: messageAttente(attente) }) });
	try {
		await auth().api.changeEmail({ body: { newEmail: v.data.courriel, callbackURL: '/compte?courriel-change' }, headers: entetesPourAuth(event) });
	} catch (e) {
		// An address already used by another account: the same answer, nothing is sent.
		if (!(e instanceof APIError)) throw e;
	}
	await journaliser(db(), { evenement: 'courriel-change-demande', utilisateurId: acteur.id, courriel: v.data.courriel, adresseIp: adresseClient(event) });
	return { formulaire: 'courriel', fait: `Pour confirmer, ouvrez le lien envoyé à votre adresse actuelle (${acteur.courriel}), puis celui qui sera envoyé à ${v.data.courriel}.` };
}

/** Starts single sign-on: the provider's page, then back through Better Auth's callback. */
export async function connecterSso(event: RequestEvent) {
	const sso = configurationSso();
	if (!sso) return fail(404, { erreurs: msg({ formulaire: 'La connexion par un fournisseur d’identité n’est pas configurée.' }) });
	const r = await auth().api.signInSocial({
		body: {
			provider: ID_FOURNISSEUR,
			callbackURL: suiteSure(event.url.searchParams.get('suite')),
			newUserCallbackURL: '/compte?bienvenue',
			errorCallbackURL: '/connexion?sso=erreur'
		},
		headers: entetesPourAuth(event)
	});
	if (!r.url) return fail(502, { erreurs: msg({ formulaire: 'Le fournisseur d’identité ne répond pas. Réessayez plus tard ou connectez-vous avec votre mot de passe.' }) });
	redirect(303, r.url, { external: [new URL(sso.issuer).origin] });
}
