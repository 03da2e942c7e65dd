import { sql } from 'drizzle-orm';

/** A LIKE pattern for « contains these characters as typed »: LIKE's own characters escaped, 100 at most. */
export const motifContient = (q: string) => `%${q.trim().slice(0, 100).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** A text[] literal of parameters: drizzle would spread a bare JS array into a list, and an empty one into « () ». */
export const tableauTexte = (valeurs: readonly string[]) => sql`array[${sql.join(valeurs.map((v) => sql`${v}`), sql`, `)}]::text[]`;
