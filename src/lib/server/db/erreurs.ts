/**
 * Whether a database error is a unique constraint refusing a duplicate (SQLSTATE 23505), on
 * PostgreSQL or PGlite, however deep drizzle wrapped it.
 */
export function estDoublon(erreur: unknown): boolean {
	for (let e = erreur, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
		if ((e as { code?: unknown }).code === '23505') return true;
	}
	return false;
}
