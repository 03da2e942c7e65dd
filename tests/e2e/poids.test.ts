// Each public page weighs at most 60 KB as sent compressed: HTML, CSS, JS and fonts; the map
// of projects, whose two drawings are the page, at most 150 KB.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { baseURL } from './navigateur.ts';
import { pagesPubliques } from './pages-publiques.ts';

const LIMITE = 60 * 1024;
const LIMITES_PARTICULIERES: Record<string, number> = { '/carte': 150 * 1024 };

/** The body's size in bytes as sent over the network (not decompressed). */
function octetsTransferes(url: string): Promise<{ octets: number; encodage: string; corps: Buffer }> {
	return new Promise((resolve, reject) => {
		request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
			const morceaux: Buffer[] = [];
			res.on('data', (m: Buffer) => morceaux.push(m));
			res.on('end', () => {
				const corps = Buffer.concat(morceaux);
				resolve({ octets: corps.length, encodage: String(res.headers['content-encoding'] ?? 'aucun'), corps });
			});
		})
			.on('error', reject)
			.end();
	});
}

const ressources = (html: string) =>
	[...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)]
		.map((m) => m[1]!)
		.filter((href) => /\.(css|js|mjs|woff2?)(\?|$)/.test(href));

describe('page weight', () => {
	it.each(pagesPubliques())('%s weighs at most 60 KB compressed (the map 150 KB)', async (chemin) => {
		const url = new URL(chemin, baseURL()).href;
		const pageHtml = await octetsTransferes(url);
		expect(pageHtml.encodage).toMatch(/br|gzip/);
		const html = (await fetch(url)).text();
		let total = pageHtml.octets;
		for (const href of ressources(await html)) total += (await octetsTransferes(new URL(href, url).href)).octets;
		expect(total, `${chemin} : ${(total / 1024).toFixed(1)} Ko`).toBeLessThanOrEqual(LIMITES_PARTICULIERES[chemin] ?? LIMITE);
	});
});
