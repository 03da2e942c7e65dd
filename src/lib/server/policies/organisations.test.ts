import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

describe('organisations', () => {
	const org = (role: 'proprietaire' | 'gestionnaire' | 'membre' | null) => ({ type: 'organisation', role }) as const;
	it('are public to read; created by signed-in accounts only', () => {
		expect(peut(VISITEUR, 'lire', org(null))).toBe(true);
		expect(peut(VISITEUR, 'creer', { type: 'organisations' })).toBe(false);
		expect(peut(compte('membre'), 'creer', { type: 'organisations' })).toBe(true);
	});

	it('show their members to members, are managed by managers, and their roles changed by owners', () => {
		const m = compte('membre');
		expect(peut(m, 'voir-membres', org(null))).toBe(false);
		expect(peut(m, 'voir-membres', org('membre'))).toBe(true);
		expect(peut(m, 'gerer-membres', org('membre'))).toBe(false);
		expect(peut(m, 'gerer-membres', org('gestionnaire'))).toBe(true);
		expect(peut(m, 'changer-roles', org('gestionnaire'))).toBe(false);
		expect(peut(m, 'changer-roles', org('proprietaire'))).toBe(true);
		expect(peut(m, 'modifier', org('membre'))).toBe(false);
		// Platform administrators manage every organisation; editors do not.
		expect(peut(compte('administrateur'), 'changer-roles', org(null))).toBe(true);
		expect(peut(compte('editeur'), 'gerer-membres', org(null))).toBe(false);
		expect(peut(VISITEUR, 'voir-membres', org(null))).toBe(false);
	});

	it('let outsiders ask to join, and members leave', () => {
		expect(peut(compte('membre'), 'demander', org(null))).toBe(true);
		expect(peut(compte('membre'), 'demander', org('membre'))).toBe(false);
		expect(peut(VISITEUR, 'demander', org(null))).toBe(false);
		expect(peut(compte('membre'), 'quitter', org('membre'))).toBe(true);
		expect(peut(compte('membre'), 'quitter', org(null))).toBe(false);
	});

	it('open the dashboard of their projects to members; each project’s state to its team and to the organisation’s managers', () => {
		expect(peut(compte('membre'), 'suivre-projets', org('membre'))).toBe(true);
		expect(peut(compte('membre'), 'suivre-projets', org(null))).toBe(false);
		// Not even a platform administrator outside the organisation.
		expect(peut(compte('administrateur'), 'suivre-projets', org(null))).toBe(false);
		expect(peut(VISITEUR, 'suivre-projets', org('membre'))).toBe(false);
		const etat = (role: 'pilote' | 'contributeur' | 'lecteur' | null, roleOrganisation: 'proprietaire' | 'gestionnaire' | 'membre' | null) => peut(compte('membre'), 'voir-etat-du-suivi', { type: 'projet-de-l-organisation', role, roleOrganisation });
		expect(etat('lecteur', 'membre')).toBe(true);
		expect(etat(null, 'gestionnaire')).toBe(true);
		expect(etat(null, 'proprietaire')).toBe(true);
		expect(etat(null, 'membre')).toBe(false);
		expect(etat(null, null)).toBe(false);
		// The state, not the project: its pages stay with its team.
		expect(peut(compte('membre'), 'lire', { type: 'projet', role: null, public: false })).toBe(false);
	});
});
