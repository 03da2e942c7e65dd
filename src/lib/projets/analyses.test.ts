import { describe, expect, it } from 'vitest';
import { avertissements, bilanBudget, enEuros, frise, matriceTransversale } from './analyses.ts';

describe('the budget', () => {
	const budget = {
		depenses: [
			{ categorie: 'deplacements', libelle: 'Billets', cote: 'ici', montant: 12000, devise: 'EUR', taux: null },
			{ categorie: 'activites', libelle: 'Chantier', cote: 'la-bas', montant: 6559570, devise: 'XOF', taux: 0.00152449 },
			{ categorie: 'activites', libelle: 'Outils', cote: 'la-bas', montant: 1000, devise: 'EUR', taux: null }
		],
		financements: [
			{ financeur: 'Département', type: 'fonds-propres', montant: 13000, statut: 'acquis' },
			{ financeur: 'État', type: 'appel-etat', montant: 10000, statut: 'demande' }
		]
	};

	it('converts other currencies at the rate given', () => {
		expect(enEuros(budget.depenses[1]!)).toBe(10000);
		expect(enEuros({ montant: 100, devise: 'eur' })).toBe(100);
		expect(enEuros({ montant: 100, devise: 'USD' })).toBe(0); // no rate: counted as nothing, and refused at input
	});

	it('totals by category, side and funder type, with shares, and checks the balance', () => {
		const b = bilanBudget(budget);
		expect(b.depenses).toBe(23000);
		expect(b.financements).toBe(23000);
		expect(b.equilibre).toBe(true);
		expect(b.acquis).toBe(13000);
		expect(b.parCategorie).toEqual([
			{ cle: 'deplacements', libelle: 'Déplacements et séjours', montant: 12000, part: 52.2 },
			{ cle: 'activites', libelle: 'Activités et ateliers', montant: 11000, part: 47.8 }
		]);
		expect(b.parCote.map((p) => [p.cle, p.montant])).toEqual([
			['ici', 12000],
			['la-bas', 11000]
		]);
		expect(b.parType.map((p) => p.part)).toEqual([56.5, 43.5]);
	});

	it('warns when funding and costs differ, saying by how much', () => {
		const manque = { ...budget, financements: budget.financements.slice(1) };
		expect(bilanBudget(manque).ecart).toBe(-13000);
		expect(avertissements('budget', manque)[0]).toMatch(/il manque 13\s000,00\s€/);
		expect(avertissements('budget', budget)).toEqual([]);
		expect(avertissements('budget', {})).toEqual([]);
	});
});

describe('the logical framework', () => {
	it('warns while no indicator measures effects in France', () => {
		const la = { indicateurs: [{ indicateur: 'Jeunes formés à Ziguinchor', cote: 'la-bas' }] };
		expect(avertissements('cadre-logique', la)[0]).toContain('Aucun indicateur ne mesure les effets en France');
		expect(avertissements('cadre-logique', { indicateurs: [...la.indicateurs, { indicateur: 'Agents formés', cote: 'les-deux' }] })).toEqual([]);
	});
});

describe('the timeline', () => {
	it('places each activity on the whole period', () => {
		const f = frise({
			activites: [
				{ activite: 'Préparation', debut: '2027-01-01', fin: '2027-01-10', responsable: '' },
				{ activite: 'Chantier', debut: '2027-01-11', fin: '2027-01-20', responsable: 'Awa' },
				{ activite: 'Sans dates', debut: '', fin: '' }
			]
		});
		expect(f.debut).toBe('2027-01-01');
		expect(f.fin).toBe('2027-01-20');
		expect(f.barres).toHaveLength(2);
		expect(f.barres[0]).toMatchObject({ x: 0, largeur: 0.5 });
		expect(f.barres[1]).toMatchObject({ x: 0.5, largeur: 0.5 });
		expect(f.mois.map((m) => m.libelle)).toEqual(['janv.\u00a027']);
		expect(frise({}).barres).toEqual([]);
	});
});

describe('the cross-service matrix', () => {
	it('crosses services with activities', () => {
		const m = matriceTransversale({
			services: [
				{ service: 'insertion', activite: 'chantier01', referent: 'Marie', implication: 'contributeur' },
				{ service: 'insertion', activite: 'preparation', referent: 'Marie', implication: 'pilote' },
				{ service: 'finances', activite: 'chantier01', referent: '', implication: '' },
				{ service: 'finances', activite: '', referent: '', implication: 'informe' }
			]
		}, [
			{ valeur: 'preparation', libelle: 'A 1 — Préparation' },
			{ valeur: 'restitution', libelle: 'A 2 — Restitution' },
			{ valeur: 'chantier01', libelle: 'A 3 — Chantier' }
		]);
		// Columns in the order of the project's activities, only those a service takes part in.
		expect(m.activites).toEqual(['A 1 — Préparation', 'A 3 — Chantier']);
		expect(m.lignes).toEqual([
			{ service: 'Insertion', referents: 'Marie', cellules: ['Pilote', 'Contributeur'] },
			{ service: 'Finances', referents: '', cellules: ['', 'Concerné'] }
		]);
	});
});
