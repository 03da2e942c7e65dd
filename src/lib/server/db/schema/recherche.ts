// Search: the words of the kit for « Vouliez-vous dire … ? ».
import { index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The words of the kit, without accents, for « Vouliez-vous dire … ? ». Filled by triggers on
 * fiches, stages and recommendations (migration 0004); it only grows.
 */
export const rechercheMots = pgTable(
	'recherche_mots',
	{
		cle: text('cle').primaryKey(),
		forme: text('forme').notNull()
	},
	(t) => [index('recherche_mots_trgm_idx').using('gin', t.cle.op('gin_trgm_ops'))]
);
