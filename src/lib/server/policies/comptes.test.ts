import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

describe('accounts', () => {
	it('lets an account manage itself only, whatever its role', () => {
		expect(peut(compte('membre', 'a1'), 'modifier', { type: 'compte', id: 'a1' })).toBe(true);
		expect(peut(compte('administrateur', 'a2'), 'modifier', { type: 'compte', id: 'a1' })).toBe(false);
		expect(peut(VISITEUR, 'lire', { type: 'compte', id: 'a1' })).toBe(false);
		expect(() => autoriser(VISITEUR, 'lire', { type: 'compte', id: 'a1' })).toThrow(expect.objectContaining({ status: 403 }));
	});
});
