import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

describe('projects', () => {
	const projet = (role: 'pilote' | 'contributeur' | 'lecteur' | null, publique = false) => ({ type: 'projet', role, public: publique }) as const;
	it('are created by signed-in accounts', () => {
		expect(peut(VISITEUR, 'creer', { type: 'projets' })).toBe(false);
		expect(peut(compte('membre'), 'creer', { type: 'projets' })).toBe(true);
	});

	it('are private to their team, even for administrators, and hidden with a 404', () => {
		for (const action of ['lire', 'modifier', 'commenter', 'exporter', 'gerer-equipe'] as const) {
			expect(peut(compte('administrateur'), action, projet(null))).toBe(false);
			expect(peut(compte('editeur'), action, projet(null, true))).toBe(false);
		}
		expect(() => autoriser(compte('membre'), 'lire', projet(null))).toThrow(expect.objectContaining({ status: 404 }));
	});

	it('give each role its part: readers read and comment, contributors write, pilots manage', () => {
		const m = compte('membre');
		expect(peut(m, 'lire', projet('lecteur'))).toBe(true);
		expect(peut(m, 'commenter', projet('lecteur'))).toBe(true);
		expect(peut(m, 'modifier', projet('lecteur'))).toBe(false);
		expect(() => autoriser(m, 'modifier', projet('lecteur'))).toThrow(expect.objectContaining({ status: 403 }));
		expect(peut(m, 'modifier', projet('contributeur'))).toBe(true);
		expect(peut(m, 'evaluer', projet('contributeur'))).toBe(true);
		expect(peut(m, 'gerer-equipe', projet('contributeur'))).toBe(false);
		expect(peut(m, 'gerer-equipe', projet('pilote'))).toBe(true);
		// The reporting periods are the pilot's to set.
		expect(peut(m, 'organiser-suivi', projet('pilote'))).toBe(true);
		expect(peut(m, 'organiser-suivi', projet('contributeur'))).toBe(false);
		expect(peut(m, 'organiser-suivi', projet('lecteur'))).toBe(false);
		expect(peut(compte('administrateur'), 'organiser-suivi', projet(null))).toBe(false);
		// Values: contributors enter them, only a pilot validates.
		expect(['pilote', 'contributeur', 'lecteur'].map((r) => peut(m, 'saisir-valeurs', projet(r as 'pilote')))).toEqual([true, true, false]);
		expect(['pilote', 'contributeur', 'lecteur'].map((r) => peut(m, 'valider-valeurs', projet(r as 'pilote')))).toEqual([true, false, false]);
		expect(peut(compte('administrateur'), 'saisir-valeurs', projet(null))).toBe(false);
	});

	it('show their summary to everyone once public', () => {
		expect(peut(VISITEUR, 'lire-resume', projet(null))).toBe(false);
		expect(peut(VISITEUR, 'lire-resume', projet(null, true))).toBe(true);
		expect(peut(VISITEUR, 'lire', projet(null, true))).toBe(false);
	});

	it('let the team delete their own comments, and a pilot any; nobody outside the team learns a comment exists', () => {
		const m = compte('membre');
		const commentaire = (role: 'pilote' | 'contributeur' | 'lecteur' | null, sien: boolean) => ({ type: 'commentaire', role, sien }) as const;
		expect(peut(m, 'supprimer', commentaire('lecteur', true))).toBe(true);
		expect(peut(m, 'supprimer', commentaire('contributeur', false))).toBe(false);
		expect(() => autoriser(m, 'supprimer', commentaire('contributeur', false))).toThrow(expect.objectContaining({ status: 403 }));
		expect(peut(m, 'supprimer', commentaire('pilote', false))).toBe(true);
		expect(peut(compte('administrateur'), 'supprimer', commentaire(null, false))).toBe(false);
		expect(() => autoriser(compte('administrateur'), 'supprimer', commentaire(null, true))).toThrow(expect.objectContaining({ status: 404 }));
		expect(peut(VISITEUR, 'supprimer', commentaire('pilote', true))).toBe(false);
	});
});
