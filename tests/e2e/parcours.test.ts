import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lancerNavigateur, nouveauContexte, requetesExternes, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

/** The `content` of an element's ::after in print, to check that links show their address. */
const apresEnImpression = (page: Page, selecteur: string) =>
	page.locator(selecteur).first().evaluate((el) => getComputedStyle(el, '::after').content);

describe.each([
	{ javaScript: true, titre: 'with JavaScript' },
	{ javaScript: false, titre: 'without JavaScript' }
])('reading the kit $titre', ({ javaScript }) => {
	it('goes from the home page to a stage, to a fiche illustrating one of its recommendations, to its print version', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: javaScript });
		const page = await contexte.newPage();
		const externes = requetesExternes(page);

		await page.goto('/');
		await expect.poll(() => page.locator('h1').textContent()).toContain('Coopérer à l’international');
		const chiffres = page.getByRole('list', { name: 'Le kit en chiffres' });
		await expect.poll(() => chiffres.textContent()).toMatch(/8\s*étapes de méthode/);
		await verifierAccessibilite(page);

		// The method, then stage 2.
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'La méthode' }).click();
		await page.waitForURL('**/etapes');
		await verifierAccessibilite(page);
		await page.getByRole('link', { name: /Construire un partenariat pluri-acteurs/ }).click();
		await page.waitForURL('**/etapes/construire-un-partenariat-pluri-acteurs');
		expect(await page.locator('h1').textContent()).toContain('Étape 2');
		expect(await page.locator('article.recommandation').count()).toBeGreaterThanOrEqual(8);
		await verifierAccessibilite(page);

		// The first recommendation that a fiche illustrates, and that fiche.
		const recommandation = page.locator('article.recommandation', { has: page.getByText('Illustrée par') }).first();
		const numero = await recommandation.locator('.numero').textContent();
		const lienFiche = recommandation.locator('a[href^="/fiches/"]').first();
		const titreFiche = (await lienFiche.textContent())!.trim();
		await lienFiche.click();
		await page.waitForURL('**/fiches/**');
		expect((await page.locator('h1').textContent())!.trim()).toBe(titreFiche);
		expect(await page.getByRole('note').textContent()).toContain('Fiche d’exemple — contenu fictif');
		// The fiche links back to the recommendation it illustrates.
		const section = page.locator('#recommandations-du-kit').locator('..');
		expect(await section.getByRole('link', { name: new RegExp(numero!.replace('.', '\\.')) }).count()).toBe(1);
		await verifierAccessibilite(page);

		// Printing the fiche page itself: no navigation, links show where they lead.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.entete').isVisible()).toBe(false);
		expect(await page.locator('footer.pied').isVisible()).toBe(false);
		expect(await apresEnImpression(page, 'main a[href^="/etapes/"]')).toMatch(/\(\s*"?\/etapes\//);
		await page.emulateMedia({ media: 'screen' });

		// The print version: the fiche alone, its sections starting on new pages.
		await page.getByRole('link', { name: 'Version à imprimer' }).click();
		await page.waitForURL('**/imprimer');
		expect((await page.locator('h1').textContent())!.trim()).toBe(titreFiche);
		expect(await page.locator('nav').count()).toBe(0);
		await verifierAccessibilite(page);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.ne-pas-imprimer').first().isVisible()).toBe(false);
		const sauts = await page
			.locator('.saut-de-page')
			.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
		expect(sauts.length).toBeGreaterThanOrEqual(3);
		expect(new Set(sauts)).toEqual(new Set(['page']));
		// A4 with margins, as @page says: printing gives more than one page.
		const pdf = javaScript ? await page.pdf({ preferCSSPageSize: true }) : undefined;
		if (pdf) expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(1);

		expect(externes).toEqual([]);
		await contexte.close();
	});

	it('reaches a fiche from the home page with the keyboard alone', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: javaScript });
		const page = await contexte.newPage();
		await page.goto('/');

		// The first Tab reaches the skip link, which moves focus to the content.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

		// Tab until the link to the fiches, then Enter.
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Les fiches de capitalisation') break;
		}
		await Promise.all([page.waitForURL('**/fiches'), page.keyboard.press('Enter')]);
		// Then the first fiche of the list.
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
			if (href?.startsWith('/fiches/')) break;
		}
		await Promise.all([page.waitForURL(/\/fiches\/[a-z0-9-]+$/), page.keyboard.press('Enter')]);
		expect(await page.getByRole('note').isVisible()).toBe(true);
		// The focus indicator is visible.
		await page.keyboard.press('Tab');
		const contour = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement;
			return getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth;
		});
		expect(contour).toMatch(/solid 3px/);
		await contexte.close();
	});
});
