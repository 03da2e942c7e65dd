import { describe, expect, it } from 'vitest';
import type { ValeurEnregistree } from './base.ts';
import type { Indicateur } from './regles.ts';
import { tableauDeBord } from './tableau.ts';

const ind = (p: Partial<Indicateur>): Indicateur => ({ id: 'ind000001', libelle: 'Jeunes', type: 'nombre', unite: 'jeunes', sens: 'hausse', agregation: 'somme', cotes: ['ici', 'la-bas'], reference: 0, cible: 24, cibleTexte: '24', rattachement: '', ventilations: [], ...p });
let n = 0;
const v = (p: Partial<ValeurEnregistree>): ValeurEnregistree => ({ id: ++n, indicateur: 'ind000001', periodeId: 1, cote: 'ici', valeur: null, numerateur: null, denominateur: null, texte: null, commentaire: '', ventilation: null, statut: 'validee', note: null, version: 1, auteur: null, modifieLe: new Date(), ...p });
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

	it('compares each period with its own target, the chart with the running sum of the targets', () => {
		const cibles = [
			{ indicateur: 'ind000001', cote: 'ici' as const, periodeId: 1, cible: 8 },
			{ indicateur: 'ind000001', cote: 'ici' as const, periodeId: 2, cible: 8 },
			{ indicateur: 'ind000001', cote: 'ici' as const, periodeId: 3, cible: 8 },
			{ indicateur: 'ind000001', cote: 'la-bas' as const, periodeId: 2, cible: 5 }
		];
		const [l] = tableauDeBord([ind({})], periodes, [v({ periodeId: 1, valeur: 10 }), v({ periodeId: 2, valeur: 6, statut: 'soumise' })], cibles);
		const [ici, laBas] = l!.series;
		expect(ici!.cellules.map((c) => [c.cible, c.atteinte])).toEqual([
			['8\u00a0jeunes', true],
			['8\u00a0jeunes', false],
			['8\u00a0jeunes', null]
		]);
		expect(ici!.courbeCible).toEqual([8, 16, 24]);
		// A period without its target breaks the running sum from there on.
		expect(laBas!.courbeCible).toEqual([null, null, null]);
		// A cumulative indicator's target is the level expected at the period's end; lower may be better.
		const [c] = tableauDeBord([ind({ agregation: 'cumul', sens: 'baisse', cotes: ['ici'] })], periodes, [v({ periodeId: 1, valeur: 20 }), v({ periodeId: 2, valeur: 9 })], cibles);
		expect(c!.series[0]!.courbeCible).toEqual([8, 8, 8]);
		expect(c!.series[0]!.cellules.map((x) => x.atteinte)).toEqual([false, false, null]);
		const [cumul] = tableauDeBord([ind({ agregation: 'cumul', sens: 'baisse', cotes: ['ici'] })], periodes, [v({ periodeId: 2, valeur: 7 })], cibles);
		expect(cumul!.series[0]!.cellules[1]!.atteinte).toBe(true);
	});

	it('totals each category over the validated periods and flags a split that does not add up', () => {
		const sexe = { id: 'sexe00001', libelle: 'Sexe', categories: ['Femmes', 'Hommes'] };
		const part = (valeur: number) => ({ valeur, numerateur: null, denominateur: null });
		const [l] = tableauDeBord([ind({ cotes: ['ici'], ventilations: [sexe] })], periodes, [
			v({ periodeId: 1, valeur: 10, ventilation: { sexe00001: { Femmes: part(6), Hommes: part(4) } } }),
			v({ periodeId: 2, valeur: 5, ventilation: { sexe00001: { Femmes: part(3), Hommes: part(1) } } }),
			v({ periodeId: 3, valeur: 9, statut: 'soumise', ventilation: { sexe00001: { Femmes: part(9) } } })
		]);
		const s = l!.series[0]!;
		expect(s.ventilations).toEqual([{ dimension: 'Sexe', categories: [{ libelle: 'Femmes', total: '9\u00a0jeunes' }, { libelle: 'Hommes', total: '5\u00a0jeunes' }] }]);
		expect(s.cellules.map((c) => c.ecarts.length)).toEqual([0, 1, 0]);
		expect(s.cellules[1]!.ecarts[0]).toBe('La ventilation par sexe donne 4\u00a0jeunes pour un total de 5\u00a0jeunes.');
		// A percentage's categories are recomputed from their parts too.
		const pct = ind({ type: 'pourcentage', agregation: 'pourcentage', unite: '%', cotes: ['ici'], ventilations: [sexe] });
		const parts = (numerateur: number, denominateur: number) => ({ valeur: null, numerateur, denominateur });
		const [p] = tableauDeBord([pct], periodes, [
			v({ periodeId: 1, numerateur: 5, denominateur: 10, ventilation: { sexe00001: { Femmes: parts(4, 5), Hommes: parts(1, 5) } } }),
			v({ periodeId: 2, numerateur: 5, denominateur: 10, ventilation: { sexe00001: { Femmes: parts(0, 5), Hommes: parts(5, 5) } } })
		]);
		expect(p!.series[0]!.ventilations[0]!.categories.map((c) => c.total)).toEqual(['40\u00a0%', '60\u00a0%']);
	});
});
