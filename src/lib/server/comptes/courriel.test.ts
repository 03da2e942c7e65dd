import { afterEach, describe, expect, it } from 'vitest';
import { courrielsDeDeveloppementVisibles } from './courriel.ts';

/** A request as adapter-node hands it over: its headers and the peer of its socket. */
const requete = (pair: string, entetes: Record<string, string> = {}) => ({ request: new Request('http://localhost/dev/courriels', { headers: entetes }), getClientAddress: () => pair });

const ENV = ['HOST', 'SMTP_URL', 'ADRESSE_PUBLIQUE'] as const;
const avant = Object.fromEntries(ENV.map((n) => [n, process.env[n]]));
afterEach(() => {
	for (const n of ENV) if (avant[n] === undefined) delete process.env[n];
	else process.env[n] = avant[n];
});
const regler = (env: Partial<Record<(typeof ENV)[number], string>>) => {
	for (const n of ENV) delete process.env[n];
	Object.assign(process.env, env);
};

describe('the development mails page', () => {
	it('shows to a browser of this machine when the server listens on loopback without SMTP', () => {
		regler({});
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1'))).toBe(true);
		expect(courrielsDeDeveloppementVisibles(requete('::1'))).toBe(true);
		expect(courrielsDeDeveloppementVisibles(requete('::ffff:127.0.0.1'))).toBe(true);
		regler({ HOST: '127.0.0.1', ADRESSE_PUBLIQUE: 'http://localhost:3000' });
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1'))).toBe(true);
	});

	it('hides from another machine, and from anyone behind a proxy on this one', () => {
		regler({});
		expect(courrielsDeDeveloppementVisibles(requete('192.168.1.20'))).toBe(false);
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false);
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1', { forwarded: 'for=203.0.113.9' }))).toBe(false);
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1', { via: '1.1 nginx' }))).toBe(false);
	});

	it('hides whenever the set-up is not a development one', () => {
		regler({ HOST: '0.0.0.0' });
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1'))).toBe(false);
		regler({ SMTP_URL: 'smtp://127.0.0.1:2525' });
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1'))).toBe(false);
		regler({ ADRESSE_PUBLIQUE: 'https://terrinclus.example.fr' });
		expect(courrielsDeDeveloppementVisibles(requete('127.0.0.1'))).toBe(false);
	});
});

describe('a mail', () => {
	it('follows French typography in its subject, text and HTML, and keeps its link intact', async () => {
		const { courrielAction } = await import('./courriel.ts');
		const c = courrielAction({ a: 'x@exemple.test', nom: 'Awa', sujet: 'Projet « Mobilité » : invitation', paragraphes: ['Qui décide ? Le comité ; toujours.'], action: { libelle: 'Ouvrir', url: 'https://terrinclus.example.fr/a?b=c:d' } });
		expect(c.sujet).toBe('Projet «\u00A0Mobilité\u00A0»\u00A0: invitation');
		expect(c.texte).toContain('Qui décide\u202F? Le comité\u202F; toujours.');
		expect(c.texte).toContain('Ouvrir\u00A0: https://terrinclus.example.fr/a?b=c:d');
		expect(c.html).toContain('href="https://terrinclus.example.fr/a?b=c:d"');
		expect(c.html).not.toMatch(/ [;:?!»]/);
	});
});
