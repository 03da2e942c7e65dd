import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { typographier } from '../../src/lib/typographie.ts';
import { CONTENU_REEL } from '../support/contenu.ts';
import { lancerNavigateur, nouveauContexte, requetesExternes, texte, verifierAccessibilite } from './navigateur.ts';

const kit = lireContenu(CONTENU_REEL);

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
		// Compared as words: a page rendered by the server is typeset, one rendered by a script is not.
		const titreFiche = (await texte(lienFiche)).trim();
		await lienFiche.click();
		await page.waitForURL('**/fiches/**');
		expect((await texte(page.locator('h1'))).trim()).toBe(titreFiche);
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

describe('the fiches that illustrate the method', () => {
	it.each(kit.etapes.map((e) => [e.numero, e] as const))('stage %i lists under each recommendation exactly the fiches tagged with it', async (numero, etape) => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto(`/etapes/${etape.slug}`);
		for (const r of etape.recommandations) {
			const code = `${numero}.${r.numero}`;
			const attendues = kit.fiches
				.filter((f) => f.statut === 'publiee' && f.recommandations.includes(code))
				.map((f) => `/fiches/${f.slug}`)
				.sort();
			const bloc = page.locator(`#recommandation-${numero}-${r.numero} .illustree-par`);
			const liens = (await bloc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(String).sort();
			expect(liens, code).toEqual(attendues);
			if (attendues.length === 0) expect(await bloc.textContent(), code).toBe('Aucune fiche publiée n’illustre encore cette recommandation.');
		}
		// The stage's own list: the fiches tagged with the stage.
		const fichesEtape = kit.fiches.filter((f) => f.statut === 'publiee' && f.etapes.includes(numero)).map((f) => typographier(f.titre)).sort();
		const section = page.getByRole('region', { name: 'Fiches qui illustrent cette étape' });
		expect((await section.locator('article.carte h3').allTextContents()).map((t) => t.trim()).sort()).toEqual(fichesEtape);
		// No fiche is cited by hand in the stage's text.
		expect(await page.locator('#pourquoi ~ * a[href^="/fiches/"]').count()).toBe(0);
		await contexte.close();
	});
});

describe('what « À propos » says, and what the site does', () => {
	it('reading the kit sets no cookie, as « À propos » says', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: true });
		const page = await contexte.newPage();
		for (const adresse of ['/', '/etapes/construire-un-partenariat-pluri-acteurs', '/fiches/protection-enfance-haiti', '/recherche?q=jeunes', '/carte', '/a-propos']) {
			await page.goto(adresse);
		}
		expect(await contexte.cookies()).toEqual([]);
		const texte = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
		expect(texte).toContain('Lire le kit ne dépose aucun cookie. Le site en dépose un seulement quand vous vous connectez à votre compte');
		expect(texte).toContain('Le kit est une écriture originale, inspirée de la démarche Terrinclus');
		// What is live is not announced as coming.
		const aVenir = (await page.locator('h2:has-text("Ce qui reste à faire") + ul').textContent())!;
		expect(aVenir).not.toMatch(/recherche|carte|comptes|espace de travail/i);
		await verifierAccessibilite(page);
		await contexte.close();
	});
});
