import { describe, expect, it } from 'vitest';
import { autoriser, peut, statutsFichesLisibles, VISITEUR, type Acteur } from './index.ts';

const compte = (role: 'membre' | 'editeur' | 'administrateur', id = 'a1'): Acteur => ({
	role,
	id,
	nom: 'Camille',
	courriel: 'camille@example.org',
	sessionId: 's1',
	fuseau: 'Europe/Paris'
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

	it('shows the development mails only where comptes/courriel.ts says they may be', () => {
		const page = (visibles: boolean) => ({ type: 'courriels-de-developpement', visibles }) as const;
		expect(peut(VISITEUR, 'lire', page(true))).toBe(true);
		expect(peut(compte('administrateur'), 'lire', page(false))).toBe(false);
		expect(() => autoriser(VISITEUR, 'lire', page(false))).toThrow(expect.objectContaining({ status: 404 }));
	});
});

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
});

describe('the admin area', () => {
	it('is for administrators only', () => {
		expect(peut(compte('administrateur'), 'lire', { type: 'administration' })).toBe(true);
		expect(peut(compte('editeur'), 'lire', { type: 'administration' })).toBe(false);
		expect(peut(compte('membre'), 'modifier', { type: 'administration' })).toBe(false);
		expect(peut(VISITEUR, 'lire', { type: 'administration' })).toBe(false);
	});
});

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
