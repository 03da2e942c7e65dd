import { describe, expect, it } from 'vitest';
import type { Donnees } from './sections.ts';
import { categoriesDe, champVentilation, dimensionsDuCadre } from './ventilations.ts';

describe('the dimensions of a logical framework', () => {
	it('reads categories separated by semicolons, or by commas when there is none', () => {
		expect(categoriesDe('Femmes ; Hommes ; Autre')).toEqual(['Femmes', 'Hommes', 'Autre']);
		expect(categoriesDe('16-25 ans, 26 ans et plus')).toEqual(['16-25 ans', '26 ans et plus']);
		// With a semicolon, commas belong to a category's name.
		expect(categoriesDe('Ziguinchor, ville ; Bignona')).toEqual(['Ziguinchor, ville', 'Bignona']);
		expect(categoriesDe('  Femmes ;FEMMES; ;  Hommes   seuls ')).toEqual(['Femmes', 'Hommes seuls']);
		expect(categoriesDe(undefined)).toEqual([]);
		expect(categoriesDe(12)).toEqual([]);
	});

	it('keeps the dimensions that have a name and two categories', () => {
		const cadre: Donnees = {
			ventilations: [
				{ id: 'sexe00001', dimension: ' Sexe ', categories: 'Femmes ; Hommes' },
				{ id: 'age000001', dimension: 'Âge', categories: 'Jeunes' },
				{ id: 'vide00001', dimension: '', categories: 'A ; B' },
				{ dimension: 'Sans id', categories: 'A ; B' }
			]
		};
		expect(dimensionsDuCadre(cadre)).toEqual([{ id: 'sexe00001', libelle: 'Sexe', categories: ['Femmes', 'Hommes'] }]);
		expect(dimensionsDuCadre(undefined)).toEqual([]);
	});

	it('names a category’s field by position, never by its words', () => {
		expect(champVentilation(1, 3, 'numerateur')).toBe('ventilation.1.3.numerateur');
	});
});
