// Targets per period and values split by category on the real database, down to the workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section, type Donnees } from '#lib/projets/sections.ts';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { projetsDeTest } from '../../../../../tests/support/organisations.ts';
import { enregistrerSection } from '../../projets/projets.ts';
import { lireSuivi } from '../lecture.ts';
import { ajouterPeriodes, periodesDuProjet, supprimerPeriode } from '../periodes/base.ts';
import { valeursXlsx } from '../rapport/xlsx.ts';
import { deciderValeur, enregistrerValeur, historiqueDeLaPeriode, valeursDuProjet } from '../valeurs/base.ts';
import { indicateursDuCadre, lireValeur } from '../valeurs/regles.ts';
import { ciblesDuProjet, enregistrerCibles } from './base.ts';
import { champCible, lireCibles } from './regles.ts';

let base: BaseDeTest;
let projet: number;
let autre: number;
let periodes: { id: number; libelle: string }[];
const cadre: Donnees = {
	ventilations: [
		{ id: 'sexe00001', dimension: 'Sexe', categories: 'Femmes ; Hommes' },
		{ id: 'age000001', dimension: 'Tranche d’âge', categories: '16-25 ans ; 26 ans et plus' }
	],
	indicateurs: [
		{ id: 'jeunes001', indicateur: 'Jeunes accompagnés', type: 'nombre', unite: 'jeunes', agregation: 'somme', cote: 'ici', cible: 40, ventilation: 'sexe00001', ventilation2: 'age000001' },
		{ id: 'confiance', indicateur: 'Confiance entre les équipes', type: 'qualitatif', cote: 'ici' }
	]
};

beforeAll(async () => {
	base = await baseDeTest();
	[projet, autre] = (await projetsDeTest(base.db, 'Ventilé', 'Autre')) as [number, number];
	expect((await enregistrerSection(base.db, { projetId: projet, section: section('cadre-logique')!, donnees: cadre, versionLue: 0, auteurId: 'camille' })).ok).toBe(true);
	await ajouterPeriodes(base.db, projet, [{ libelle: 'T1', debut: '2027-01-01', fin: '2027-03-31' }, { libelle: 'T2', debut: '2027-04-01', fin: '2027-06-30' }, { libelle: 'T3', debut: '2027-07-01', fin: '2027-09-30' }], 'camille');
	periodes = await periodesDuProjet(base.db, projet);
});
afterAll(() => base.detruire());

describe('targets per period', () => {
	it('replace those of the periods the form showed, and only those', async () => {
		const [t1, t2, t3] = periodes.map((p) => p.id) as [number, number, number];
		const indicateurs = indicateursDuCadre(cadre);
		await enregistrerCibles(base.db, { projetId: projet, indicateurs: ['jeunes001'], periodes: [t1, t2, t3], cibles: [10, 12, 15].map((cible, i) => ({ indicateur: 'jeunes001', cote: 'ici' as const, periodeId: [t1, t2, t3][i]!, cible })), auteurId: 'camille' });
		// A form that showed T1 and T2 only: T2 left blank goes, T3 stays as it was.
		const lecture = lireCibles(indicateurs, [{ id: t1 }, { id: t2 }], { [champCible('jeunes001', 'ici', t1)]: '11', [champCible('jeunes001', 'ici', t2)]: '' });
		expect(lecture.ok).toBe(true);
		if (!lecture.ok) return;
		await enregistrerCibles(base.db, { projetId: projet, indicateurs: ['jeunes001'], periodes: [t1, t2], cibles: lecture.cibles, auteurId: 'camille' });
		const cibles = await ciblesDuProjet(base.db, projet);
		expect(cibles.map((c) => [c.periodeId, c.cible]).sort()).toEqual([[t1, 11], [t3, 15]].sort());
		expect(await ciblesDuProjet(base.db, autre)).toEqual([]);
	});

	it('saved by two pilots at once: both saves succeed, one whole set remains', async () => {
		const [t1, t2] = periodes.map((p) => p.id) as [number, number];
		const jeu = (n: number) => [t1, t2].map((periodeId) => ({ indicateur: 'jeunes001', cote: 'ici' as const, periodeId, cible: n }));
		await Promise.all([1, 2].map((n) => enregistrerCibles(base.db, { projetId: projet, indicateurs: ['jeunes001'], periodes: [t1, t2], cibles: jeu(n), auteurId: 'camille' })));
		const restantes = (await ciblesDuProjet(base.db, projet)).filter((c) => c.periodeId === t1 || c.periodeId === t2);
		expect(restantes).toHaveLength(2);
		expect(new Set(restantes.map((c) => c.cible)).size).toBe(1);
		// Back to the targets the next test reads.
		await enregistrerCibles(base.db, { projetId: projet, indicateurs: ['jeunes001'], periodes: [t1, t2], cibles: [{ indicateur: 'jeunes001', cote: 'ici', periodeId: t1, cible: 11 }], auteurId: 'camille' });
	});

	it('go with their period', async () => {
		await ajouterPeriodes(base.db, projet, [{ libelle: 'T4', debut: '2027-10-01', fin: '2027-12-31' }], 'camille');
		const t4 = (await periodesDuProjet(base.db, projet)).find((p) => p.libelle === 'T4')!.id;
		await enregistrerCibles(base.db, { projetId: projet, indicateurs: ['jeunes001'], periodes: [t4], cibles: [{ indicateur: 'jeunes001', cote: 'ici', periodeId: t4, cible: 3 }], auteurId: 'camille' });
		expect(await supprimerPeriode(base.db, projet, t4)).toBe(true);
		expect((await ciblesDuProjet(base.db, projet)).some((c) => c.periodeId === t4)).toBe(false);
	});
});

describe('a value split by category', () => {
	it('is kept with its split, in the history too, flagged when it does not add up, and exported one row per category', async () => {
		const [t1] = periodes.map((p) => p.id) as [number];
		const [jeunes] = indicateursDuCadre(cadre);
		const lue = lireValeur(jeunes!, { valeur: '12', 'ventilation.0.0.valeur': '7', 'ventilation.0.1.valeur': '5', 'ventilation.1.0.valeur': '9' });
		expect(lue.ok).toBe(true);
		if (!lue.ok) return;
		const r = await enregistrerValeur(base.db, { projetId: projet, periodeId: t1, indicateur: 'jeunes001', cote: 'ici', contenu: lue.contenu, soumettre: true, versionLue: 0, auteurId: 'awa' });
		expect(r.ok).toBe(true);
		if (r.ok) await deciderValeur(base.db, { projetId: projet, valeurId: r.id, decision: 'valider', versionLue: 1, auteurId: 'camille' });
		const [v] = await valeursDuProjet(base.db, projet, t1);
		expect(v!.ventilation).toEqual({ sexe00001: { Femmes: { valeur: 7, numerateur: null, denominateur: null }, Hommes: { valeur: 5, numerateur: null, denominateur: null } }, age000001: { '16-25 ans': { valeur: 9, numerateur: null, denominateur: null } } });
		expect((await historiqueDeLaPeriode(base.db, projet, t1))[0]!.contenu).toMatchObject({ ventilation: { sexe00001: { Femmes: { valeur: 7 } } } });

		const s = await lireSuivi(base.db, projet);
		const serie = s.tableau.find((l) => l.id === 'jeunes001')!.series[0]!;
		expect(serie.cellules[0]).toMatchObject({ affichee: '12\u00a0jeunes', cible: '11\u00a0jeunes', atteinte: true, ecarts: ['La ventilation par tranche d’âge donne 9\u00a0jeunes pour un total de 12\u00a0jeunes (une catégorie est vide).'] });
		expect(serie.ventilations.map((d) => [d.dimension, d.categories.map((c) => c.total)])).toEqual([
			['Sexe', ['7\u00a0jeunes', '5\u00a0jeunes']],
			['Tranche d’âge', ['9\u00a0jeunes', '—']]
		]);

		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load((await valeursXlsx('Ventilé', s)) as unknown as ArrayBuffer);
		const ws = classeur.getWorksheet('Valeurs')!;
		const entete = (ws.getRow(1).values as unknown[]).slice(1);
		const col = (nom: string) => entete.indexOf(nom) + 1;
		const lignes = (ws.getSheetValues() as unknown[][]).filter(Boolean).slice(1);
		const deT1 = lignes.filter((l) => l[col('Indicateur')] === 'Jeunes accompagnés' && l[col('Période')] === 'T1');
		expect(deT1.map((l) => [l[col('Ventilé par')] ?? '', l[col('Catégorie')], l[col('Valeur')] ?? null])).toEqual([
			['', 'Total', 12],
			['Sexe', 'Femmes', 7],
			['Sexe', 'Hommes', 5],
			['Tranche d’âge', '16-25 ans', 9],
			['Tranche d’âge', '26 ans et plus', null]
		]);
		expect(deT1[0]![col('Cible de la période')]).toBe(11);
		expect(deT1[0]![col('Écart de ventilation')]).toContain('tranche d’âge donne 9');
		// The qualitative indicator has its total row only, and no target per period.
		const qualitatif = lignes.filter((l) => l[col('Indicateur')] === 'Confiance entre les équipes');
		expect(qualitatif.map((l) => l[col('Catégorie')])).toEqual(['Total', 'Total', 'Total']);
	});
});
