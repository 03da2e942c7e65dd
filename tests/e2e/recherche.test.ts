import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const fichesTrouvees = async (page: Page) =>
	(await page.locator('.resultat-fiche h3 a').evaluateAll((liens) => liens.map((a) => a.getAttribute('href')))).map(String);

// The journey of the issue: search from the home page, refine with two facets, open a result,
// come back with the state kept. Without JavaScript it is plain GET forms and links.
describe.each([
	['without JavaScript', false],
	['with JavaScript', true]
])('searching %s', (_nom, javaScriptEnabled) => {
	it('from the home page, refined by two facets, to a fiche and back', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled });
		const page = await contexte.newPage();
		await page.goto('/');
		const recherche = page.getByRole('search');
		await recherche.getByLabel('Rechercher dans le kit').fill('jeunes insertion');
		await Promise.all([page.waitForURL('**/recherche?q=jeunes+insertion'), recherche.getByRole('button', { name: 'Rechercher' }).click()]);
		await expect.poll(() => texte(page.locator('.statut-recherche'))).toMatch(/\d+ fiches? pour « jeunes insertion »/);
		const toutes = await fichesTrouvees(page);
		expect(toutes.length).toBeGreaterThan(1);
		await verifierAccessibilite(page);

		// First facet: a theme; second: a country among what remains.
		await page.locator('#facette-theme ~ ul').getByRole('link', { name: /^Mobilité internationale des jeunes en insertion/ }).click();
		await page.waitForURL(/theme=mobilite-internationale-jeunes/);
		const parTheme = await fichesTrouvees(page);
		expect(parTheme.length).toBeLessThan(toutes.length);
		await page.locator('#facette-pays ~ ul').getByRole('link', { name: /^Bénin/ }).click();
		await page.waitForURL(/pays=BJ/);
		const url = new URL(page.url());
		expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'jeunes insertion', theme: 'mobilite-internationale-jeunes', pays: 'BJ' });
		expect(await fichesTrouvees(page)).toEqual(['/fiches/mobilite-stages-jeunes-benin']);
		// The matching passage is highlighted.
		expect(await page.locator('.resultat-fiche mark').first().textContent()).toMatch(/jeune|insertion/i);

		await page.locator('.resultat-fiche h3 a').first().click();
		await page.waitForURL('**/fiches/mobilite-stages-jeunes-benin');
		await page.goBack();
		await page.waitForURL(url.href);
		expect(await page.getByLabel('Vos mots-clés').inputValue()).toBe('jeunes insertion');
		expect(await fichesTrouvees(page)).toEqual(['/fiches/mobilite-stages-jeunes-benin']);

		// Removing a facet keeps the other and the words.
		await page.getByRole('link', { name: 'Retirer le filtre Thème : Mobilité internationale des jeunes en insertion' }).first().click();
		await page.waitForURL((u) => u.searchParams.get('pays') === 'BJ' && !u.searchParams.has('theme') && u.searchParams.get('q') === 'jeunes insertion');
		await contexte.close();
	});

	it('suggests a correction for a typo and explains an empty result', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled });
		const page = await contexte.newPage();
		await page.goto('/recherche?q=insertoin');
		expect(await texte(page.locator('.statut-recherche'))).toContain('Voici les résultats pour « insertion »');
		expect((await fichesTrouvees(page)).length).toBeGreaterThan(0);
		// The corrected search is a link of its own, to share or keep.
		await page.getByRole('link', { name: 'insertion', exact: true }).click();
		await page.waitForURL('**/recherche?q=insertion');
		// Some words known, one mistyped: the fiches with some of the words, and a suggestion.
		await page.goto('/recherche?q=karite+immersoins');
		expect(await fichesTrouvees(page)).toEqual(['/fiches/cooperatives-femmes-burkina']);
		await page.getByRole('link', { name: '« karite immersions »' }).click();
		await page.waitForURL('**/recherche?q=karite+immersions');
		await page.goto('/recherche?q=' + encodeURIComponent('<script>alert(1)</script> ' + 'x'.repeat(5000)));
		expect(await page.locator('h1').textContent()).toBe('Rechercher dans le kit');
		expect(await page.locator('.avertissement').first().textContent()).toContain('200 premiers caractères');
		await contexte.close();
	});
});

describe('searching by place, without JavaScript', () => {
	it('finds an example fiche by its region, says its location is fictitious, and offers no département for it', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/recherche');
		const regions = page.locator('#facette-region ~ ul, #facette-region ~ details ul');
		// Twelve regions, one example fiche each; no département: none is named by an example.
		expect(await regions.locator('a').count()).toBe(12);
		expect(await page.locator('#facette-departement').count()).toBe(0);
		await regions.getByRole('link', { name: /^Bretagne \(1\)/ }).click();
		await page.waitForURL('**/recherche?region=53');
		expect(await fichesTrouvees(page)).toEqual(['/fiches/volontariat-reciproque-jeunes-togo']);
		expect(await page.locator('.resultat-fiche').first().textContent()).toContain('Bretagne (localisation fictive) ↔ Togo');
		expect(await page.locator('#facette-departement').count()).toBe(0);
		await verifierAccessibilite(page);
		await contexte.close();
	});
});

describe('live search with JavaScript', () => {
	it('updates the results and the address as the reader types', async () => {
		const contexte = await nouveauContexte(navigateur);
		const page = await contexte.newPage();
		await page.goto('/recherche?pays=MG');
		const champ = page.getByLabel('Vos mots-clés');
		await champ.pressSequentially('etat civil', { delay: 30 });
		await page.waitForURL((u) => u.searchParams.get('q') === 'etat civil' && u.searchParams.get('pays') === 'MG');
		await expect.poll(() => fichesTrouvees(page)).toEqual(['/fiches/acces-aux-droits-etat-civil-madagascar']);
		// The field keeps the focus and what was typed: nothing reloaded the page.
		expect(await champ.evaluate((e) => e === document.activeElement)).toBe(true);
		expect(await champ.inputValue()).toBe('etat civil');
		await expect.poll(() => page.locator('#annonce-recherche').textContent()).toContain('1 fiche');
		await verifierAccessibilite(page);
		await contexte.close();
	});

	it('works with the keyboard alone, from the header of any page', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/etapes');
		await page.getByLabel('Rechercher dans le kit').focus();
		await page.keyboard.type('microfinance');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/recherche?q=microfinance');
		expect(await fichesTrouvees(page)).toEqual(['/fiches/cooperatives-femmes-burkina']);
		await contexte.close();
	});
});
