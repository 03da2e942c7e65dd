// Fichiers: the evidence (« preuves ») attached to what is followed — a value, a narrative
// report, an activity, a milestone, an evaluation finding — and the stored files behind them.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { utilisateurs } from './comptes.ts';
import { projets } from './projets.ts';
import { suiviPeriodes } from './suivi.ts';

export const STOCKAGES = ['disque', 's3'] as const;
export type NomStockage = (typeof STOCKAGES)[number];
/** `a-analyser`: a scanner is configured and has not answered yet; nobody downloads it. */
export const ANALYSES = ['non-analyse', 'a-analyser', 'sain', 'quarantaine'] as const;
export type EtatAnalyse = (typeof ANALYSES)[number];

/**
 * A file's content, stored once per project whatever the number of evidence entries that
 * use it (same SHA-256, same project). Its type was read from its bytes. `supprimeLe`: no
 * evidence uses it any more and its bytes were removed from storage; the row stays for history.
 */
export const fichiers = pgTable(
	'fichiers',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		sha256: text('sha256').notNull(),
		taille: integer('taille').notNull(),
		type: text('type').notNull(),
		stockage: text('stockage').$type<NomStockage>().notNull(),
		cle: text('cle').notNull(),
		/** Storage key of a small WebP preview, for images. */
		apercu: text('apercu'),
		analyse: text('analyse').$type<EtatAnalyse>().notNull(),
		/** What the scanner found, for a quarantined file. */
		signature: text('signature'),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		supprimeLe: timestamp('supprime_le', { withTimezone: true })
	},
	(t) => [
		unique('fichiers_projet_sha_uq').on(t.projetId, t.sha256),
		check('fichiers_stockage_ck', sql`${t.stockage} in ('disque', 's3')`),
		check('fichiers_analyse_ck', sql`${t.analyse} in ('non-analyse', 'a-analyser', 'sain', 'quarantaine')`)
	]
);

export const CIBLES_PREUVE = ['valeur', 'compte-rendu', 'activite', 'jalon', 'constat'] as const;
export type CiblePreuve = (typeof CIBLES_PREUVE)[number];

/**
 * One piece of evidence: a file or a link, attached to one thing followed. `cibleId` names it
 * in its own terms (a value: « période/indicateur/côté », so that evidence can come before the
 * number; a report: « période/côté »; an activity or milestone: its row id; a finding: its
 * id). Removing keeps the row (`retireeLe`), so that the history says what was there.
 */
export const preuves = pgTable(
	'preuves',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		cible: text('cible').$type<CiblePreuve>().notNull(),
		cibleId: text('cible_id').notNull(),
		/** The period of a value's or a report's evidence: the monitoring report lists them. */
		periodeId: integer('periode_id').references(() => suiviPeriodes.id),
		titre: text('titre').notNull(),
		// No action (checked at the statement's end): a project's deletion cascades to both tables.
		fichierId: integer('fichier_id').references(() => fichiers.id),
		/** The name the file had on the computer it came from, for the download. */
		nomFichier: text('nom_fichier'),
		lien: text('lien'),
		/** For the team only: lecteurs neither see nor download it. */
		confidentielle: boolean('confidentielle').notNull().default(false),
		ajouteePar: text('ajoutee_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		ajouteeLe: timestamp('ajoutee_le', { withTimezone: true }).notNull().defaultNow(),
		retireePar: text('retiree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		retireeLe: timestamp('retiree_le', { withTimezone: true })
	},
	(t) => [
		index('preuves_cible_idx').on(t.projetId, t.cible, t.cibleId),
		index('preuves_periode_idx').on(t.periodeId),
		check('preuves_cible_ck', sql`${t.cible} in ('valeur', 'compte-rendu', 'activite', 'jalon', 'constat')`),
		check('preuves_nature_ck', sql`(${t.fichierId} is null) <> (${t.lien} is null)`)
	]
);
