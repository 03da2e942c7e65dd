// Following a project once it runs: the pilot sets its reporting periods, without JavaScript,
// from the project's planned dates or by hand; overlaps, days outside the project and bad
// dates are refused in French with nothing stored.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerDepartement, creerProjet, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { lancerNavigateur, texte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
const suffixe = randomBytes(2).toString('hex');

beforeAll(async () => {
	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Inès Moreau');
	page = pilote.page;
	await creerDepartement(page, `Département de la Corrèze ${suffixe}`, '19');
	projet = await creerProjet(page, `Suivi des chantiers croisés ${suffixe}`);
});
afterAll(async () => {
	await pilote?.contexte.close();
	await navigateur?.close();
});

const lignes = async () => (await page.getByRole('table', { name: /Périodes de suivi/ }).locator('tbody th').allTextContents()).map((l) => l.replace(/[\u00a0\u202f]/g, ' '));

describe('the reporting periods of a project', () => {
	it('wait for the project’s planned dates before they can be cut from them', async () => {
		await page.goto(projet);
		expect(await texte(page.locator('main'))).toContain('Le suivi n’a pas commencé');
		await page.getByRole('link', { name: 'Définir les périodes de suivi' }).click();
		await page.waitForURL(`**${projet}/suivi`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Suivi du projet');
		expect(await texte(page.locator('main'))).toContain('Indiquez d’abord le début et la fin prévus du projet');
		expect(await page.getByRole('button', { name: 'Créer les périodes' }).count()).toBe(0);
		await verifierAccessibilite(page);

		await page.goto(`${projet}/identite`);
		await page.getByLabel('Début prévu').fill('2027-03-10');
		await page.getByLabel('Fin prévue').fill('2027-11-20');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/identite?enregistre=*`);
	});

	it('are cut by quarter along the calendar, the first and last clipped to the project', async () => {
		await page.goto(`${projet}/suivi`);
		expect(await texte(page.locator('main'))).toContain('Le projet est prévu du 10 mars 2027 au 20 novembre 2027.');
		expect(await page.getByLabel('Rythme').inputValue()).toBe('trimestre');
		await soumettre(page, 'Créer les périodes');
		await page.waitForURL(`**${projet}/suivi?ajoutees=4#message-suivi`);
		expect(await texte(page.getByRole('status'))).toContain('4 périodes ont été ajoutées.');
		// The message takes the focus, where the reader's eyes are.
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-suivi');
		expect(await lignes()).toEqual(['1er trimestre 2027', '2e trimestre 2027', '3e trimestre 2027', '4e trimestre 2027']);
		const premiere = await page.getByRole('table', { name: /Périodes de suivi/ }).locator('tbody tr').first().textContent();
		expect(premiere?.replace(/[\u00a0\u202f]/g, ' ')).toContain('10 mars 2027');
		await verifierAccessibilite(page);
	});

	it('refuse, in French and storing nothing, a second cut, an overlap, a day outside the project and a date that does not exist', async () => {
		await soumettre(page, 'Créer les périodes');
		expect(await texte(page.getByRole('alert'))).toContain('chevauche « 1er trimestre 2027 »');
		expect(await lignes()).toHaveLength(4);

		await page.getByLabel('Nom').fill('Mission d’été');
		await page.getByLabel('Premier jour').fill('2027-06-15');
		await page.getByLabel('Dernier jour').fill('2027-07-15');
		await soumettre(page, 'Ajouter la période');
		expect(await texte(page.getByRole('alert'))).toContain('« Mission d’été » (du 15 juin 2027 au 15 juillet 2027) chevauche « 2e trimestre 2027 »');
		// What was typed is still there.
		expect(await page.getByLabel('Nom').inputValue()).toBe('Mission d’été');
		expect(await page.getByLabel('Premier jour').inputValue()).toBe('2027-06-15');
		expect(await page.getByLabel('Premier jour').getAttribute('aria-invalid')).toBe('true');
		await verifierAccessibilite(page);

		await page.getByLabel('Premier jour').fill('2027-12-01');
		await page.getByLabel('Dernier jour').fill('2027-12-31');
		await soumettre(page, 'Ajouter la période');
		expect(await texte(page.getByRole('alert'))).toContain('La période doit tenir dans celle du projet, du 10 mars 2027 au 20 novembre 2027.');

		// A browser's date field cannot send 30 February; a hand-made request can.
		const refus = await page.request.post(`${projet}/suivi?/ajouter`, { form: { libelle: '', debut: '2027-02-30', fin: '2027-03-05' }, headers: { origin: new URL(page.url()).origin } });
		expect(refus.status()).toBe(400);
		const fin = await page.request.post(`${projet}/suivi?/ajouter`, { form: { libelle: '', debut: '2027-05-01', fin: '2027-04-01' }, headers: { origin: new URL(page.url()).origin } });
		expect(fin.status()).toBe(400);
		await page.goto(`${projet}/suivi`);
		expect(await lignes()).toHaveLength(4);
	});

	it('are replaced one by one: a quarter removed, a period typed by hand in its place', async () => {
		await page.getByRole('button', { name: 'Supprimer la période « 4e trimestre 2027 »' }).click();
		await page.waitForURL(`**${projet}/suivi?supprimee#message-suivi`);
		expect(await texte(page.getByRole('status'))).toContain('La période a été supprimée.');
		expect(await lignes()).toEqual(['1er trimestre 2027', '2e trimestre 2027', '3e trimestre 2027']);

		await page.getByLabel('Premier jour').fill('2027-10-01');
		await page.getByLabel('Dernier jour').fill('2027-11-20');
		await soumettre(page, 'Ajouter la période');
		await page.waitForURL(`**${projet}/suivi?ajoutees=1#message-suivi`);
		// Without a name, the period is named by its dates.
		expect(await lignes()).toEqual(['1er trimestre 2027', '2e trimestre 2027', '3e trimestre 2027', 'Du 1er octobre 2027 au 20 novembre 2027']);

		await page.goto(projet);
		expect(await texte(page.locator('main'))).toContain('4 périodes de suivi, de « 1er trimestre 2027 » à « Du 1er octobre 2027 au 20 novembre 2027 »');
	});

	it('fit a 320 px phone', async () => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(`${projet}/suivi`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(page);
		await page.setViewportSize({ width: 1280, height: 800 });
	});
});
