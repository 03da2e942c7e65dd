import { describe, expect, it } from 'vitest';
import { autoriser, peut, statutsFichesLisibles, VISITEUR, type Acteur } from './index.ts';

const compte = (role: 'membre' | 'editeur' | 'administrateur', id = 'a1'): Acteur => ({
	role,
	id,
	nom: 'Camille',
	courriel: 'camille@example.org',
	sessionId: 's1'
});

describe('policies', () => {
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

	it('lets an account manage itself only, whatever its role', () => {
		expect(peut(compte('membre', 'a1'), 'modifier', { type: 'compte', id: 'a1' })).toBe(true);
		expect(peut(compte('administrateur', 'a2'), 'modifier', { type: 'compte', id: 'a1' })).toBe(false);
		expect(peut(VISITEUR, 'lire', { type: 'compte', id: 'a1' })).toBe(false);
		expect(() => autoriser(VISITEUR, 'lire', { type: 'compte', id: 'a1' })).toThrow(expect.objectContaining({ status: 403 }));
	});

	it('shows the development mails on this machine only, and only without SMTP', () => {
		const page = (local: boolean, smtp: boolean) => ({ type: 'courriels-de-developpement', local, smtp }) as const;
		expect(peut(VISITEUR, 'lire', page(true, false))).toBe(true);
		expect(peut(VISITEUR, 'lire', page(false, false))).toBe(false);
		expect(peut(compte('administrateur'), 'lire', page(true, true))).toBe(false);
		expect(() => autoriser(VISITEUR, 'lire', page(false, false))).toThrow(expect.objectContaining({ status: 404 }));
	});
});
