// Column helpers shared by the domains' tables.
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A PostgreSQL full-text search document, maintained by the database (generated column). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** French, accent-insensitive text search configuration (migration 0002). */
export const vecteur = (poids: 'A' | 'B' | 'C', ...colonnes: string[]) =>
	`setweight(to_tsvector('public.francais'::regconfig, ${colonnes.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ")}), '${poids}')`;

export const horodatage = () => ({
	creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
	modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
});
