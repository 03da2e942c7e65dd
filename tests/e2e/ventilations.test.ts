// Disaggregation and targets per period: the pilot names a dimension (« Sexe ») in the logical
// framework and splits an indicator along it; sets a target for each quarter; enters a value
// split by category without JavaScript, then another on a phone with JavaScript. A split that
// does not add up is flagged, never refused; the dashboard and the workbook show each category.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerDepartement, creerProjet, datesDuProjet, nouvellePersonne, seConnecter, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

const JEUNES = 'Jeunes accompagnés vers un emploi';
const ICI = 'Ici (France)';

let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
let organisation: string;
let telephone: BrowserContext | undefined;
const suffixe = randomBytes(2).toString('hex');

beforeAll(async () => {
	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Hélène Roux');
	page = pilote.page;
	organisation = await creerDepartement(page, `Département de la Haute-Garonne ${suffixe}`, '31');
	projet = await creerProjet(page, `Jeunes et emploi ${suffixe}`);
});
afterAll(async () => {
	await telephone?.close();
	await pilote?.contexte.close();
	await navigateur?.close();
});

const serie = (p: Page): Locator => p.getByRole('region', { name: JEUNES, exact: true }).getByRole('region', { name: ICI, exact: true });
const cible = (p: Page, periode: string) => p.getByLabel(`Cible : ${JEUNES}, ${periode}, ${ICI}`, { exact: true });

describe('a value split by category, against its period’s target', () => {
	it('starts from a dimension of the logical framework, refused with one category', async () => {
		await datesDuProjet(page, projet, '2027-01-01', '2027-06-30');
		await page.goto(`${projet}/cadre-logique`);
		await page.getByLabel('Dimension', { exact: true }).first().fill('Sexe');
		await page.getByLabel('Catégories, séparées par des points-virgules').first().fill('Femmes');
		await page.getByLabel('Indicateur', { exact: true }).first().fill(JEUNES);
		await page.getByLabel('Type', { exact: true }).first().selectOption('nombre');
		await page.getByLabel('Unité').first().fill('jeunes');
		await page.getByLabel('Cumul des périodes').first().selectOption('somme');
		await page.getByLabel('Côté', { exact: true }).first().selectOption('ici');
		await page.getByLabel('Cible en fin de projet').first().fill('24');
		await soumettre(page, 'Enregistrer');
		expect(await texte(page.getByRole('alert').first())).toContain('Indiquez au moins deux catégories');
		// What was typed is kept.
		expect(await page.getByLabel('Indicateur', { exact: true }).first().inputValue()).toBe(JEUNES);
		await page.getByLabel('Catégories, séparées par des points-virgules').first().fill('Femmes ; Hommes');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/cadre-logique?enregistre=*#message-section`);
		// The dimension, once saved, is offered to the indicator.
		await page.getByLabel('Ventilé par', { exact: true }).first().selectOption({ label: 'Sexe' });
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/cadre-logique?enregistre=*#message-section`);
		expect(await page.getByLabel('Ventilé par', { exact: true }).first().locator('option:checked').textContent()).toBe('Sexe');

		await page.goto(`${projet}/suivi`);
		await soumettre(page, 'Créer les périodes');
		await page.waitForURL(`**${projet}/suivi?ajoutees=2#message-suivi`);
	});

	it('gets a target per quarter from the pilot; a word is refused in French and nothing is kept', async () => {
		await page.goto(`${projet}/suivi`);
		await page.getByRole('link', { name: 'Cibles par période' }).click();
		await page.waitForURL(`**${projet}/suivi/cibles`);
		expect(await texte(page.locator('main'))).toContain('Les périodes s’additionnent');
		await cible(page, '1er trimestre 2027').fill('10');
		await cible(page, '2e trimestre 2027').fill('beaucoup');
		await soumettre(page, 'Enregistrer les cibles');
		expect(await texte(page.getByRole('alert').first())).toContain('Indiquez la cible en chiffres');
		expect(await cible(page, '2e trimestre 2027').inputValue()).toBe('beaucoup');
		await page.goto(`${projet}/suivi/cibles`);
		expect(await cible(page, '1er trimestre 2027').inputValue()).toBe('');
		await cible(page, '1er trimestre 2027').fill('10');
		await cible(page, '2e trimestre 2027').fill('14');
		await soumettre(page, 'Enregistrer les cibles');
		await page.waitForURL(`**${projet}/suivi/cibles?enregistrees#message-cibles`);
		expect(await texte(page.getByRole('status'))).toContain('Les cibles sont enregistrées.');
		expect(await cible(page, '2e trimestre 2027').inputValue()).toBe('14');
		await verifierAccessibilite(page);
	});

	it('is entered without JavaScript; a split short of its total is flagged, not refused', async () => {
		await page.goto(`${projet}/suivi`);
		await page.getByRole('link', { name: '1er trimestre 2027', exact: true }).click();
		expect(await texte(serie(page))).toContain('Cible de la période : 10 jeunes');
		const s = serie(page);
		await s.getByLabel('Valeur (jeunes)').fill('12');
		await s.getByLabel('Femmes (facultatif)', { exact: true }).fill('sept');
		await s.getByLabel('Hommes (facultatif)', { exact: true }).fill('4');
		await s.getByRole('button', { name: /^Soumettre pour validation/ }).click();
		await page.waitForLoadState();
		expect(await texte(serie(page).getByRole('alert'))).toContain('Indiquez la valeur en chiffres');
		expect(await serie(page).getByLabel('Hommes (facultatif)', { exact: true }).inputValue()).toBe('4');
		await serie(page).getByLabel('Femmes (facultatif)', { exact: true }).fill('7');
		await Promise.all([page.waitForURL('**?soumise=*'), serie(page).getByRole('button', { name: /^Soumettre pour validation/ }).click()]);
		const soumise = await texte(serie(page));
		expect(soumise).toContain('Soumise : 12 jeunes');
		expect(soumise).toContain('Femmes : 7 jeunes');
		expect(soumise).toContain('À vérifier : La ventilation par sexe donne 11 jeunes pour un total de 12 jeunes.');
		await Promise.all([page.waitForURL('**?validee=*'), page.getByRole('button', { name: /^Valider la valeur/ }).click()]);
		await verifierAccessibilite(page);
	});

	it('is entered on a phone with JavaScript, and shown on the dashboard per category and against the targets', async () => {
		telephone = await nouveauContexte(navigateur, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
		const tel = await telephone.newPage();
		await seConnecter(tel, pilote.courriel);
		await tel.waitForURL('**/compte');
		await tel.goto(`${projet}/suivi`);
		await tel.getByRole('link', { name: '2e trimestre 2027', exact: true }).click();
		await serie(tel).getByLabel('Valeur (jeunes)').fill('9');
		await serie(tel).getByLabel('Femmes (facultatif)', { exact: true }).fill('5');
		await serie(tel).getByLabel('Hommes (facultatif)', { exact: true }).fill('4');
		await Promise.all([tel.waitForURL('**?soumise=*'), serie(tel).getByRole('button', { name: /^Soumettre pour validation/ }).click()]);
		expect(await texte(serie(tel))).not.toContain('À vérifier');
		await Promise.all([tel.waitForURL('**?validee=*'), tel.getByRole('button', { name: /^Valider la valeur/ }).click()]);
		expect(await tel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(tel);

		await tel.goto(`${projet}/suivi`);
		const tableau = tel.getByRole('region', { name: `Valeurs : ${JEUNES}` });
		expect(await texte(tableau.getByRole('row', { name: /1er trimestre 2027/ }))).toMatch(/12 jeunes \(Validée\)\s*Cible de la période : 10 jeunes, atteinte\s*Ventilation à vérifier/);
		expect(await texte(tableau.getByRole('row', { name: /2e trimestre 2027/ }))).toContain('Cible de la période : 14 jeunes, pas encore atteinte');
		expect(await texte(tableau.getByRole('row', { name: /Par sexe/ }))).toMatch(/Femmes : 12 jeunes\s*Hommes : 8 jeunes/);
		const attention = await texte(tel.getByRole('region', { name: 'Points d’attention' }));
		expect(attention).toContain('La ventilation d’une valeur ne tombe pas juste pour « Jeunes accompagnés vers un emploi »');
		expect(await tel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(tel);
	});

	it('is exported one row per category, with the period’s target', async () => {
		const xlsx = await pilote.contexte.request.get(new URL(`${projet}/suivi/valeurs`, baseURL()).toString());
		expect(xlsx.status()).toBe(200);
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
		const ws = classeur.getWorksheet('Valeurs')!;
		const entete = (ws.getRow(1).values as unknown[]).slice(1);
		const col = (nom: string) => entete.indexOf(nom) + 1;
		const lignes = (ws.getSheetValues() as unknown[][]).filter(Boolean).slice(1);
		expect(lignes.map((l) => [l[col('Période')], l[col('Catégorie')], l[col('Valeur')], l[col('Cible de la période')] ?? null])).toEqual([
			['1er trimestre 2027', 'Total', 12, 10],
			['1er trimestre 2027', 'Femmes', 7, null],
			['1er trimestre 2027', 'Hommes', 4, null],
			['2e trimestre 2027', 'Total', 9, 14],
			['2e trimestre 2027', 'Femmes', 5, null],
			['2e trimestre 2027', 'Hommes', 4, null]
		]);
	});

	it('reaches the organisation’s dashboard of its projects, France’s indicators included', async () => {
		const tel = telephone!.pages()[0]!;
		await tel.goto(organisation);
		await tel.getByRole('link', { name: 'Suivi des projets' }).click();
		await tel.waitForURL(`**${organisation}/projets`);
		const ligne = tel.getByRole('region', { name: 'État du suivi des projets' }).getByRole('row', { name: new RegExp(`Jeunes et emploi ${suffixe}`) });
		expect(await texte(ligne)).toMatch(/Votre rôle : Pilote\s*0 close sur 2\s*0\s*0\s*0\s*0\s*0\s*Dans le prévu/);
		const ici = tel.getByRole('region', { name: 'Indicateurs suivis en France' });
		expect(await texte(ici.getByRole('row', { name: new RegExp(JEUNES) }))).toMatch(/21 jeunes\s*24 jeunes\s*88 % du chemin/);
		expect(await tel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(tel);
	});
});
