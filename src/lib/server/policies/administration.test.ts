import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

describe('the admin area', () => {
	it('is for administrators only', () => {
		expect(peut(compte('administrateur'), 'lire', { type: 'administration' })).toBe(true);
		expect(peut(compte('editeur'), 'lire', { type: 'administration' })).toBe(false);
		expect(peut(compte('membre'), 'modifier', { type: 'administration' })).toBe(false);
		expect(peut(VISITEUR, 'lire', { type: 'administration' })).toBe(false);
	});

	it('shows the development mails only where comptes/courriel.ts says they may be', () => {
		const page = (visibles: boolean) => ({ type: 'courriels-de-developpement', visibles }) as const;
		expect(peut(VISITEUR, 'lire', page(true))).toBe(true);
		expect(peut(compte('administrateur'), 'lire', page(false))).toBe(false);
		expect(() => autoriser(VISITEUR, 'lire', page(false))).toThrow(expect.objectContaining({ status: 404 }));
	});
});
