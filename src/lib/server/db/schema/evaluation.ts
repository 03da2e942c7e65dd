// Évaluation: the evaluation plan carried out — evaluations (mid-term, final or other), the
// findings for each evaluation question, the impacts recorded here and there, the
// recommendations and the decisions taken on them.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
import { horodatage } from './colonnes.ts';
import { utilisateurs } from './comptes.ts';
import { projets } from './projets.ts';

export const TYPES_EVALUATION = ['mi-parcours', 'finale', 'autre'] as const;
export type TypeEvaluation = (typeof TYPES_EVALUATION)[number];

export const evaluations = pgTable(
	'evaluations',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		type: text('type').$type<TypeEvaluation>().notNull(),
		titre: text('titre').notNull(),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('evaluations_projet_idx').on(t.projetId), check('evaluations_type_ck', sql`${t.type} in ('mi-parcours', 'finale', 'autre')`)]
);

export const JUGEMENTS = ['tres-satisfaisant', 'satisfaisant', 'peu-satisfaisant', 'insatisfaisant'] as const;
export type Jugement = (typeof JUGEMENTS)[number];

/** The finding for one evaluation question (`question`: the id of its row in the evaluation plan). */
export const evaluationsConstats = pgTable(
	'evaluations_constats',
	{
		id: serial('id').primaryKey(),
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => evaluations.id, { onDelete: 'cascade' }),
		question: text('question').notNull(),
		constat: text('constat').notNull(),
		preuves: text('preuves').notNull().default(''),
		jugement: text('jugement').$type<Jugement>(),
		avecQui: text('avec_qui').notNull().default(''),
		/** The people concerned took part in establishing it, with their consent. */
		personnesConcernees: boolean('personnes_concernees').notNull().default(false),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [unique('evaluations_constats_uq').on(t.evaluationId, t.question), check('evaluations_constats_jugement_ck', sql`${t.jugement} is null or ${t.jugement} in ('tres-satisfaisant', 'satisfaisant', 'peu-satisfaisant', 'insatisfaisant')`)]
);

/** An impact, here or there, intended or not, positive or negative. */
export const evaluationsImpacts = pgTable(
	'evaluations_impacts',
	{
		id: serial('id').primaryKey(),
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => evaluations.id, { onDelete: 'cascade' }),
		cote: text('cote').notNull(),
		description: text('description').notNull(),
		prevu: boolean('prevu').notNull(),
		positif: boolean('positif').notNull(),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('evaluations_impacts_idx').on(t.evaluationId), check('evaluations_impacts_cote_ck', sql`${t.cote} in ('ici', 'la-bas')`)]
);

export const STATUTS_RECOMMANDATION = ['a-decider', 'decidee', 'en-cours', 'faite', 'ecartee'] as const;
export type StatutRecommandation = (typeof STATUTS_RECOMMANDATION)[number];

/** A recommendation and the decision taken on it, followed until done (stage 7's « conclusions → décisions »). */
export const evaluationsRecommandations = pgTable(
	'evaluations_recommandations',
	{
		id: serial('id').primaryKey(),
		evaluationId: integer('evaluation_id')
			.notNull()
			.references(() => evaluations.id, { onDelete: 'cascade' }),
		recommandation: text('recommandation').notNull(),
		decision: text('decision').notNull().default(''),
		responsable: text('responsable').notNull().default(''),
		echeance: date('echeance', { mode: 'string' }),
		statut: text('statut').$type<StatutRecommandation>().notNull(),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('evaluations_recommandations_idx').on(t.evaluationId), check('evaluations_recommandations_statut_ck', sql`${t.statut} in ('a-decider', 'decidee', 'en-cours', 'faite', 'ecartee')`)]
);

/**
 * A story of change (« changements les plus significatifs »): told by a participant, who
 * consented to its use, in a domain of change; the team selects the most significant and says why.
 */
export const evaluationsRecits = pgTable(
	'evaluations_recits',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		domaine: text('domaine').notNull(),
		recit: text('recit').notNull(),
		/** Who told it, as they agreed to be named (« une jeune du quartier de Boucotte »). */
		narrateur: text('narrateur').notNull(),
		cote: text('cote').notNull(),
		consentement: boolean('consentement').notNull(),
		selectionne: boolean('selectionne').notNull().default(false),
		raison: text('raison').notNull().default(''),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('evaluations_recits_idx').on(t.projetId), check('evaluations_recits_cote_ck', sql`${t.cote} in ('ici', 'la-bas')`), check('evaluations_recits_consentement_ck', sql`${t.consentement}`)]
);
