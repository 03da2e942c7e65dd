// Organisations, their members, invitations and requests to join.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { horodatage } from './colonnes.ts';
import { utilisateurs } from './comptes.ts';

export const TYPES_ORGANISATION = [
	'departement',
	'region',
	'commune-intercommunalite',
	'association',
	'ong',
	'collectivite-etrangere',
	'institution',
	'autre'
] as const;
export type TypeOrganisation = (typeof TYPES_ORGANISATION)[number];

export const ROLES_ORGANISATION = ['proprietaire', 'gestionnaire', 'membre'] as const;
export type RoleOrganisation = (typeof ROLES_ORGANISATION)[number];

export const organisations = pgTable(
	'organisations',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		nom: text('nom').notNull(),
		type: text('type').$type<TypeOrganisation>().notNull(),
		/** ISO 3166-1 alpha-2; « FR » for French organisations. */
		pays: text('pays').notNull(),
		/** French territory: a département, region or commune INSEE code, or an EPCI SIREN. */
		codeTerritoire: text('code_territoire'),
		description: text('description').notNull().default(''),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		check(
			'organisations_type_ck',
			sql`${t.type} in ('departement', 'region', 'commune-intercommunalite', 'association', 'ong', 'collectivite-etrangere', 'institution', 'autre')`
		)
	]
);

export const membres = pgTable(
	'membres',
	{
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		role: text('role').$type<RoleOrganisation>().notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.utilisateurId] }),
		index('membres_utilisateur_idx').on(t.utilisateurId),
		check('membres_role_ck', sql`${t.role} in ('proprietaire', 'gestionnaire', 'membre')`)
	]
);

/** An invitation by mail: a single-use link, valid 7 days, that a manager may revoke. */
export const invitations = pgTable(
	'invitations',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		courriel: text('courriel').notNull(),
		role: text('role').$type<RoleOrganisation>().notNull(),
		/** SHA-256 of the token sent by mail: the token itself is never stored. */
		jetonHache: text('jeton_hache').notNull().unique(),
		invitePar: text('invite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
		accepteeLe: timestamp('acceptee_le', { withTimezone: true }),
		revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('invitations_organisation_idx').on(t.organisationId),
		// One pending invitation per address and organisation, whatever its case, even under two simultaneous posts.
		uniqueIndex('invitations_en_attente_uq')
			.on(t.organisationId, sql`lower(${t.courriel})`)
			.where(sql`${t.accepteeLe} is null and ${t.revoqueeLe} is null`),
		check('invitations_role_ck', sql`${t.role} in ('proprietaire', 'gestionnaire', 'membre')`)
	]
);

export const STATUTS_DEMANDE = ['en-attente', 'acceptee', 'refusee'] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];

/** A signed-in person asks to join; a manager accepts or refuses. */
export const demandesAdhesion = pgTable(
	'demandes_adhesion',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		message: text('message').notNull().default(''),
		statut: text('statut').$type<StatutDemande>().notNull().default('en-attente'),
		traitePar: text('traite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		traiteeLe: timestamp('traitee_le', { withTimezone: true })
	},
	(t) => [
		index('demandes_organisation_idx').on(t.organisationId),
		check('demandes_statut_ck', sql`${t.statut} in ('en-attente', 'acceptee', 'refusee')`)
	]
);
