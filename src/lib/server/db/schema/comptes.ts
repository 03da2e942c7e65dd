// Comptes: Better Auth's tables (property names are the library's field names) and the security log.
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const ROLES_PLATEFORME = ['membre', 'editeur', 'administrateur'] as const;
export type RolePlateforme = (typeof ROLES_PLATEFORME)[number];

export const utilisateurs = pgTable(
	'utilisateurs',
	{
		id: text('id').primaryKey(),
		name: text('nom').notNull(),
		email: text('courriel').notNull().unique(),
		emailVerified: boolean('courriel_verifie').notNull().default(false),
		image: text('image'),
		/** Platform role: every account is a member; editors edit the kit; administrators manage. */
		role: text('role').$type<RolePlateforme>().notNull().default('membre'),
		langue: text('langue').notNull().default('fr'),
		/** The IANA time zone every date and time is shown in (dates.ts), chosen on the account page. */
		fuseauHoraire: text('fuseau_horaire').notNull().default('Europe/Paris'),
		/** A deactivated account can no longer sign in; nothing it wrote is deleted. */
		desactiveLe: timestamp('desactive_le', { withTimezone: true }),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('utilisateurs_role_ck', sql`${t.role} in ('membre', 'editeur', 'administrateur')`)]
);

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		token: text('jeton').notNull().unique(),
		userId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expire_le', { withTimezone: true }).notNull(),
		ipAddress: text('adresse_ip'),
		userAgent: text('navigateur'),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_utilisateur_idx').on(t.userId)]
);

/** The ways an account signs in: its password, or an identity provider (ProConnect…). */
export const identifiants = pgTable(
	'identifiants',
	{
		id: text('id').primaryKey(),
		userId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		providerId: text('fournisseur').notNull(),
		accountId: text('compte_fournisseur').notNull(),
		password: text('mot_de_passe'),
		accessToken: text('jeton_acces'),
		refreshToken: text('jeton_rafraichissement'),
		idToken: text('jeton_identite'),
		accessTokenExpiresAt: timestamp('jeton_acces_expire_le', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('jeton_rafraichissement_expire_le', { withTimezone: true }),
		scope: text('portee'),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('identifiants_utilisateur_idx').on(t.userId)]
);

/** Single-use tokens: email verification, password reset, magic links. */
export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifiant').notNull(),
		value: text('valeur').notNull(),
		expiresAt: timestamp('expire_le', { withTimezone: true }).notNull(),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('verifications_identifiant_idx').on(t.identifier)]
);

/** Security events, kept for administrators: sign-ins, failures, role changes, deactivations… */
export const journalSecurite = pgTable(
	'journal_securite',
	{
		id: serial('id').primaryKey(),
		evenement: text('evenement').notNull(),
		/** Who did it, when known; the account may since have been deleted. */
		utilisateurId: text('utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		/** The account it was about, such as a deactivated member (may differ from the author). */
		cibleId: text('cible_id'),
		courriel: text('courriel'),
		adresseIp: text('adresse_ip'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('journal_securite_date_idx').on(t.creeLe)]
);
