import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lancerNavigateur, nouveauContexte, requetesExternes, verifierAccessibilite } from './navigateur.ts';
import { pagesPubliques } from './pages-publiques.ts';

let navigateur: Browser;
let contexte: BrowserContext;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
	contexte = await nouveauContexte(navigateur, { viewport: { width: 1280, height: 900 } });
});
afterAll(() => navigateur.close());

// axe-core takes one to two seconds a page, spent in the browser: check a few pages at once.
describe.concurrent('every public page', () => {
	it.each(pagesPubliques())('%s is accessible, in French, self-contained and readable at 320 px', async (url) => {
		const page = await contexte.newPage();
		const externes = requetesExternes(page);
		const erreursConsole: string[] = [];
		page.on('console', (m) => m.type() === 'error' && erreursConsole.push(m.text()));
		const reponse = await page.goto(url);
		expect(reponse?.status()).toBe(200);

		expect(await page.getAttribute('html', 'lang')).toBe('fr');
		expect(await page.locator('h1').count()).toBe(1);
		expect(await page.title()).toMatch(/(— Terrinclus$|^Terrinclus —)/);
		await verifierAccessibilite(page);
		expect(externes).toEqual([]);
		expect(erreursConsole).toEqual([]);

		// The narrowest screen the kit supports: nothing wider than the screen.
		await page.setViewportSize({ width: 320, height: 640 });
		const debordement = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(debordement, 'la page déborde horizontalement à 320 px').toBeLessThanOrEqual(0);
		await page.close();
	});

	it('a missing page gets the French 404 page, accessible', async () => {
		const page = await contexte.newPage();
		const reponse = await page.goto('/cette-page-n-existe-pas');
		expect(reponse?.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Page introuvable');
		expect(await page.getByRole('link', { name: 'revenir à l’accueil' }).count()).toBe(1);
		await verifierAccessibilite(page);
		await page.close();
	});
});
