import { describe, expect, it } from 'vitest';
import type { ValeurEnregistree } from './base.ts';
import type { Indicateur } from './regles.ts';
import { tableauDeBord } from './tableau.ts';

const ind = (p: Partial<Indicateur>): Indicateur => ({ id: 'ind000001', libelle: 'Jeunes', type: 'nombre', unite: 'jeunes', sens: 'hausse', agregation: 'somme', cotes: ['ici', 'la-bas'], reference: 0, cible: 24, cibleTexte: '24', rattachement: '', ...p });
let n = 0;
const v = (p: Partial<ValeurEnregistree>): ValeurEnregistree => ({ id: ++n, indicateur: 'ind000001', periodeId: 1, cote: 'ici', valeur: null, numerateur: null, denominateur: null, texte: null, commentaire: '', statut: 'validee', note: null, version: 1, auteur: null, modifieLe: new Date(), ...p });
const periodes = [{ id: 1 }, { id: 2 }, { id: 3 }];

describe('the dashboard', () => {
	it('shows every value with its state, but counts only validated ones, side by side', () => {
		const [l] = tableauDeBord([ind({})], periodes, [
			v({ periodeId: 1, valeur: 10 }),
			v({ periodeId: 2, valeur: 6, statut: 'soumise' }),
			v({ periodeId: 3, valeur: 2 }),
			v({ periodeId: 1, cote: 'la-bas', valeur: 12 })
		]);
		const [ici, laBas] = l!.series;
		expect(ici!.cellules.map((c) => [c.affichee, c.libelleStatut])).toEqual([
			['10\u00a0jeunes', 'Validée'],
			['6\u00a0jeunes', 'Soumise'],
			['2\u00a0jeunes', 'Validée']
		]);
		expect(ici!.total).toBe('12\u00a0jeunes');
		expect(ici!.avancement).toBeCloseTo(0.5);
		// The running total after each period, where a validated value is known.
		expect(ici!.courbe).toEqual([10, null, 12]);
		expect(laBas!.cellules.map((c) => c.libelleStatut)).toEqual(['Validée', 'À saisir', 'À saisir']);
		expect(laBas!.total).toBe('12\u00a0jeunes');
	});

	it('recomputes a percentage per side from its parts, and keeps words for a qualitative one', () => {
		const pct = ind({ type: 'pourcentage', agregation: 'pourcentage', unite: '%', cotes: ['la-bas'], reference: 35, cible: 60 });
		const [l] = tableauDeBord([pct], periodes, [v({ cote: 'la-bas', periodeId: 1, numerateur: 9, denominateur: 12 }), v({ cote: 'la-bas', periodeId: 2, numerateur: 3, denominateur: 8 })]);
		expect(l!.series[0]!.total).toBe('60\u00a0%');
		expect(l!.series[0]!.avancement).toBeCloseTo(1);
		const [q] = tableauDeBord([ind({ type: 'qualitatif', cotes: ['ici'], cible: null, cibleTexte: 'Une confiance rétablie' })], periodes, [v({ texte: 'Les élus se rencontrent' })]);
		expect(q!.series[0]!.cellules[0]!.affichee).toBe('Les élus se rencontrent');
		expect(q!.series[0]!.total).toBe('');
		expect(q!.cibleAffichee).toBe('Une confiance rétablie');
	});
});
