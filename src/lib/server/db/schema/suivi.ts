// Suivi: following the project once it runs — its reporting periods, the indicators' values
// per period and side with their workflow and history.
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { horodatage } from './colonnes.ts';
import { utilisateurs } from './comptes.ts';
import { projets } from './projets.ts';

/** A reporting period: values and reports are given per period. Days, both included; never overlapping (suivi/periodes.ts, under the project's row lock). */
export const suiviPeriodes = pgTable(
	'suivi_periodes',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		libelle: text('libelle').notNull(),
		debut: date('debut', { mode: 'string' }).notNull(),
		fin: date('fin', { mode: 'string' }).notNull(),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		/** Once its values are validated, a pilot locks the period: nothing in it changes until unlocked. */
		verrouilleeLe: timestamp('verrouillee_le', { withTimezone: true }),
		verrouilleePar: text('verrouillee_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		index('suivi_periodes_projet_idx').on(t.projetId, t.debut),
		unique('suivi_periodes_projet_debut_uq').on(t.projetId, t.debut),
		check('suivi_periodes_dates_ck', sql`${t.fin} >= ${t.debut}`)
	]
);

export const COTES_SUIVI = ['ici', 'la-bas'] as const;
export type CoteSuivi = (typeof COTES_SUIVI)[number];
export const STATUTS_VALEUR = ['brouillon', 'soumise', 'validee', 'renvoyee'] as const;
export type StatutValeur = (typeof STATUTS_VALEUR)[number];

/**
 * An indicator's value for one period and one side. `indicateur` is the id of its row in the
 * logical framework. A number, a percentage's two parts, or words, as the indicator's kind
 * says; `version` grows at each change (two people saving from the same version: the second
 * is told).
 */
export const suiviValeurs = pgTable(
	'suivi_valeurs',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		indicateur: text('indicateur').notNull(),
		// A period holding values cannot be removed: the values would be lost.
		periodeId: integer('periode_id')
			.notNull()
			.references(() => suiviPeriodes.id, { onDelete: 'restrict' }),
		cote: text('cote').$type<CoteSuivi>().notNull(),
		valeur: doublePrecision('valeur'),
		numerateur: doublePrecision('numerateur'),
		denominateur: doublePrecision('denominateur'),
		texte: text('texte'),
		/** Its split along the indicator's dimensions: { dimension id: { category: part } } (suivi/valeurs/regles.ts). */
		ventilation: jsonb('ventilation').$type<Record<string, Record<string, { valeur: number | null; numerateur: number | null; denominateur: number | null }>>>(),
		commentaire: text('commentaire').notNull().default(''),
		statut: text('statut').$type<StatutValeur>().notNull(),
		/** Why the pilot returned it. */
		note: text('note'),
		version: integer('version').notNull().default(1),
		saisiePar: text('saisie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		unique('suivi_valeurs_uq').on(t.projetId, t.indicateur, t.periodeId, t.cote),
		index('suivi_valeurs_periode_idx').on(t.periodeId),
		check('suivi_valeurs_cote_ck', sql`${t.cote} in ('ici', 'la-bas')`),
		check('suivi_valeurs_statut_ck', sql`${t.statut} in ('brouillon', 'soumise', 'validee', 'renvoyee')`),
		check('suivi_valeurs_denominateur_ck', sql`${t.denominateur} is null or ${t.denominateur} > 0`)
	]
);

/** Who did what to a value, and when: each entry, submission, validation or return, with the value as it then was. */
export const suiviValeursHistorique = pgTable(
	'suivi_valeurs_historique',
	{
		id: serial('id').primaryKey(),
		valeurId: integer('valeur_id')
			.notNull()
			.references(() => suiviValeurs.id, { onDelete: 'cascade' }),
		action: text('action').notNull(),
		statut: text('statut').$type<StatutValeur>().notNull(),
		contenu: jsonb('contenu').$type<Record<string, unknown>>().notNull(),
		note: text('note'),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		le: timestamp('le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('suivi_valeurs_historique_idx').on(t.valeurId, t.le)]
);

/**
 * The narrative report of one period and one side: what was done, what changed for the people
 * concerned, difficulties, adjustments, next steps. Its own status, as values have.
 */
export const suiviComptesRendus = pgTable(
	'suivi_comptes_rendus',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		periodeId: integer('periode_id')
			.notNull()
			.references(() => suiviPeriodes.id, { onDelete: 'restrict' }),
		cote: text('cote').$type<CoteSuivi>().notNull(),
		contenu: jsonb('contenu').$type<Record<string, string>>().notNull(),
		statut: text('statut').$type<StatutValeur>().notNull(),
		note: text('note'),
		version: integer('version').notNull().default(1),
		saisiePar: text('saisie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		unique('suivi_comptes_rendus_uq').on(t.projetId, t.periodeId, t.cote),
		check('suivi_comptes_rendus_cote_ck', sql`${t.cote} in ('ici', 'la-bas')`),
		check('suivi_comptes_rendus_statut_ck', sql`${t.statut} in ('brouillon', 'soumise', 'validee', 'renvoyee')`)
	]
);

/** Each step of a narrative report, with its text as it then was. */
export const suiviComptesRendusHistorique = pgTable(
	'suivi_comptes_rendus_historique',
	{
		id: serial('id').primaryKey(),
		compteRenduId: integer('compte_rendu_id')
			.notNull()
			.references(() => suiviComptesRendus.id, { onDelete: 'cascade' }),
		action: text('action').notNull(),
		statut: text('statut').$type<StatutValeur>().notNull(),
		contenu: jsonb('contenu').$type<Record<string, string>>().notNull(),
		note: text('note'),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		le: timestamp('le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('suivi_comptes_rendus_historique_idx').on(t.compteRenduId, t.le)]
);

export const STATUTS_ACTIVITE = ['prevue', 'en-cours', 'terminee', 'en-retard', 'abandonnee'] as const;
export type StatutActivite = (typeof STATUTS_ACTIVITE)[number];

/**
 * How an activity of the project's list goes: its status, its actual start and end beside the
 * planned ones (in « Activités et calendrier »). `activite` is the id of its row there.
 */
export const suiviActivites = pgTable(
	'suivi_activites',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		activite: text('activite').notNull(),
		statut: text('statut').$type<StatutActivite>().notNull(),
		debutReel: date('debut_reel', { mode: 'string' }),
		finReelle: date('fin_reelle', { mode: 'string' }),
		commentaire: text('commentaire').notNull().default(''),
		version: integer('version').notNull().default(1),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		unique('suivi_activites_uq').on(t.projetId, t.activite),
		check('suivi_activites_statut_ck', sql`${t.statut} in ('prevue', 'en-cours', 'terminee', 'en-retard', 'abandonnee')`),
		check('suivi_activites_dates_ck', sql`${t.finReelle} is null or ${t.debutReel} is null or ${t.finReelle} >= ${t.debutReel}`)
	]
);

/** A milestone reached: its date, and a word on it. `jalon` is the id of its row in « Activités et calendrier ». */
export const suiviJalons = pgTable(
	'suivi_jalons',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		jalon: text('jalon').notNull(),
		atteintLe: date('atteint_le', { mode: 'string' }).notNull(),
		commentaire: text('commentaire').notNull().default(''),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [unique('suivi_jalons_uq').on(t.projetId, t.jalon)]
);

/**
 * What was actually spent on one budget line in one period, in the line's currency. `ligne` is
 * the id of its row in the budget section.
 */
export const suiviDepenses = pgTable(
	'suivi_depenses',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		ligne: text('ligne').notNull(),
		periodeId: integer('periode_id')
			.notNull()
			.references(() => suiviPeriodes.id, { onDelete: 'restrict' }),
		montant: doublePrecision('montant').notNull(),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [unique('suivi_depenses_uq').on(t.projetId, t.ligne, t.periodeId), check('suivi_depenses_montant_ck', sql`${t.montant} >= 0`)]
);

/**
 * An indicator's target for one period and one side, besides the end-of-project target in the
 * logical framework: the level expected by the period's end for a cumulative indicator, the
 * period's own amount for one whose periods add up. Set by a pilot with the periods.
 */
export const suiviCibles = pgTable(
	'suivi_cibles',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		indicateur: text('indicateur').notNull(),
		periodeId: integer('periode_id')
			.notNull()
			.references(() => suiviPeriodes.id, { onDelete: 'cascade' }),
		cote: text('cote').$type<CoteSuivi>().notNull(),
		cible: doublePrecision('cible').notNull(),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [unique('suivi_cibles_uq').on(t.projetId, t.indicateur, t.periodeId, t.cote), check('suivi_cibles_cote_ck', sql`${t.cote} in ('ici', 'la-bas')`)]
);
