import { describe, expect, it } from 'vitest';
import { afficher, agreger, avancement, cotesDe, ecartsDeVentilation, indicateursDuCadre, lireValeur, progresse, type Indicateur } from './regles.ts';

const ind = (p: Partial<Indicateur>): Indicateur => ({ id: 'ind000001', libelle: 'Jeunes', type: 'nombre', unite: '', sens: 'hausse', agregation: 'somme', cotes: ['ici'], reference: null, cible: null, cibleTexte: '', rattachement: '', ventilations: [], ...p });
const v = (ordre: number, valeur: number | null, numerateur: number | null = null, denominateur: number | null = null) => ({ ordre, valeur, numerateur, denominateur });

describe('aggregating the periods', () => {
	it('adds up per-period values', () => {
		expect(agreger(ind({ agregation: 'somme' }), [v(1, 10), v(2, 12), v(3, 0)])).toBe(22);
	});

	it('takes the latest period’s value for a cumulative indicator, whatever the order given', () => {
		expect(agreger(ind({ agregation: 'cumul' }), [v(3, 40), v(1, 12), v(2, 25)])).toBe(40);
	});

	it('recomputes a percentage from the summed parts, never averaging percentages', () => {
		// 9/10 and 10/100: the average of 90 % and 10 % would say 50 %; the people say 19/110.
		expect(agreger(ind({ type: 'pourcentage', agregation: 'pourcentage' }), [v(1, null, 9, 10), v(2, null, 10, 100)])).toBeCloseTo((100 * 19) / 110, 10);
	});

	it('says nothing for a qualitative indicator, one without its kind, or without values', () => {
		expect(agreger(ind({ type: 'qualitatif' }), [v(1, null)])).toBeNull();
		expect(agreger(ind({ type: '' }), [v(1, 3)])).toBeNull();
		expect(agreger(ind({}), [])).toBeNull();
		expect(agreger(ind({ agregation: '' }), [v(1, 3)])).toBeNull();
	});

	it('measures the way from baseline to target, in both directions', () => {
		expect(avancement(ind({ reference: 35, cible: 60 }), 47.5)).toBeCloseTo(0.5);
		// Lower is better: from 30 days of waiting to 10.
		const delai = ind({ sens: 'baisse', reference: 30, cible: 10 });
		expect(avancement(delai, 20)).toBeCloseTo(0.5);
		expect(avancement(delai, 35)).toBeLessThan(0);
		expect(progresse(delai, 20)).toBe(true);
		expect(progresse(delai, 35)).toBe(false);
		expect(avancement(ind({ cible: 24 }), 12)).toBeCloseTo(0.5);
		expect(avancement(ind({ reference: 5, cible: 5 }), 5)).toBeNull();
		// Lower is better and no baseline: nothing can be said.
		expect(avancement(ind({ sens: 'baisse', reference: null, cible: 10 }), 20)).toBeNull();
	});

	it('follows « both sides » as two series', () => {
		expect(cotesDe('les-deux')).toEqual(['ici', 'la-bas']);
		expect(cotesDe('la-bas')).toEqual(['la-bas']);
		expect(cotesDe('')).toEqual(['ici', 'la-bas']);
	});
});

describe('reading a value', () => {
	it('takes a number typed the French way, with its comment', () => {
		expect(lireValeur(ind({}), { valeur: '1 234,5', commentaire: '  Listes de présence  ' })).toEqual({ ok: true, contenu: { valeur: 1234.5, numerateur: null, denominateur: null, texte: null, commentaire: 'Listes de présence', ventilation: null } });
	});

	it('refuses the wrong kind, a zero or smaller denominator, and an indicator without its kind', () => {
		expect(lireValeur(ind({}), { valeur: 'beaucoup' })).toEqual({ ok: false, erreurs: { valeur: 'Indiquez la valeur en chiffres, par exemple 24 ou 12,5.' } });
		const pct = ind({ type: 'pourcentage' });
		const erreurs = (s: Record<string, string>) => {
			const r = lireValeur(pct, s);
			return r.ok ? {} : r.erreurs;
		};
		expect(erreurs({ numerateur: '3', denominateur: '0' }).denominateur).toContain('ne peut être nul');
		expect(erreurs({ numerateur: '12', denominateur: '10' }).numerateur).toContain('ne peut dépasser');
		expect(erreurs({ numerateur: '-1', denominateur: '10' }).numerateur).toBe('Le numérateur ne peut être négatif.');
		expect(lireValeur(pct, { numerateur: '9', denominateur: '12' })).toMatchObject({ ok: true, contenu: { numerateur: 9, denominateur: 12 } });
		expect(lireValeur(ind({ type: '' }), { valeur: '3' })).toMatchObject({ ok: false, erreurs: { formulaire: expect.stringContaining('type de cet indicateur') } });
		expect(lireValeur(ind({ type: 'qualitatif' }), { texte: ' ' })).toEqual({ ok: false, erreurs: { texte: 'Décrivez ce qui a été observé.' } });
		expect(lireValeur(ind({}), { valeur: '3', commentaire: 'a\u0000b' })).toMatchObject({ ok: false, erreurs: { commentaire: expect.stringContaining('contrôle') } });
	});
});

describe('a value split by category', () => {
	const sexe = { id: 'sexe00001', libelle: 'Sexe', categories: ['Femmes', 'Hommes'] };
	const age = { id: 'age000001', libelle: 'Tranche d’âge', categories: ['16-25 ans', '26 ans et plus', 'Non connue'] };

	it('reads each category’s number; a blank category is left out, a wrong one explained at its field', () => {
		const i = ind({ ventilations: [sexe, age] });
		const r = lireValeur(i, { valeur: '12', 'ventilation.0.0.valeur': '7', 'ventilation.0.1.valeur': '5', 'ventilation.1.0.valeur': '10', 'ventilation.1.1.valeur': ' ' });
		expect(r).toMatchObject({ ok: true, contenu: { valeur: 12, ventilation: { sexe00001: { Femmes: { valeur: 7 }, Hommes: { valeur: 5 } }, age000001: { '16-25 ans': { valeur: 10 } } } } });
		expect(lireValeur(i, { valeur: '12' })).toMatchObject({ ok: true, contenu: { ventilation: null } });
		expect(lireValeur(i, { valeur: '12', 'ventilation.0.1.valeur': 'cinq' })).toEqual({ ok: false, erreurs: { 'ventilation.0.1.valeur': 'Indiquez la valeur en chiffres, par exemple 24 ou 12,5.' } });
	});

	it('reads a percentage’s parts per category and refuses impossible ones', () => {
		const i = ind({ type: 'pourcentage', agregation: 'pourcentage', ventilations: [sexe] });
		const erreurs = (s: Record<string, string>) => {
			const r = lireValeur(i, { numerateur: '9', denominateur: '20', ...s });
			return r.ok ? {} : r.erreurs;
		};
		expect(lireValeur(i, { numerateur: '9', denominateur: '20', 'ventilation.0.0.numerateur': '6', 'ventilation.0.0.denominateur': '11' })).toMatchObject({ ok: true, contenu: { ventilation: { sexe00001: { Femmes: { numerateur: 6, denominateur: 11 } } } } });
		expect(erreurs({ 'ventilation.0.0.numerateur': '6' })['ventilation.0.0.denominateur']).toBe('Indiquez le dénominateur.');
		expect(erreurs({ 'ventilation.0.0.numerateur': '6', 'ventilation.0.0.denominateur': '0' })['ventilation.0.0.denominateur']).toBe('Le dénominateur ne peut être nul.');
		expect(erreurs({ 'ventilation.0.1.numerateur': '6', 'ventilation.0.1.denominateur': '4' })['ventilation.0.1.numerateur']).toBe('Le numérateur ne peut dépasser le dénominateur.');
		// A qualitative indicator has nothing to split, whatever the form sends.
		expect(lireValeur(ind({ type: 'qualitatif', ventilations: [sexe] }), { texte: 'Bien', 'ventilation.0.0.valeur': '3' })).toMatchObject({ ok: true, contenu: { ventilation: null } });
	});

	it('flags a split that does not add up to its total, and says how many categories are blank', () => {
		const i = ind({ unite: 'jeunes', ventilations: [sexe, age] });
		const part = (valeur: number) => ({ valeur, numerateur: null, denominateur: null });
		const total = { valeur: 12, numerateur: null, denominateur: null };
		expect(ecartsDeVentilation(i, { ...total, ventilation: { sexe00001: { Femmes: part(7), Hommes: part(5) } } })).toEqual([]);
		expect(ecartsDeVentilation(i, { ...total, ventilation: { sexe00001: { Femmes: part(7), Hommes: part(4) }, age000001: { '16-25 ans': part(10) } } })).toEqual([
			'La ventilation par sexe donne 11\u00a0jeunes pour un total de 12\u00a0jeunes.',
			'La ventilation par tranche d’âge donne 10\u00a0jeunes pour un total de 12\u00a0jeunes (2 catégories sont vides).'
		]);
		// Nothing split, nothing to say.
		expect(ecartsDeVentilation(i, { ...total, ventilation: null })).toEqual([]);
		const pct = ind({ type: 'pourcentage', ventilations: [sexe] });
		const parts = (numerateur: number, denominateur: number) => ({ valeur: null, numerateur, denominateur });
		expect(ecartsDeVentilation(pct, { valeur: null, numerateur: 9, denominateur: 20, ventilation: { sexe00001: { Femmes: parts(6, 11), Hommes: parts(3, 9) } } })).toEqual([]);
		expect(ecartsDeVentilation(pct, { valeur: null, numerateur: 9, denominateur: 20, ventilation: { sexe00001: { Femmes: parts(6, 11) } } })).toEqual(['La ventilation par sexe donne 6 sur 11 pour un total de 9 sur 20 (une catégorie est vide).']);
	});
});

describe('the indicators of the logical framework', () => {
	it('are read with their kind, sides and figures; a percentage’s unit and rule are fixed', () => {
		const [a, b] = indicateursDuCadre({
			indicateurs: [
				{ id: 'ind000001', indicateur: 'Taux d’emploi', type: 'pourcentage', unite: 'jeunes', agregation: 'somme', cote: 'les-deux', reference: 35, cible: 60 },
				{ id: 'ind000002', indicateur: 'Confiance', type: 'qualitatif', cote: 'la-bas', cible: 'Rétablie' },
				{ indicateur: 'Sans id : pas encore enregistré' }
			]
		});
		expect(a).toMatchObject({ unite: '%', agregation: 'pourcentage', cotes: ['ici', 'la-bas'], reference: 35, cible: 60 });
		expect(b).toMatchObject({ type: 'qualitatif', cotes: ['la-bas'], cible: null, cibleTexte: 'Rétablie' });
		expect(afficher(62.5, '%')).toBe('62,5\u00a0%');
		expect(a!.ventilations).toEqual([]);
	});

	it('take their dimensions from the framework, once each, none for a qualitative indicator', () => {
		const ventilations = [{ id: 'sexe00001', dimension: 'Sexe', categories: 'Femmes ; Hommes' }, { id: 'age000001', dimension: 'Âge', categories: '16-25 ; 26+' }];
		const [a, b, c] = indicateursDuCadre({
			ventilations,
			indicateurs: [
				{ id: 'ind000001', indicateur: 'Jeunes', type: 'nombre', ventilation: 'age000001', ventilation2: 'sexe00001' },
				{ id: 'ind000002', indicateur: 'Confiance', type: 'qualitatif', ventilation: 'sexe00001' },
				{ id: 'ind000003', indicateur: 'Effacée', type: 'nombre', ventilation: 'disparue1', ventilation2: 'sexe00001' }
			]
		});
		expect(a!.ventilations.map((d) => d.libelle)).toEqual(['Âge', 'Sexe']);
		expect(b!.ventilations).toEqual([]);
		expect(c!.ventilations.map((d) => d.id)).toEqual(['sexe00001']);
		expect(afficher(1234.5, 'jeunes')).toBe('1\u00a0234,5\u00a0jeunes');
	});
});
