// Suivi: following the project once it runs — its reporting periods first.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, unique } from 'drizzle-orm/pg-core';
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
		...horodatage()
	},
	(t) => [
		index('suivi_periodes_projet_idx').on(t.projetId, t.debut),
		unique('suivi_periodes_projet_debut_uq').on(t.projetId, t.debut),
		check('suivi_periodes_dates_ck', sql`${t.fin} >= ${t.debut}`)
	]
);
