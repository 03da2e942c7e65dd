import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';

describe('policies', () => {
	it('lets a visitor read the method', () => {
		expect(peut(VISITEUR, 'lire', { type: 'kit' })).toBe(true);
	});

	it('lets a visitor read a published fiche, not a draft', () => {
		expect(peut(VISITEUR, 'lire', { type: 'fiche', statut: 'publiee' })).toBe(true);
		expect(peut(VISITEUR, 'lire', { type: 'fiche', statut: 'brouillon' })).toBe(false);
	});

	it('answers a refused draft with 404, so that its existence stays hidden', () => {
		expect(() => autoriser(VISITEUR, 'lire', { type: 'fiche', statut: 'brouillon' })).toThrow(
			expect.objectContaining({ status: 404 })
		);
	});
});
