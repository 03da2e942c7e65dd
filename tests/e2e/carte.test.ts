// The map « Les projets, ici et là-bas »: its shapes lead to the narrowed search, its tables
// say the same, it fits a phone, and it needs no JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { CONTENU_REEL } from '../support/contenu.ts';
import { lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';

const kit = lireContenu(CONTENU_REEL);
const publiees = kit.fiches.filter((f) => f.statut === 'publiee');

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

describe('the map of projects, without JavaScript', () => {
	it('links a département and a country to their fiches, and says the same in its tables', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Carte des projets' }).click();
		await page.waitForURL('**/carte');
		expect(await page.locator('h1').textContent()).toBe('Les projets, ici et là-bas');
		await verifierAccessibilite(page);

		// Every département that carries a fiche is a labelled link on the map of France.
		const ici = page.getByRole('figure').filter({ hasText: 'Ici :' });
		const departements = [...new Set(publiees.flatMap((f) => f.departements))];
		expect(await ici.locator('a').count()).toBe(departements.length);
		const madagascar = publiees.find((f) => f.pays.includes('MG'))!;
		const lien = ici.getByRole('link', { name: `La Réunion (974) : 1 fiche portée` });
		expect(await lien.getAttribute('href')).toBe('/recherche?departement=974');
		// A click on the shape itself, as a reader would.
		await lien.locator('path').click();
		await page.waitForURL('**/recherche?departement=974');
		expect((await page.locator('article.carte h3').allTextContents()).map((t) => t.trim())).toEqual([madagascar.titre]);

		// A partner country on the world map.
		await page.goBack();
		const labas = page.getByRole('figure').filter({ hasText: 'Là-bas :' });
		expect(await labas.locator('path[class^="classe-"]').count()).toBeGreaterThan(150);
		await labas.getByRole('link', { name: 'Sénégal : 1 fiche partenaire' }).locator('path').click();
		await page.waitForURL('**/recherche?pays=SN');
		const senegal = publiees.filter((f) => f.pays.includes('SN')).map((f) => f.titre);
		expect((await page.locator('article.carte h3').allTextContents()).map((t) => t.trim())).toEqual(senegal);
		await page.goBack();

		// The tables: one row per département and per country, with the same counts and links.
		const lignesDep = page.getByRole('table', { name: 'Départements qui portent les projets' }).locator('tbody tr');
		expect(await lignesDep.count()).toBe(departements.length);
		const loire = page.getByRole('row', { name: /Loire-Atlantique \(44\)/ });
		expect(await loire.textContent()).toContain('Pays de la Loire');
		expect(await loire.textContent()).toContain('Sénégal');
		expect(await loire.getByRole('link').getAttribute('href')).toBe('/recherche?departement=44');
		const pays = [...new Set(publiees.flatMap((f) => f.pays))];
		expect(await page.getByRole('table', { name: 'Pays partenaires' }).locator('tbody tr').count()).toBe(pays.length);
		await contexte.close();
	});

	it('fits a phone screen without scrolling sideways, and is reachable by keyboard', async () => {
		const contexte = await nouveauContexte(navigateur, { viewport: { width: 360, height: 740 } });
		const page = await contexte.newPage();
		await page.goto('/carte');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const largeur = await page.locator('figure svg').first().evaluate((s) => s.getBoundingClientRect().width);
		expect(largeur).toBeGreaterThan(300);
		// Tab from the last header control into the map: the first focus lands on a département.
		await page.locator('#recherche-entete').focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		let nom = '';
		for (let i = 0; i < 10 && !nom.includes('fiche portée'); i++) {
			nom = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
			if (!nom.includes('fiche portée')) await page.keyboard.press('Tab');
		}
		expect(nom).toMatch(/\(\d+\) : 1 fiche portée/);
		await verifierAccessibilite(page);
		await contexte.close();
	});
});
