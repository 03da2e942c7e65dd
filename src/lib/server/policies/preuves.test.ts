import { describe, expect, it } from 'vitest';
import { autoriser, peut, VISITEUR } from './index.ts';
import { compte } from './acteurs-de-test.ts';

type Role = 'pilote' | 'contributeur' | 'lecteur' | null;
const preuve = (role: Role, confidentielle = false, sienne = false) => ({ type: 'preuve', role, confidentielle, sienne }) as const;
const ROLES: Role[] = ['pilote', 'contributeur', 'lecteur', null];

describe('evidence', () => {
	const m = compte('membre');
	it('is brought by contributors and pilots, not by lecteurs nor outsiders', () => {
		expect(ROLES.map((role) => peut(m, 'creer', { type: 'preuves', role }))).toEqual([true, true, false, false]);
		expect(peut(VISITEUR, 'creer', { type: 'preuves', role: 'pilote' })).toBe(false);
		expect(() => autoriser(m, 'creer', { type: 'preuves', role: null })).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => autoriser(m, 'creer', { type: 'preuves', role: 'lecteur' })).toThrow(expect.objectContaining({ status: 403 }));
	});

	it('is read by the whole team; confidential evidence by the team but lecteurs, who do not learn it exists', () => {
		expect(ROLES.map((role) => peut(m, 'lire', preuve(role)))).toEqual([true, true, true, false]);
		expect(ROLES.map((role) => peut(m, 'lire', preuve(role, true)))).toEqual([true, true, false, false]);
		expect(() => autoriser(m, 'lire', preuve('lecteur', true))).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => autoriser(compte('administrateur'), 'lire', preuve(null))).toThrow(expect.objectContaining({ status: 404 }));
		expect(peut(VISITEUR, 'lire', preuve('pilote'))).toBe(false);
	});

	it('is removed by its author (contributor) or a pilote', () => {
		expect(peut(m, 'supprimer', preuve('contributeur', false, true))).toBe(true);
		expect(peut(m, 'supprimer', preuve('contributeur', false, false))).toBe(false);
		expect(peut(m, 'supprimer', preuve('pilote', true, false))).toBe(true);
		expect(peut(m, 'supprimer', preuve('lecteur', false, true))).toBe(false);
		expect(() => autoriser(m, 'supprimer', preuve('contributeur'))).toThrow(expect.objectContaining({ status: 403 }));
	});
});
