// The print versions of the fiches, printed to PDF by Chromium (what « Enregistrer en PDF »
// gives a reader) and read back: the identity box whole on page 1, links as absolute addresses.
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { typographier } from '../../src/lib/typographie.ts';
import { CONTENU_REEL } from '../support/contenu.ts';
import { baseURL, lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
let contexte: BrowserContext;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
	contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
});
afterAll(async () => {
	await contexte?.close();
	await navigateur?.close();
});

const fiches = lireContenu(CONTENU_REEL).fiches.filter((f) => f.statut === 'publiee');

async function imprimer(chemin: string) {
	const page = await contexte.newPage();
	try {
		await page.goto(chemin);
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		if (process.env.IMPRESSIONS) writeFileSync(`${process.env.IMPRESSIONS}/${chemin.replace(/\W+/g, '-')}.pdf`, pdf);
		return (await extractText(await getDocumentProxy(new Uint8Array(pdf)))).text;
	} finally {
		await page.close();
	}
}

describe('a fiche printed to PDF', () => {
	it.each(fiches.map((f) => [f.slug, f] as const))('%s keeps its identity box whole on page 1', { timeout: 60_000 }, async (slug, fiche) => {
		const pages = await imprimer(`/fiches/${slug}/imprimer`);
		const un = pages[0]!.replace(/\s+/g, ' ');
		expect(un).toContain('Identité du projet');
		// The box's last line: its last stage.
		expect(un, `page 1 de ${slug}`).toContain('Étapes illustrées');
		const derniere = Math.max(...fiche.etapes);
		expect(un).toMatch(new RegExp(`Étape ${derniere} — `));
		// Printed as typeset on the page (curly apostrophes, no-break spaces).
		expect(un).toContain(typographier(fiche.titre).replace(/\s+/g, ' ').slice(0, 40));
	});

	it('prints its links as absolute addresses', { timeout: 60_000 }, async () => {
		const slug = 'mobilite-stages-jeunes-benin';
		const texte = (await imprimer(`/fiches/${slug}/imprimer`)).join('\n').replace(/\s+/g, '');
		const origine = new URL(baseURL()).origin;
		expect(texte).toContain(`(${origine}/fiches?pays=BJ)`);
		expect(texte).toContain(`(${origine}/etapes/`);
		// Every printed address is absolute.
		const adresses = [...texte.matchAll(/\((\/[^)]*|https?:\/\/[^)]*)\)/g)].map((m) => m[1]!);
		expect(adresses.length).toBeGreaterThan(5);
		expect(adresses.filter((a) => !/^https?:\/\//.test(a))).toEqual([]);
		// The page's own address, printed at its top, too.
		expect(texte).toContain(`${origine}/fiches/${slug}`);
	});

	it('is still an accessible page on screen', async () => {
		const page = await contexte.newPage();
		await page.goto(`/fiches/${fiches[0]!.slug}/imprimer`);
		await verifierAccessibilite(page);
		await page.close();
	});
});
