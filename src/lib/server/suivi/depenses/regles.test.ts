import { describe, expect, it } from 'vitest';
import type { Donnees } from '#lib/projets/sections.ts';
import { executionDuBudget, lignesDuBudget, lireDepenses } from './regles.ts';

const BUDGET: Donnees = {
	depenses: [
		{ id: 'billets01', categorie: 'deplacements', libelle: 'Billets', cote: 'ici', montant: 10_000, devise: 'EUR', taux: null },
		{ id: 'chantier1', categorie: 'activites', libelle: 'Chantier', cote: 'la-bas', montant: 6_559_570, devise: 'XOF', taux: 0.00152449 },
		{ libelle: 'Sans id : pas encore enregistrée', montant: 5 }
	]
};

describe('the budget’s execution', () => {
	it('converts each line to euros and follows planned against spent, per side and in all', () => {
		const lignes = lignesDuBudget(BUDGET);
		expect(lignes.map((l) => [l.id, l.prevuEuros, l.libelleCote])).toEqual([
			['billets01', 10_000, 'Ici (France)'],
			['chantier1', 10_000, 'Là-bas (partenaire)']
		]);
		const e = executionDuBudget(lignes, [
			{ ligne: 'billets01', montant: 4_000 },
			{ ligne: 'billets01', montant: 7_500 },
			{ ligne: 'chantier1', montant: 3_279_785 }
		]);
		expect(e.parLigne.map((l) => [l.id, l.depenseEuros, l.taux])).toEqual([
			['billets01', 11_500, 1.15],
			['chantier1', 5_000, expect.closeTo(0.5, 6)]
		]);
		expect(e.parCote.map((c) => [c.cote, c.prevuEuros, c.depenseEuros])).toEqual([
			['ici', 10_000, 11_500],
			['la-bas', 10_000, 5_000]
		]);
		expect(e.total).toMatchObject({ prevuEuros: 20_000, depenseEuros: 16_500 });
		// A line spending more than planned is a drifting budget.
		expect(e.depassements).toEqual(['billets01']);
	});

	it('reads the amounts typed the French way; a word or a negative amount is refused', () => {
		const r = lireDepenses({ 'periode-1': '1 250,50', 'periode-2': '' }, [1, 2]);
		expect(r.ok && [...r.montants]).toEqual([
			[1, 1250.5],
			[2, null]
		]);
		expect(lireDepenses({ 'periode-1': 'beaucoup', 'periode-2': '-3' }, [1, 2])).toEqual({ ok: false, erreurs: { 'periode-1': 'Indiquez un montant en chiffres, par exemple 1 250,50.', 'periode-2': 'Un montant dépensé ne peut être négatif.' } });
	});
});
