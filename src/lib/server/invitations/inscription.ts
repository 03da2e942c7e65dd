// The partner's path: someone invited by mail, without an account, signs up from the
// invitation. The token proves the address (it was read in that mailbox), so the account is
// created with its address confirmed, signed in, and the invitation accepted, in one step: no
// second mail to open on a slow connection. Only for the invited address, while the
// invitation is valid; any other sign-up goes the usual way (confirmation by mail).
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { compteDeLAdresse } from '../comptes/compte.ts';
import { entetesPourAuth } from '../comptes/entetes.ts';
import { auth } from '../comptes/instance.ts';
import { journaliser } from '../comptes/journal.ts';
import { estDoublon } from '../db/erreurs.ts';
import { db } from '../demarrage.ts';
import { adresseClient } from '../securite/adresse.ts';
import { accepterInvitation, invitationParJeton } from '../organisations/organisations.ts';
import { accepterInvitationProjet, invitationProjetParJeton } from '../projets/projets.ts';

export interface InvitationEnAttente {
	sorte: 'organisation' | 'projet';
	courriel: string;
	/** The invitation's own page. */
	chemin: string;
	/** What the person joins, to say on the sign-up form: « l’organisation « … » ». */
	pour: string;
	/** Accepts it for this account; answers where to go, or undefined when it is no longer valid. */
	accepter(utilisateurId: string): Promise<string | undefined>;
	details: Record<string, unknown>;
}

const JETON = '([A-Za-z0-9_-]{20,100})';

/**
 * The valid invitation a sign-up comes from, read from its `suite` address
 * (/invitations/<jeton> or /projets/invitations/<jeton>), or undefined.
 */
export async function invitationDeLaSuite(suite: string | null | undefined): Promise<InvitationEnAttente | undefined> {
	if (!suite) return undefined;
	const o = new RegExp(`^/invitations/${JETON}$`).exec(suite);
	if (o) {
		const i = await invitationParJeton(db(), o[1]!);
		if (i?.etat !== 'valable') return undefined;
		return {
			sorte: 'organisation',
			courriel: i.courriel,
			chemin: suite,
			pour: `l’organisation « ${i.organisation} »`,
			accepter: async (id) => ((await accepterInvitation(db(), i.id, id)) ? `/organisations/${i.slug}?bienvenue` : undefined),
			details: { organisation: i.slug }
		};
	}
	const p = new RegExp(`^/projets/invitations/${JETON}$`).exec(suite);
	if (p) {
		const i = await invitationProjetParJeton(db(), p[1]!);
		if (i?.etat !== 'valable') return undefined;
		return {
			sorte: 'projet',
			courriel: i.courriel,
			chemin: suite,
			pour: `l’équipe du projet « ${i.projet} »`,
			accepter: async (id) => {
				const projetId = await accepterInvitationProjet(db(), i.id, id);
				return projetId ? `/projets/${projetId}?bienvenue` : undefined;
			},
			details: { projet: i.projetId }
		};
	}
	return undefined;
}

/**
 * Signs up through a valid invitation sent to this very address: the account is created
 * confirmed (through Better Auth's internal adapter, with its own password hashing), a session
 * is opened as a sign-in does, and the invitation is accepted; then redirects. Answers
 * undefined, having done nothing, when the address already has an account: the usual sign-up
 * then answers as for anyone (generic message, mail to the owner).
 */
export async function inscrireParInvitation(event: RequestEvent, i: InvitationEnAttente, p: { nom: string; courriel: string; motDePasse: string }): Promise<undefined> {
	if (p.courriel.toLowerCase() !== i.courriel.toLowerCase() || (await compteDeLAdresse(db(), p.courriel))) return undefined;
	const ip = adresseClient(event);
	const contexte = await auth().$context;
	const hache = await contexte.password.hash(p.motDePasse);
	let utilisateurId: string;
	try {
		const u = await contexte.internalAdapter.createUser({ email: p.courriel, name: p.nom, emailVerified: true }, { method: 'email-password' });
		utilisateurId = u.id;
	} catch (e) {
		// The same address signed up a moment ago, by another request: the usual way answers.
		if (estDoublon(e)) return undefined;
		throw e;
	}
	await contexte.internalAdapter.linkAccount({ userId: utilisateurId, providerId: 'credential', accountId: utilisateurId, password: hache });
	await journaliser(db(), { evenement: 'inscription', utilisateurId, courriel: p.courriel, adresseIp: ip, details: { par: 'invitation', ...i.details } });
	await journaliser(db(), { evenement: 'courriel-verifie-invitation', utilisateurId, courriel: p.courriel, adresseIp: ip, details: i.details });
	// The session, as any sign-in opens it (Better Auth's cookie on our answer).
	await auth().api.signInEmail({ body: { email: p.courriel, password: p.motDePasse, rememberMe: true }, headers: entetesPourAuth(event) });
	await journaliser(db(), { evenement: 'connexion', utilisateurId, courriel: p.courriel, adresseIp: ip, details: { par: 'invitation' } });
	const suite = await i.accepter(utilisateurId);
	if (suite) await journaliser(db(), { evenement: 'invitation-acceptee', utilisateurId, courriel: p.courriel, adresseIp: ip, details: i.details });
	// Revoked in the meantime: the invitation's page says so, the account stays.
	redirect(303, suite ?? i.chemin);
}
