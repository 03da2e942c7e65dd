// The method: its stages, recommendations, tools, self-assessment questions and pages.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { horodatage, tsvector, vecteur } from './colonnes.ts';
import { type Ecueil } from './fiches.ts';

export const etapes = pgTable('etapes', {
	id: serial('id').primaryKey(),
	numero: integer('numero').notNull().unique(),
	slug: text('slug').notNull().unique(),
	titre: text('titre').notNull(),
	resume: text('resume').notNull(),
	/** « Pourquoi cette étape compte », Markdown. */
	pourquoi: text('pourquoi').notNull(),
	questionsCles: jsonb('questions_cles').$type<string[]>().notNull(),
	ecueils: jsonb('ecueils').$type<Ecueil[]>().notNull(),
	...horodatage(),
	recherche: tsvector('recherche')
		.notNull()
		.generatedAlwaysAs(
			sql.raw(
				[vecteur('A', 'titre'), vecteur('B', 'resume'), vecteur('C', 'pourquoi', 'questions_cles::text', 'ecueils::text')].join(' || ')
			)
		)
}, (t) => [index('etapes_recherche_idx').using('gin', t.recherche)]);

export const recommandations = pgTable(
	'recommandations',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		numero: integer('numero').notNull(),
		titre: text('titre').notNull(),
		pourquoi: text('pourquoi').notNull(),
		enPratique: text('en_pratique'),
		...horodatage(),
		recherche: tsvector('recherche')
			.notNull()
			.generatedAlwaysAs(sql.raw([vecteur('A', 'titre'), vecteur('B', 'pourquoi'), vecteur('C', 'en_pratique')].join(' || ')))
	},
	(t) => [
		unique('recommandations_etape_numero_uq').on(t.etapeId, t.numero),
		index('recommandations_recherche_idx').using('gin', t.recherche)
	]
);

export const outils = pgTable(
	'outils',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		ordre: integer('ordre').notNull(),
		titre: text('titre').notNull(),
		type: text('type').notNull(),
		description: text('description').notNull(),
		contenu: text('contenu').notNull()
	},
	(t) => [unique('outils_etape_ordre_uq').on(t.etapeId, t.ordre)]
);

export const questionsAutoEvaluation = pgTable(
	'questions_auto_evaluation',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		ordre: integer('ordre').notNull(),
		question: text('question').notNull(),
		/** The recommendation to read when the answer is weak. */
		recommandationId: integer('recommandation_id').references(() => recommandations.id, {
			onDelete: 'set null'
		})
	},
	(t) => [unique('questions_etape_ordre_uq').on(t.etapeId, t.ordre)]
);

export const pages = pgTable('pages', {
	slug: text('slug').primaryKey(),
	titre: text('titre').notNull(),
	description: text('description').notNull(),
	corps: text('corps').notNull(),
	...horodatage()
});
