import { describe, expect, it } from 'vitest';
import { accorder, avecArticle, de, duNom } from './francais.ts';

describe('generated French labels', () => {
	it('elide before a vowel sound', () => {
		expect(de('Amadou')).toBe('d’Amadou');
		expect(de('Élodie')).toBe('d’Élodie');
		expect(de('Hugo')).toBe('d’Hugo');
		expect(de('awa@exemple.test')).toBe('d’awa@exemple.test');
		expect(de('Camille')).toBe('de Camille');
	});

	it('give an organisation named by a common noun its article', () => {
		expect(avecArticle('Département de Loire-Atlantique')).toBe('le Département de Loire-Atlantique');
		expect(avecArticle('Commune de Ziguinchor')).toBe('la Commune de Ziguinchor');
		expect(avecArticle('Association Essor')).toBe('l’Association Essor');
		expect(avecArticle('Essor 44')).toBe('Essor 44');
		expect(duNom('Département de Loire-Atlantique')).toBe('du Département de Loire-Atlantique');
		expect(duNom('Région Bretagne')).toBe('de la Région Bretagne');
		expect(duNom('Association Essor')).toBe('de l’Association Essor');
		expect(duNom('Essor 44')).toBe('d’Essor 44');
		expect(duNom('Kaolack Solidarité')).toBe('de Kaolack Solidarité');
	});

	it('make every word of a group agree', () => {
		expect(accorder(1, 'fiche portée')).toBe('1 fiche portée');
		expect(accorder(2, 'fiche portée')).toBe('2 fiches portées');
		expect(accorder(0, 'fiche portée')).toBe('0 fiche portée');
	});
});
