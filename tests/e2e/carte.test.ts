// The map « Les projets, ici et là-bas »: its shapes lead to the narrowed search, its tables
// say the same, it fits a phone, and it needs no JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { region } from '../../src/lib/server/referentiels/territoires.ts';
import { typographier } from '../../src/lib/typographie.ts';
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
	it('places the example fiches on their region, marked as fictitious, and says the same in its tables', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Carte des projets' }).click();
		await page.waitForURL('**/carte');
		expect(await page.locator('h1').textContent()).toBe('Les projets, ici et là-bas');
		await verifierAccessibilite(page);

		// No département is a link: the example fiches point at none. Their regions are, hatched.
		const ici = page.getByRole('figure').filter({ hasText: 'Ici :' });
		const regions = [...new Set(publiees.flatMap((f) => f.regions))];
		expect(await ici.locator('a').count()).toBe(regions.length);
		expect(await ici.locator('a path.region-exemple').count()).toBe(regions.length);
		expect(await ici.locator('.formes a').count()).toBe(0);
		const madagascar = publiees.find((f) => f.pays.includes('MG'))!;
		const nomRegion = region(madagascar.regions[0]!)!.nom;
		const lien = ici.getByRole('link', { name: `${nomRegion} : 1 fiche d’exemple (localisation fictive)` });
		expect(await lien.getAttribute('href')).toBe(`/recherche?region=${madagascar.regions[0]}`);
		// A click on the shape itself, as a reader would.
		await lien.locator('path').click();
		await page.waitForURL(`**/recherche?region=${madagascar.regions[0]}`);
		expect((await page.locator('article.carte h3').allTextContents()).map((t) => t.trim())).toEqual([typographier(madagascar.titre)]);
		expect(await page.locator('article.carte').first().textContent()).toContain(`${nomRegion} (localisation fictive)`);

		// A partner country on the world map.
		await page.goBack();
		const labas = page.getByRole('figure').filter({ hasText: 'Là-bas :' });
		expect(await labas.locator('path[class^="classe-"]').count()).toBeGreaterThan(150);
		expect(await labas.locator('.marqueurs circle.exemple').count()).toBe(regions.length);
		await labas.getByRole('link', { name: 'Sénégal : 1 fiche partenaire' }).locator('path').click();
		await page.waitForURL('**/recherche?pays=SN');
		const senegal = publiees.filter((f) => f.pays.includes('SN')).map((f) => typographier(f.titre));
		expect((await page.locator('article.carte h3').allTextContents()).map((t) => t.trim())).toEqual(senegal);
		await page.goBack();

		// The tables: no département yet, one row per region and per country, same counts and links.
		expect(await page.getByRole('table', { name: 'Départements qui portent les projets' }).count()).toBe(0);
		expect(await page.getByText('Aucune fiche publiée n’est encore rattachée à un département').count()).toBe(1);
		const lignesRegions = page.getByRole('table', { name: 'Fiches placées par région' }).locator('tbody tr');
		expect(await lignesRegions.count()).toBe(regions.length);
		const ligne = page.getByRole('table', { name: 'Fiches placées par région' }).getByRole('row', { name: new RegExp(nomRegion) });
		expect(await ligne.textContent()).toContain('1 fiche d’exemple');
		expect(await ligne.textContent()).toContain('localisation fictive');
		expect(await ligne.textContent()).toContain('Madagascar');
		expect(await ligne.getByRole('link').getAttribute('href')).toBe(`/recherche?region=${madagascar.regions[0]}`);
		const pays = [...new Set(publiees.flatMap((f) => f.pays))];
		expect(await page.getByRole('table', { name: 'Pays partenaires' }).locator('tbody tr').count()).toBe(pays.length);
		expect(await page.getByRole('row', { name: /^Madagascar/ }).textContent()).toContain(`${nomRegion} (région), localisation fictive`);
		await contexte.close();
	});

	it('fits a phone screen without scrolling sideways, and is reachable by keyboard', async () => {
		const contexte = await nouveauContexte(navigateur, { viewport: { width: 360, height: 740 } });
		const page = await contexte.newPage();
		await page.goto('/carte');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const largeur = await page.locator('figure svg').first().evaluate((s) => s.getBoundingClientRect().width);
		expect(largeur).toBeGreaterThan(300);
		// Tab from the last header control into the map: the first focus lands on a region.
		await page.locator('#recherche-entete').focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		let nom = '';
		for (let i = 0; i < 10 && !nom.includes('fiche d’exemple'); i++) {
			nom = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
			if (!nom.includes('fiche d’exemple')) await page.keyboard.press('Tab');
		}
		expect(nom).toMatch(/^[\p{L} '’-]+ : 1 fiche d’exemple \(localisation fictive\)$/u);
		await verifierAccessibilite(page);
		await contexte.close();
	});
});
