// Reference data: the SDGs, French départements, themes and publics.
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** A text in each language of the SDG reference data. */
export type Traductions = { fr: string; en?: string; es?: string; ar?: string };

export const oddObjectifs = pgTable('odd_objectifs', {
	numero: integer('numero').primaryKey(),
	titre: jsonb('titre').$type<Traductions>().notNull(),
	intituleCourt: jsonb('intitule_court').$type<Traductions>().notNull()
});

export const oddCibles = pgTable(
	'odd_cibles',
	{
		/** Official code, such as « 1.3 » or « 5.a ». */
		code: text('code').primaryKey(),
		objectif: integer('objectif')
			.notNull()
			.references(() => oddObjectifs.numero),
		ordre: integer('ordre').notNull(),
		titre: jsonb('titre').$type<Traductions>().notNull()
	},
	(t) => [index('odd_cibles_objectif_idx').on(t.objectif)]
);

/** French départements (metropolitan and overseas) and their regions, from the official split. */
export const departements = pgTable('departements', {
	code: text('code').primaryKey(),
	nom: text('nom').notNull(),
	regionCode: text('region_code').notNull(),
	regionNom: text('region_nom').notNull()
});

export const themes = pgTable('themes', {
	slug: text('slug').primaryKey(),
	nom: text('nom').notNull(),
	description: text('description').notNull(),
	ordre: integer('ordre').notNull()
});

export const publics = pgTable('publics', {
	slug: text('slug').primaryKey(),
	nom: text('nom').notNull(),
	ordre: integer('ordre').notNull()
});
