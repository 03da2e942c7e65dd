import { randomBytes } from 'node:crypto';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { identifiants, parametres, sessions, utilisateurs, verifications } from '../db/schema.ts';
import { administrateursConfigures } from '../administration/administration.ts';
import { courrielAction, envoyerCourriel } from './courriel.ts';
import { configurationSso, ID_FOURNISSEUR, pluginSso } from './sso.ts';
import { journaliser } from './journal.ts';
import { ENTETE_ADRESSE } from './entetes.ts';
import { faiblesseMotDePasse, LONGUEUR_MAX_MOT_DE_PASSE, LONGUEUR_MIN_MOT_DE_PASSE, schemaNom } from './regles.ts';

/** Where the site is reached, for links in mails: ADRESSE_PUBLIQUE in production. */
export function adressePublique(): string | undefined {
	return process.env.ADRESSE_PUBLIQUE?.trim().replace(/\/$/, '') || undefined;
}

const HOTES_LOCAUX = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The start of the links we put in mails: ADRESSE_PUBLIQUE, else the address of the request
 * when it is this machine (a forged Host header must not send links elsewhere).
 */
export function adresseDesLiens(url: URL): string {
	const publique = adressePublique();
	if (publique) return publique;
	return HOTES_LOCAUX.has(url.hostname) ? url.origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * The secret that signs session cookies: AUTH_SECRET when set, else one drawn at the first
 * start and kept in the database, so that a newcomer has nothing to configure.
 */
async function secret(db: Database): Promise<string> {
	const fourni = process.env.AUTH_SECRET?.trim();
	if (fourni) return fourni;
	const cle = 'comptes.secret';
	await db
		.insert(parametres)
		.values({ cle, valeur: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [ligne] = await db.select({ valeur: parametres.valeur }).from(parametres).where(eq(parametres.cle, cle));
	return ligne!.valeur;
}

export async function creerAuth(db: Database, options: { plugins?: BetterAuthPlugin[] } = {}) {
	const publique = adressePublique();
	const sso = configurationSso();
	const https = publique?.startsWith('https://') ?? false;
	return betterAuth({
		appName: 'Terrinclus',
		secret: await secret(db),
		// Without ADRESSE_PUBLIQUE, links in mails use the address the request came to, on this
		// machine only: any other host could be forged to send links elsewhere.
		baseURL: publique ?? { allowedHosts: ['localhost', 'localhost:*', '127.0.0.1', '127.0.0.1:*', '[::1]:*'], fallback: `http://localhost:${process.env.PORT ?? 3000}` },
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: { user: utilisateurs, session: sessions, account: identifiants, verification: verifications }
		}),
		user: {
			// A new address is confirmed twice: from the current address, then at the new one.
			changeEmail: {
				enabled: true,
				sendChangeEmailConfirmation: async ({ user, newEmail, url }) => {
					await envoyerCourriel(
						courrielAction({
							a: user.email,
							nom: user.name,
							sujet: 'Confirmez le changement d’adresse de votre compte Terrinclus',
							paragraphes: [
								`Vous avez demandé à remplacer l’adresse de votre compte Terrinclus par ${newEmail}.`,
								'Confirmez depuis cette adresse-ci ; un second lien sera ensuite envoyé à la nouvelle adresse pour la vérifier.'
							],
							action: { libelle: 'Confirmer le changement', url }
						})
					);
				}
			},
			additionalFields: {
				role: { type: 'string', required: false, defaultValue: 'membre', input: false },
				langue: { type: 'string', required: false, defaultValue: 'fr', input: false },
				// Set on the account page only (comptes/fuseau.ts), never through the API.
				fuseauHoraire: { type: 'string', required: false, defaultValue: 'Europe/Paris', input: false },
				desactiveLe: { type: 'date', required: false, input: false }
			}
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			autoSignIn: false,
			minPasswordLength: LONGUEUR_MIN_MOT_DE_PASSE,
			maxPasswordLength: LONGUEUR_MAX_MOT_DE_PASSE,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user, url }) => {
				await envoyerCourriel(
					courrielAction({
						a: user.email,
						nom: user.name,
						sujet: 'Choisir un nouveau mot de passe Terrinclus',
						paragraphes: [
							'Vous avez demandé à choisir un nouveau mot de passe pour votre compte Terrinclus.',
							'Ce lien est valable une heure et ne sert qu’une fois. Vos sessions ouvertes seront fermées.'
						],
						action: { libelle: 'Choisir un nouveau mot de passe', url }
					})
				);
			},
			// Someone signs up with an address that has an account: tell its owner, not the visitor.
			onExistingUserSignUp: async ({ user }) => {
				await envoyerCourriel(
					courrielAction({
						a: user.email,
						nom: user.name,
						sujet: 'Votre compte Terrinclus existe déjà',
						paragraphes: [
							'Quelqu’un, peut-être vous, a voulu créer un compte Terrinclus avec cette adresse, qui en a déjà un.',
							'Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau.'
						],
						action: { libelle: 'Se connecter', url: `${publique ?? ''}/connexion` }
					})
				);
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			sendOnSignIn: true,
			autoSignInAfterVerification: true,
			expiresIn: 24 * 60 * 60,
			sendVerificationEmail: async ({ user, url }) => {
				await envoyerCourriel(
					courrielAction({
						a: user.email,
						nom: user.name,
						sujet: 'Confirmez votre adresse pour Terrinclus',
						paragraphes: [
							'Bienvenue sur Terrinclus, le kit méthodologique de la coopération internationale pour l’inclusion.',
							'Pour activer votre compte, ou pour que cette adresse devienne celle de votre compte, confirmez-la. Ce lien est valable 24 heures.'
						],
						action: { libelle: 'Confirmer mon adresse', url }
					})
				);
			},
			afterEmailVerification: async (user) => {
				await journaliser(db, { evenement: 'courriel-verifie', utilisateurId: user.id, courriel: user.email });
			}
		},
		// Single sign-on creates the account, or links it when the provider vouches for the address.
		account: { accountLinking: { enabled: true, trustedProviders: sso?.proconnect ? [ID_FOURNISSEUR] : [] } },
		session: {
			expiresIn: 30 * 24 * 60 * 60,
			updateAge: 24 * 60 * 60
		},
		databaseHooks: {
			user: {
				create: {
					// The addresses of ADMINISTRATEURS are administrators from their first sign-up.
					before: async (user) => (administrateursConfigures().includes(user.email.toLowerCase()) ? { data: { ...user, role: 'administrateur' } } : undefined)
				}
			},
			session: {
				create: {
					// A deactivated account opens no session, whatever the way it signs in.
					before: async (session) => {
						const [u] = await db
							.select({ desactiveLe: utilisateurs.desactiveLe })
							.from(utilisateurs)
							.where(eq(utilisateurs.id, session.userId));
						return u?.desactiveLe ? false : undefined;
					}
				}
			}
		},
		// The forms' rules hold whoever calls: a name or password the forms would refuse is
		// refused here too (the HTTP endpoints that could send one are closed, porte.ts).
		hooks: { before: reglesDesFormulaires, after: journalDesLiens(db) },
		// Our forms apply their own limits (limites.ts), and so does porte.ts for the links of
		// mails: one limiter, keyed by the client address of securite/adresse.ts.
		rateLimit: { enabled: false },
		// Errors of a link (expired, used) land on our sign-in page, in French.
		onAPIError: { errorURL: '/connexion?lien=invalide' },
		advanced: {
			// Set by porte.ts and entetes.ts from the socket or the configured proxy header,
			// replacing any value a client sent.
			ipAddress: { ipAddressHeaders: [ENTETE_ADRESSE] },
			useSecureCookies: https,
			cookiePrefix: 'terrinclus',
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: https, path: '/' },
			database: { generateId: () => randomBytes(16).toString('hex') }
		},
		plugins: [
			magicLink({
				expiresIn: 15 * 60,
				disableSignUp: true,
				storeToken: 'hashed',
				sendMagicLink: async ({ email, url }) => {
					await envoyerCourriel(
						courrielAction({
							a: email,
							sujet: 'Votre lien de connexion à Terrinclus',
							paragraphes: ['Voici le lien pour vous connecter à Terrinclus sans mot de passe. Il est valable 15 minutes et ne sert qu’une fois.'],
							action: { libelle: 'Me connecter', url }
						})
					);
				}
			}),
			...(sso ? [pluginSso(sso)] : []),
			...(options.plugins ?? [])
		]
	});
}

export type Auth = Awaited<ReturnType<typeof creerAuth>>;

const refus = (message: string) => new APIError('BAD_REQUEST', { message, code: 'REGLE_DU_FORMULAIRE' });

/** The name and password rules of regles.ts, on every way in. */
const reglesDesFormulaires = createAuthMiddleware(async (ctx) => {
	const corps = (ctx.body ?? {}) as Record<string, unknown>;
	if ((ctx.path === '/sign-up/email' || ctx.path === '/update-user') && corps.name !== undefined) {
		const v = schemaNom.safeParse({ nom: corps.name });
		if (!v.success) throw refus(v.error.issues[0]!.message);
	}
	const motDePasse = ctx.path === '/sign-up/email' ? corps.password : ctx.path === '/reset-password' || ctx.path === '/change-password' ? corps.newPassword : undefined;
	if (motDePasse !== undefined) {
		const personnel = [corps.name, corps.email].filter((x): x is string => typeof x === 'string');
		const faiblesse = typeof motDePasse === 'string' ? faiblesseMotDePasse(motDePasse, personnel) : 'Indiquez un mot de passe.';
		if (faiblesse) throw refus(faiblesse);
	}
});

/** Sign-ins by link (magic link, confirmation, single sign-on) go to the security log too. */
const journalDesLiens = (db: Database) =>
	createAuthMiddleware(async (ctx) => {
		const par = ctx.path === '/magic-link/verify' ? 'lien-magique' : ctx.path === '/verify-email' ? 'confirmation' : ctx.path.startsWith('/callback/') ? 'sso' : undefined;
		const session = ctx.context.newSession;
		if (!par || !session) return;
		await journaliser(db, {
			evenement: 'connexion',
			utilisateurId: session.user.id,
			courriel: session.user.email,
			adresseIp: ctx.request?.headers.get(ENTETE_ADRESSE) ?? undefined,
			details: { par }
		});
	});

/** Deactivated accounts are signed out at once: their sessions are deleted. */
export async function fermerSessions(db: Database, utilisateurId: string) {
	await db.delete(sessions).where(eq(sessions.userId, utilisateurId));
}
