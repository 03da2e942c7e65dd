import { describe, expect, it } from 'vitest';
import { faiblesseMotDePasse, schemaInscription } from './regles.ts';

describe('the password rule', () => {
	it('accepts long passphrases', () => {
		expect(faiblesseMotDePasse('velo rouge sous la pluie de Nantes')).toBeUndefined();
		expect(faiblesseMotDePasse('la mangrove de Saint-Louis au printemps')).toBeUndefined();
	});

	it('refuses short, common, keyboard and personal passwords, saying why in French', () => {
		expect(faiblesseMotDePasse('court')).toBe('Le mot de passe doit compter au moins 12 caractères.');
		expect(faiblesseMotDePasse('x'.repeat(129))).toContain('128 caractères');
		for (const faible of ['azertyuiop123', 'motdepasse2024', '123456789012', 'aaaaaaaaaaaa']) {
			expect(faiblesseMotDePasse(faible), faible).toMatch(/^Ce mot de passe est trop facile à deviner/);
		}
		expect(faiblesseMotDePasse('camillemartin2026', ['Camille Martin', 'camille.martin@departement.fr'])).toMatch(/trop facile/);
	});
});

describe('the sign-up form', () => {
	const valide = { nom: 'Camille Martin', courriel: ' Camille.Martin@Departement.FR ', motDePasse: 'velo rouge sous la pluie', confirmation: 'velo rouge sous la pluie' };

	it('normalises the address and keeps the name', () => {
		const r = schemaInscription.parse(valide);
		expect(r.courriel).toBe('camille.martin@departement.fr');
		expect(r.nom).toBe('Camille Martin');
	});

	it('refuses markup, control characters, and a different confirmation', () => {
		expect(schemaInscription.safeParse({ ...valide, nom: '<b>Camille</b>' }).success).toBe(false);
		expect(schemaInscription.safeParse({ ...valide, nom: 'Camille\u0000' }).success).toBe(false);
		const r = schemaInscription.safeParse({ ...valide, confirmation: 'autre' });
		expect(r.error?.issues[0]?.path).toEqual(['confirmation']);
		expect(schemaInscription.safeParse({ ...valide, nom: ['a', 'b'] }).success).toBe(false);
	});
});
