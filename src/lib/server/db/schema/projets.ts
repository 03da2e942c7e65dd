// Projects (« Monter mon projet »): team, invitations, sections, revisions, comments, self-assessments.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { horodatage } from './colonnes.ts';
import { utilisateurs } from './comptes.ts';
import { organisations } from './organisations.ts';

export const ROLES_PROJET = ['pilote', 'contributeur', 'lecteur'] as const;
export type RoleProjet = (typeof ROLES_PROJET)[number];

/** A cooperation project, carried by one organisation (its porteur), private to its team. */
export const projets = pgTable(
	'projets',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** Kept equal to the identity section's title, for lists. */
		titre: text('titre').notNull(),
		/** The porteur made its summary public: it then shows as a project in progress. */
		public: boolean('public').notNull().default(false),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('projets_organisation_idx').on(t.organisationId)]
);

export const projetsEquipe = pgTable(
	'projets_equipe',
	{
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		role: text('role').$type<RoleProjet>().notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.projetId, t.utilisateurId] }),
		index('projets_equipe_utilisateur_idx').on(t.utilisateurId),
		check('projets_equipe_role_ck', sql`${t.role} in ('pilote', 'contributeur', 'lecteur')`)
	]
);

/** An invitation to a project's team by mail: single use, valid 7 days, revocable. */
export const projetsInvitations = pgTable(
	'projets_invitations',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		courriel: text('courriel').notNull(),
		role: text('role').$type<RoleProjet>().notNull(),
		jetonHache: text('jeton_hache').notNull().unique(),
		invitePar: text('invite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
		accepteeLe: timestamp('acceptee_le', { withTimezone: true }),
		revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('projets_invitations_projet_idx').on(t.projetId),
		uniqueIndex('projets_invitations_en_attente_uq')
			.on(t.projetId, sql`lower(${t.courriel})`)
			.where(sql`${t.accepteeLe} is null and ${t.revoqueeLe} is null`),
		check('projets_invitations_role_ck', sql`${t.role} in ('pilote', 'contributeur', 'lecteur')`)
	]
);

/** The current content of a section; `version` grows by one at each save (optimistic concurrency). */
export const projetsSections = pgTable(
	'projets_sections',
	{
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
		version: integer('version').notNull(),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.projetId, t.section] })]
);

/** Every saved version of every section: who, when, which fields changed. */
export const projetsRevisions = pgTable(
	'projets_revisions',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		version: integer('version').notNull(),
		donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
		/** The labels of the fields that changed from the previous version. */
		changements: jsonb('changements').$type<string[]>().notNull(),
		/** Set when this version restores an earlier one. */
		restaure: integer('restaure'),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('projets_revisions_version_uq').on(t.projetId, t.section, t.version), index('projets_revisions_date_idx').on(t.projetId, t.creeLe)]
);

export const projetsCommentaires = pgTable(
	'projets_commentaires',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		texte: text('texte').notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('projets_commentaires_idx').on(t.projetId, t.section)]
);

/** A level of the scale, or an answer set aside from the scores. */
export type NiveauReponse = 1 | 2 | 3 | 4 | 'sans-objet' | 'ne-sait-pas';
export type ReponseAutoEvaluation = { question: number; niveau: NiveauReponse; commentaire: string };

export const STATUTS_AUTO_EVALUATION = ['en-cours', 'terminee'] as const;
export type StatutAutoEvaluation = (typeof STATUTS_AUTO_EVALUATION)[number];

/**
 * One taking of the self-assessment; kept, so that progress shows over time. A project has at
 * most one in progress, filled stage by stage by its team, until it is finished.
 */
export const projetsAutoEvaluations = pgTable(
	'projets_auto_evaluations',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		reponses: jsonb('reponses').$type<ReponseAutoEvaluation[]>().notNull(),
		statut: text('statut').$type<StatutAutoEvaluation>().notNull().default('terminee'),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('projets_auto_evaluations_idx').on(t.projetId, t.creeLe),
		uniqueIndex('projets_auto_evaluations_en_cours_uq').on(t.projetId).where(sql`${t.statut} = 'en-cours'`),
		check('projets_auto_evaluations_statut_ck', sql`${t.statut} in ('en-cours', 'terminee')`)
	]
);
