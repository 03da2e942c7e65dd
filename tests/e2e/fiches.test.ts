import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { region } from '../../src/lib/server/referentiels/territoires.ts';
import { typographier } from '../../src/lib/typographie.ts';
import { CONTENU_REEL } from '../support/contenu.ts';
import { lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';

const kit = lireContenu(CONTENU_REEL);
/** Titles of the published fiches the files say should match, sorted. */
const attendues = (garder: (f: (typeof kit.fiches)[number]) => boolean) =>
	kit.fiches.filter((f) => f.statut === 'publiee' && garder(f)).map((f) => typographier(f.titre)).sort((a, b) => a.localeCompare(b, 'fr'));
const affichees = async (page: Page) =>
	(await page.locator('article.carte h3').allTextContents()).map((t) => t.trim()).sort((a, b) => a.localeCompare(b, 'fr'));

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

// The filters are a plain GET form: they must work with JavaScript off.
describe('filtering the fiches without JavaScript', () => {
	it('by theme, then by country too, then removing a filter', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/fiches');
		expect(await affichees(page)).toEqual(attendues(() => true));

		await page.getByLabel('Thème', { exact: true }).selectOption({ value: 'mobilite-internationale-jeunes' });
		await Promise.all([page.waitForURL('**/fiches?**'), page.getByRole('button', { name: 'Afficher les fiches' }).click()]);
		expect(new URL(page.url()).searchParams.get('theme')).toBe('mobilite-internationale-jeunes');
		const parTheme = attendues((f) => f.themes.includes('mobilite-internationale-jeunes'));
		expect(parTheme.length).toBeGreaterThan(0);
		expect(await affichees(page)).toEqual(parTheme);
		await verifierAccessibilite(page);

		// Both filters together narrow the list.
		const pays = kit.fiches.find((f) => f.themes.includes('mobilite-internationale-jeunes'))!.pays[0]!;
		await page.getByLabel('Pays partenaire', { exact: true }).selectOption({ value: pays });
		await Promise.all([page.waitForURL(`**pays=${pays}**`), page.getByRole('button', { name: 'Afficher les fiches' }).click()]);
		expect(await affichees(page)).toEqual(attendues((f) => f.themes.includes('mobilite-internationale-jeunes') && f.pays.includes(pays)));
		// The form keeps its state.
		expect(await page.getByLabel('Thème', { exact: true }).inputValue()).toBe('mobilite-internationale-jeunes');

		// Removing the theme keeps the country.
		await page.getByRole('link', { name: /Retirer le filtre Thème/ }).click();
		await page.waitForURL(`**/fiches?pays=${pays}`);
		expect(await affichees(page)).toEqual(attendues((f) => f.pays.includes(pays)));
		await contexte.close();
	});

	it('by country from a fiche, and by stage', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/fiches/acces-aux-droits-etat-civil-madagascar');
		await page.locator('.identite').getByRole('link', { name: 'Madagascar' }).click();
		await page.waitForURL('**/fiches?pays=MG');
		expect(await affichees(page)).toEqual(attendues((f) => f.pays.includes('MG')));

		await page.goto('/fiches?etape=7');
		expect(await affichees(page)).toEqual(attendues((f) => f.etapes.includes(7)));
		await contexte.close();
	});

	it('explains a filter that matches nothing the kit has, and ignores it', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		const reponse = await page.goto('/fiches?theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E&pays=ZZ&etape=abc');
		expect(reponse?.status()).toBe(200);
		const messages = (await page.getByRole('status').allTextContents()).map((m) => m.replace(/[\u00a0\u202f]/g, ' '));
		expect(messages).toContain('Le thème « <script>alert(1)</script> » n’existe pas dans le kit : ce filtre a été ignoré.');
		expect(messages).toContain('Le pays « ZZ » n’existe pas : ce filtre a été ignoré.');
		expect(messages).toContain('L’étape « abc » n’existe pas dans le kit : ce filtre a été ignoré.');
		expect(await affichees(page)).toEqual(attendues(() => true));
		await verifierAccessibilite(page);
		await contexte.close();
	});
});

describe('from a fiche to its neighbours', () => {
	it('offers the closest fiches and the other territories that worked on its themes', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/fiches/volontariat-reciproque-jeunes-togo');
		const proches = page.getByRole('region', { name: 'Fiches proches' });
		const titres = (await proches.locator('article.carte h3').allTextContents()).map((t) => t.trim());
		expect(titres.length).toBeGreaterThan(0);
		expect(titres.length).toBeLessThanOrEqual(4);
		const togo = kit.fiches.find((f) => f.slug === 'volontariat-reciproque-jeunes-togo')!;
		expect(titres).not.toContain(typographier(togo.titre));
		// The closest shares the Togo fiche's theme: the Benin mobility fiche.
		expect(titres[0]).toBe(typographier(kit.fiches.find((f) => f.slug === 'mobilite-stages-jeunes-benin')!.titre));

		// « D'autres territoires… » leads to the search narrowed to that theme.
		const ailleurs = page.getByRole('region', { name: 'D’autres territoires ont travaillé sur…' });
		await ailleurs.getByRole('link', { name: 'Mobilité internationale des jeunes en insertion' }).click();
		await page.waitForURL('**/recherche?theme=mobilite-internationale-jeunes');
		expect(await affichees(page)).toEqual(attendues((f) => f.themes.includes('mobilite-internationale-jeunes')));
		await verifierAccessibilite(page);
		await contexte.close();
	});
});

// The honesty rule as a reader sees it: an example fiche is placed in a region, said to be
// fictitious, points at no Département, and its contacts are said to be fictitious.
describe('an example fiche, as a reader sees it', () => {
	it.each([
		['the fiche page', ''],
		['its print version', '/imprimer']
	])('%s names its region as a fictitious location, no Département, and fictitious contacts', async (_ou, suffixe) => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		const maroc = kit.fiches.find((f) => f.slug === 'chantier-insertion-rehabilitation-maroc')!;
		await page.goto(`/fiches/${maroc.slug}${suffixe}`);
		const identite = page.locator('.identite');
		const territoires = (await identite.locator('dt:has-text("Territoires") + dd').textContent())!.replace(/\s+/g, ' ');
		expect(territoires).toContain(`Ici : ${region(maroc.regions[0]!)!.nom} (région seulement ; localisation fictive)`);
		// No département code, no département name: « Ici : Pas-de-Calais (62) » is gone.
		expect(territoires).not.toMatch(/\(\d{2,3}\)|Pas-de-Calais/);
		expect(await page.getByRole('note').textContent()).toContain('Fiche d’exemple — contenu fictif');
		const contacts = page.getByRole('region', { name: 'Contacts' });
		expect(await contacts.textContent()).toContain('Ces contacts sont fictifs');
		expect(await contacts.locator('li').count()).toBe(maroc.contacts.length);
		for (const li of await contacts.locator('li').all()) expect(await li.textContent()).toContain('(contact fictif)');
		await verifierAccessibilite(page);
		await contexte.close();
	});

	it('prints its content with French typography: one apostrophe, no-break spaces before « : ; ? ! » and inside « »', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/fiches/migrants-acces-aux-droits-mali');
		// The fiche's own text: its sections and testimonies (not the interface around them).
		const texte = (await page.locator('section.prose').allTextContents()).join('\n');
		expect(texte).toContain('l’allocation de solidarité aux personnes âgées');
		expect(texte).not.toMatch(/\p{L}'\p{L}/u);
		expect(texte).not.toMatch(/ [;:?!»]|« /);
		expect(texte).toContain('«\u00A0Aspa, Asi\u00A0: faut-il résider en France\u202F?\u00A0»');
		expect(texte).toContain('1er\u00A0décembre 2026');
		expect(await page.locator('h1').textContent()).toContain('Personnes migrantes âgées et accès aux droits\u00A0:');
		await contexte.close();
	});
});
