import { describe, expect, it } from 'vitest';
import type { Indicateur } from '../valeurs/regles.ts';
import { atteint, avecCibles, champCible, lireCibles } from './regles.ts';

const ind = (p: Partial<Indicateur>): Indicateur => ({ id: 'ind000001', libelle: 'Jeunes', type: 'nombre', unite: '', sens: 'hausse', agregation: 'somme', cotes: ['ici'], reference: null, cible: null, cibleTexte: '', rattachement: '', ventilations: [], ...p });
const periodes = [{ id: 7 }, { id: 8 }];

describe('targets per period', () => {
	it('are read per indicator, side and period; blank means none', () => {
		const nombre = ind({ cotes: ['ici', 'la-bas'] });
		const pct = ind({ id: 'ind000002', type: 'pourcentage' });
		const r = lireCibles([nombre, pct, ind({ id: 'ind000003', type: 'qualitatif' })], periodes, {
			[champCible('ind000001', 'ici', 7)]: '1 200,5',
			[champCible('ind000001', 'la-bas', 8)]: '  ',
			[champCible('ind000002', 'ici', 8)]: '45 %',
			[champCible('ind000003', 'ici', 7)]: '3',
			// A period the form did not show is not read.
			[champCible('ind000001', 'ici', 99)]: '5'
		});
		expect(r).toEqual({
			ok: true,
			cibles: [
				{ indicateur: 'ind000001', cote: 'ici', periodeId: 7, cible: 1200.5 },
				{ indicateur: 'ind000002', cote: 'ici', periodeId: 8, cible: 45 }
			]
		});
	});

	it('explain a wrong target at its field and keep nothing', () => {
		const r = lireCibles([ind({}), ind({ id: 'ind000002', type: 'pourcentage' })], periodes, {
			[champCible('ind000001', 'ici', 7)]: 'beaucoup',
			[champCible('ind000001', 'ici', 8)]: '12',
			[champCible('ind000002', 'ici', 7)]: '120',
			[champCible('ind000002', 'ici', 8)]: '1e13'
		});
		expect(r).toEqual({
			ok: false,
			erreurs: {
				[champCible('ind000001', 'ici', 7)]: 'Indiquez la cible en chiffres, par exemple 24 ou 12,5, ou laissez vide.',
				[champCible('ind000002', 'ici', 7)]: 'Un pourcentage va de 0 à 100.',
				[champCible('ind000002', 'ici', 8)]: expect.any(String)
			}
		});
	});

	it('apply to figures only, met in the indicator’s better direction', () => {
		expect(avecCibles([ind({ type: 'qualitatif' }), ind({ type: '' }), ind({ id: 'x' })]).map((i) => i.id)).toEqual(['x']);
		expect(atteint('hausse', 10, 10)).toBe(true);
		expect(atteint('hausse', 9, 10)).toBe(false);
		expect(atteint('baisse', 9, 10)).toBe(true);
		expect(atteint('baisse', 11, 10)).toBe(false);
	});
});
