import { describe, expect, it } from 'vitest';
import { ENTIER_MAX, identifiant } from './identifiant.ts';

describe('an id from an address or a form', () => {
	it('is a positive integer a PostgreSQL integer column can hold', () => {
		expect(identifiant('1')).toBe(1);
		expect(identifiant(String(ENTIER_MAX))).toBe(ENTIER_MAX);
		expect(identifiant('0', { zero: true })).toBe(0);
	});

	it('is undefined for anything else', () => {
		for (const brut of ['0', '-1', String(ENTIER_MAX + 1), '99999999999999999999', '1e3', '1.5', ' 1', '01', '0x10', '', 'abc', '1\0']) {
			expect(identifiant(brut), JSON.stringify(brut)).toBeUndefined();
		}
		expect(identifiant(undefined)).toBeUndefined();
		expect(identifiant(12)).toBeUndefined();
	});
});
