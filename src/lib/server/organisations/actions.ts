// What the organisation pages do. Every function first asks the policy module with the acting
// account's role in the organisation, then validates, then writes; refusals are French.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formaterDateHeure } from '#lib/dates.ts';
import { eq } from 'drizzle-orm';
import { adresseDesLiens } from '../comptes/auth.ts';
import { compteDeLAdresse } from '../comptes/compte.ts';
import { courrielAction, envoyerCourriel } from '../comptes/courriel.ts';
import { journaliser } from '../comptes/journal.ts';
import { compter, messageAttente } from '../comptes/limites.ts';
import { champs, erreursDe, type Erreurs } from '../validation/formulaire.ts';
import { db } from '../demarrage.ts';
import { ROLES_ORGANISATION, utilisateurs, type RoleOrganisation } from '../db/schema.ts';
import { autoriser, estConnecte, type Acteur, type Action } from '../policies/index.ts';
import {
	accepterInvitation,
	changerRole,
	demandeEnAttente,
	type Doublon,
	type Verification,
	creerInvitation,
	creerOrganisation,
	demanderAdhesion,
	invitationParJeton,
	modifierOrganisation,
	organisationParSlug,
	retirerMembre,
	revoquerInvitation,
	roleDans,
	traiterDemande,
	type Organisation
} from './organisations.ts';
import { LIBELLES_ROLES, lireOrganisation, schemaDemande, schemaInvitation } from './regles.ts';
import { adresseClient } from '../securite/adresse.ts';
import { identifiant } from '../validation/identifiant.ts';
import { de } from '../../francais.ts';

const msg = (e: Erreurs): Erreurs => e;

/** The organisation of the address and the actor's role in it, once the policy allowed the action. */
export async function organisationPour(acteur: Acteur, slug: string, action: Action) {
	const organisation = await organisationParSlug(db(), slug);
	if (!organisation) error(404, 'Page introuvable');
	const role = await roleDans(db(), organisation.id, estConnecte(acteur) ? acteur.id : undefined);
	if (!estConnecte(acteur) && action !== 'lire') redirect(303, `/connexion?suite=${encodeURIComponent(`/organisations/${slug}`)}`);
	autoriser(acteur, action, { type: 'organisation', role });
	return { organisation, role };
}

function connecte(event: RequestEvent) {
	const acteur = event.locals.acteur;
	if (!estConnecte(acteur)) redirect(303, `/connexion?suite=${encodeURIComponent(event.url.pathname)}`);
	return acteur;
}

/** The homonyms the person confirmed are other bodies: the ids of the « autre » box. */
const confirmes = (saisie: Record<string, string>) => (saisie.autre ?? '').split(',').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);

/**
 * A duplicate, explained: the organisation that already holds the territory (refused), or the
 * homonyms to confirm; with, for each, whether the person is in it or asked to join.
 */
async function doublons(acteur: Extract<Acteur, { id: string }>, v: Exclude<Verification, { ok: true }>) {
	const decrire = async (d: Doublon) => ({
		...d,
		membre: (await roleDans(db(), d.id, acteur.id)) !== null,
		demandeEnAttente: await demandeEnAttente(db(), d.id, acteur.id)
	});
	return { meme: v.meme ? await decrire(v.meme) : null, homonymes: await Promise.all(v.homonymes.map(decrire)) };
}

export async function creer(event: RequestEvent) {
	const acteur = connecte(event);
	autoriser(acteur, 'creer', { type: 'organisations' });
	const saisie = champs(await event.request.formData());
	const v = lireOrganisation(saisie);
	if (!v.ok) return fail(400, { valeurs: saisie, erreurs: msg(v.erreurs), doublons: null });
	const r = await creerOrganisation(db(), v.donnees, acteur.id, confirmes(saisie));
	if (!r.ok) return fail(409, { valeurs: saisie, erreurs: msg({}), doublons: await doublons(acteur, r) });
	redirect(303, `/organisations/${r.organisation.slug}?creee`);
}

export async function modifier(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'modifier');
	const saisie = champs(await event.request.formData());
	const v = lireOrganisation(saisie);
	if (!v.ok) return fail(400, { valeurs: saisie, erreurs: msg(v.erreurs), doublons: null });
	const r = await modifierOrganisation(db(), organisation.id, v.donnees, confirmes(saisie));
	if (!r.ok) return fail(409, { valeurs: saisie, erreurs: msg({}), doublons: await doublons(acteur, r) });
	redirect(303, `/organisations/${organisation.slug}?modifiee`);
}

function courrielInvitation(o: Organisation, a: string, role: RoleOrganisation, invitant: string, url: string, expiration: string) {
	return courrielAction({
		a,
		sujet: `Invitation à rejoindre ${o.nom} sur Terrinclus`,
		paragraphes: [
			`${invitant} vous invite à rejoindre « ${o.nom} » (${o.typeLibelle}, ${o.territoire}) sur Terrinclus, le kit méthodologique de la coopération internationale pour l’inclusion, avec le rôle « ${LIBELLES_ROLES[role]} ».`,
			`Ce lien est valable jusqu’au ${expiration} et ne sert qu’une fois. Si vous n’avez pas encore de compte, vous le créerez en l’ouvrant : cette adresse sera confirmée du même coup.`
		],
		action: { libelle: 'Voir l’invitation', url },
		fin: 'Si vous ne connaissez pas cette personne, ignorez ce message.'
	});
}

export async function inviter(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'gerer-membres');
	const saisie = champs(await event.request.formData());
	const v = schemaInvitation.safeParse(saisie);
	if (!v.success) return fail(400, { formulaire: 'invitation', valeurs: saisie, erreurs: erreursDe(v.error.issues) });
	// Only owners may make owners.
	if (v.data.role === 'proprietaire') autoriser(acteur, 'changer-roles', { type: 'organisation', role: await roleDans(db(), organisation.id, acteur.id) });
	const attente = await compter('invitation', { ip: adresseClient(event), courriel: acteur.courriel });
	if (attente > 0) return fail(429, { formulaire: 'invitation', valeurs: saisie, erreurs: msg({ formulaire: messageAttente(attente) }) });
	const r = await creerInvitation(db(), { organisationId: organisation.id, courriel: v.data.courriel, role: v.data.role, invitePar: acteur.id });
	if (!r.ok) {
		const refus = {
			'soi-meme': 'C’est votre propre adresse : vous êtes déjà membre de l’organisation.',
			'deja-membre': `${v.data.courriel} est déjà membre de l’organisation.`,
			'deja-invite': `Une invitation est déjà en attente pour ${v.data.courriel}${'expireLe' in r ? `, valable jusqu’au ${formaterDateHeure(r.expireLe, acteur.fuseau)}` : ''}. Pour en envoyer une nouvelle, révoquez d’abord celle-ci.`
		}[r.raison];
		return fail(409, { formulaire: 'invitation', valeurs: saisie, erreurs: msg({ courriel: refus }) });
	}
	// The invitee's zone when it has an account; Paris, named with its offset, otherwise.
	const expiration = formaterDateHeure(r.expireLe, (await compteDeLAdresse(db(), v.data.courriel))?.fuseau, 'complete');
	await envoyerCourriel(courrielInvitation(organisation, v.data.courriel, v.data.role, acteur.nom, `${adresseDesLiens(event.url)}/invitations/${r.jeton}`, expiration));
	await journaliser(db(), {
		evenement: 'invitation',
		utilisateurId: acteur.id,
		courriel: v.data.courriel,
		adresseIp: adresseClient(event),
		details: { organisation: organisation.slug, role: v.data.role }
	});
	return { formulaire: 'invitation', fait: `Invitation envoyée à ${v.data.courriel}.` };
}

/** An id from a form field, or a 400 when it is not one. */
function idDe(valeur: string | undefined): number {
	return identifiant(valeur) ?? error(400, 'Requête invalide');
}

export async function revoquer(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'gerer-membres');
	const saisie = champs(await event.request.formData());
	const r = await revoquerInvitation(db(), organisation.id, idDe(saisie.invitation));
	if (!r) return fail(404, { formulaire: 'invitations', erreurs: msg({ formulaire: 'Cette invitation n’existe pas ou a déjà été acceptée.' }) });
	await journaliser(db(), { evenement: 'invitation-revoquee', utilisateurId: acteur.id, courriel: r.courriel, details: { organisation: organisation.slug } });
	return { formulaire: 'invitations', fait: `L’invitation ${de(r.courriel)} a été révoquée.` };
}

export async function traiter(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'gerer-membres');
	const saisie = champs(await event.request.formData());
	const accepter = saisie.decision === 'accepter';
	const personne = await traiterDemande(db(), organisation.id, idDe(saisie.demande), accepter, acteur.id);
	if (!personne) return fail(404, { formulaire: 'demandes', erreurs: msg({ formulaire: 'Cette demande a déjà été traitée.' }) });
	await journaliser(db(), {
		evenement: accepter ? 'adhesion-acceptee' : 'adhesion-refusee',
		utilisateurId: acteur.id,
		cibleId: personne,
		details: { organisation: organisation.slug }
	});
	return { formulaire: 'demandes', fait: accepter ? 'La demande a été acceptée.' : 'La demande a été refusée.' };
}

export async function changerRoleMembre(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'changer-roles');
	const saisie = champs(await event.request.formData());
	const role = saisie.role as RoleOrganisation;
	if (!ROLES_ORGANISATION.includes(role)) return fail(400, { formulaire: 'membres', erreurs: msg({ formulaire: 'Choisissez un rôle dans la liste.' }) });
	const refus = await changerRole(db(), organisation.id, saisie.membre ?? '', role);
	if (refus) return fail(400, { formulaire: 'membres', erreurs: msg({ formulaire: refus }) });
	await journaliser(db(), { evenement: 'role-change', utilisateurId: acteur.id, cibleId: saisie.membre, details: { organisation: organisation.slug, role } });
	return { formulaire: 'membres', fait: 'Le rôle a été changé.' };
}

export async function retirer(event: RequestEvent) {
	const acteur = connecte(event);
	const saisie = champs(await event.request.formData());
	const cible = saisie.membre ?? '';
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'gerer-membres');
	// A manager removes members and managers; only an owner removes an owner.
	if ((await roleDans(db(), organisation.id, cible)) === 'proprietaire') {
		autoriser(acteur, 'changer-roles', { type: 'organisation', role: await roleDans(db(), organisation.id, acteur.id) });
	}
	const refus = await retirerMembre(db(), organisation.id, cible);
	if (refus) return fail(400, { formulaire: 'membres', erreurs: msg({ formulaire: refus }) });
	await journaliser(db(), { evenement: 'membre-retire', utilisateurId: acteur.id, cibleId: cible, details: { organisation: organisation.slug } });
	return { formulaire: 'membres', fait: 'La personne a été retirée de l’organisation.' };
}

export async function quitter(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'quitter');
	const refus = await retirerMembre(db(), organisation.id, acteur.id);
	if (refus) return fail(400, { formulaire: 'quitter', erreurs: msg({ formulaire: refus }) });
	await journaliser(db(), { evenement: 'membre-retire', utilisateurId: acteur.id, cibleId: acteur.id, details: { organisation: organisation.slug, depart: true } });
	redirect(303, `/organisations/${organisation.slug}?quittee`);
}

export async function demander(event: RequestEvent) {
	const acteur = connecte(event);
	const { organisation } = await organisationPour(acteur, event.params.slug!, 'demander');
	const v = schemaDemande.safeParse(champs(await event.request.formData()));
	if (!v.success) return fail(400, { formulaire: 'demande', erreurs: erreursDe(v.error.issues) });
	const nouvelle = await demanderAdhesion(db(), organisation.id, acteur.id, v.data.message);
	return { formulaire: 'demande', fait: nouvelle ? 'Votre demande a été envoyée aux gestionnaires de l’organisation.' : 'Votre demande est déjà en attente.' };
}

export async function accepter(event: RequestEvent) {
	const acteur = connecte(event);
	const invitation = await invitationParJeton(db(), event.params.jeton!);
	if (!invitation || invitation.etat !== 'valable') return fail(410, { erreur: 'Cette invitation n’est plus valable.' });
	const [moi] = await db().select({ courriel: utilisateurs.email }).from(utilisateurs).where(eq(utilisateurs.id, acteur.id));
	if (moi?.courriel.toLowerCase() !== invitation.courriel.toLowerCase()) return fail(403, { erreur: `Cette invitation a été envoyée à une autre adresse que la vôtre (${moi?.courriel}).` });
	if (!(await accepterInvitation(db(), invitation.id, acteur.id))) return fail(410, { erreur: 'Cette invitation n’est plus valable.' });
	await journaliser(db(), { evenement: 'invitation-acceptee', utilisateurId: acteur.id, courriel: invitation.courriel, details: { organisation: invitation.slug } });
	redirect(303, `/organisations/${invitation.slug}?bienvenue`);
}
