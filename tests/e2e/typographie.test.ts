// French typography as readers get it, on every public page and on the pages of an account:
// no ordinary space before « ; : ! ? » or inside « », one apostrophe style.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { ClientHttp } from './client-http.ts';
import { boite, MOT_DE_PASSE } from './comptes-de-test.ts';
import { baseURL } from './navigateur.ts';
import { pagesPubliques } from './pages-publiques.ts';

/** The text a reader sees: no scripts, styles, form values, code. */
function texteLu(html: string): string {
	return html
		.replace(/<(script|style|textarea|pre|code)\b[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]*>/g, '\n')
		.replace(/&nbsp;/g, '\u00A0')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}

/** Each fault with a few words around it. */
function fautes(texte: string): string[] {
	const r: string[] = [];
	for (const motif of [/ [;!?»]/g, / :(?!\/\/)/g, /« /g, /\p{L}'\p{L}/gu]) {
		for (const m of texte.matchAll(motif)) r.push(`« ${texte.slice(Math.max(0, m.index - 25), m.index + 10).replace(/\s+/g, ' ')} »`);
	}
	return r;
}

describe('French typography', () => {
	it('holds on every public page of the kit', async () => {
		const c = new ClientHttp(baseURL());
		const parPage: Record<string, string[]> = {};
		for (const chemin of pagesPubliques()) {
			const r = await c.get(chemin);
			expect(r.status, chemin).toBe(200);
			const f = fautes(texteLu(await r.text()));
			if (f.length) parPage[chemin] = f.slice(0, 5);
		}
		expect(parPage).toEqual({});
	});

	it('holds on the pages of an account, its organisation and its project', async () => {
		const c = new ClientHttp(baseURL());
		const courriel = `typo-${randomBytes(4).toString('hex')}@departement.test`;
		const depuis = Date.now();
		await c.poster('/inscription', { nom: 'Amadou Diallo', courriel, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE });
		await c.get(lienDe(await attendreCourriel(boite(), courriel, /Confirmez/, depuis), baseURL()));
		const o = await c.poster('/organisations/nouvelle', { nom: `Association Typo ${randomBytes(2).toString('hex')}`, type: 'association', pays: 'FR', description: 'Pour le test : rien de plus.' });
		const organisation = o.headers.get('location')!.split('?')[0]!;
		const id = (await (await c.get('/projets/nouveau')).text()).match(/<option value="(\d+)"/)![1]!;
		const projet = (await c.poster('/projets/nouveau', { titre: 'Projet : typographie ?', organisation: id })).headers.get('location')!.split('?')[0]!;
		const parPage: Record<string, string[]> = {};
		for (const chemin of ['/compte', '/compte/donnees', '/organisations', organisation, `${organisation}/membres`, `${organisation}/modifier`, '/projets', projet, `${projet}/identite`, `${projet}/cadre-logique`, `${projet}/budget`, `${projet}/equipe`, `${projet}/historique`, `${projet}/auto-evaluation`]) {
			const r = await c.get(chemin);
			expect(r.status, chemin).toBe(200);
			const f = fautes(texteLu(await r.text()));
			if (f.length) parPage[chemin] = f.slice(0, 5);
		}
		expect(parPage).toEqual({});
	});
});
