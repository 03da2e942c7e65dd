// Chromium from the system (never downloaded by a test tool) and axe-core checks.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

export function lancerNavigateur(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

const sansJavaScript = new WeakSet<BrowserContext>();

/** A context on the test server; axe needs pages created from a context. */
export async function nouveauContexte(navigateur: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const contexte = await navigateur.newContext({ baseURL: baseURL(), locale: 'fr-FR', ...options });
	if (options.javaScriptEnabled === false) sansJavaScript.add(contexte);
	return contexte;
}

/**
 * Runs axe-core with the WCAG 2.0/2.1 A and AA rules and expects no violation. axe cannot
 * run where JavaScript is off: there it checks the same address, same viewport, in a
 * context with JavaScript (the kit's pages render on the server; the one script, live
 * search, changes nothing until the reader types).
 */
export async function verifierAccessibilite(page: Page): Promise<void> {
	if (sansJavaScript.has(page.context())) {
		const navigateur = page.context().browser()!;
		// Same cookies: a signed-in page stays signed in.
		const contexte = await nouveauContexte(navigateur, { viewport: page.viewportSize(), storageState: await page.context().storageState() });
		const copie = await contexte.newPage();
		await copie.goto(page.url());
		try {
			await verifierAccessibilite(copie);
		} finally {
			await contexte.close();
		}
		return;
	}
	const resultat = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const violations = resultat.violations.map(
		(v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(violations, `violations d'accessibilité sur ${page.url()}`).toEqual([]);
}

/** Requests a page makes to any other origin than the test server. */
export function requetesExternes(page: Page): string[] {
	const externes: string[] = [];
	const origine = new URL(baseURL()).origin;
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol.startsWith('http') && url.origin !== origine) externes.push(r.url());
	});
	return externes;
}

/**
 * A locator's text with the no-break spaces of French typography read as spaces: pages
 * rendered on the server are typeset, text a script renders later is not, and an
 * assertion is about the words (tests/e2e/typographie.test.ts checks the spaces).
 */
export async function texte(locateur: Locator): Promise<string> {
	return ((await locateur.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
