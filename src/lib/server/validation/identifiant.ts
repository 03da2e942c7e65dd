/** The largest value of a PostgreSQL `integer` (serial) column. */
export const ENTIER_MAX = 2_147_483_647;

/**
 * An id or version number from an address or a form: digits only, 1 to 2³¹−1, or undefined.
 * A larger number would make PostgreSQL fail instead of answering « not found ».
 */
export function identifiant(brut: unknown, { zero = false } = {}): number | undefined {
	if (typeof brut !== 'string' || !/^\d{1,10}$/.test(brut) || (brut.length > 1 && brut.startsWith('0'))) return undefined;
	const n = Number(brut);
	return n <= ENTIER_MAX && (n > 0 || zero) ? n : undefined;
}
