import { describe, expect, it } from 'vitest';
import { autoriser, peut, statutsFichesLisibles, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

describe('the kit and its fiches', () => {
	it('lets a visitor read the method', () => {
		expect(peut(VISITEUR, 'lire', { type: 'kit' })).toBe(true);
	});

	it('lets a visitor and a member read a published fiche, not a draft; editors read drafts', () => {
		expect(peut(VISITEUR, 'lire', { type: 'fiche', statut: 'publiee' })).toBe(true);
		expect(peut(VISITEUR, 'lire', { type: 'fiche', statut: 'brouillon' })).toBe(false);
		expect(statutsFichesLisibles(compte('membre'))).toEqual(['publiee']);
		expect(statutsFichesLisibles(compte('editeur'))).toEqual(['publiee', 'brouillon']);
	});

	it('answers a refused draft with 404, so that its existence stays hidden', () => {
		expect(() => autoriser(VISITEUR, 'lire', { type: 'fiche', statut: 'brouillon' })).toThrow(
			expect.objectContaining({ status: 404 })
		);
	});

});
