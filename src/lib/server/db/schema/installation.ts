// Small facts about the installation.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Small facts about the installation, such as the fingerprint of the last content import. */
export const parametres = pgTable('parametres', {
	cle: text('cle').primaryKey(),
	valeur: text('valeur').notNull(),
	modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
});
