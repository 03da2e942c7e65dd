// Attacks on accounts as a script would make them: Better Auth's own HTTP endpoints, guessing
// passwords from one or many addresses, floods of links. On a server of its own, configured
// as behind a trusted proxy (ADDRESS_HEADER=x-forwarded-for), so that one test can play
// several clients, and so that its limits do not slow the other test files.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attendreCourriel, courrielsPour, lienDe } from '../support/boite-aux-lettres.ts';
import { ClientHttp } from './client-http.ts';
import { MOT_DE_PASSE } from './comptes-de-test.ts';
import { lancerNavigateur, nouveauContexte, baseURL } from './navigateur.ts';
import { demarrerServeurDeTest, type ServeurDeTest } from './serveur.ts';

let serveur: ServeurDeTest;
beforeAll(async () => {
	serveur = await demarrerServeurDeTest({ modele: inject('modelePglite'), env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
});
afterAll(() => serveur?.nettoyer());

const adresse = (nom: string) => `${nom}-${randomBytes(4).toString('hex')}@departement.test`;
let n = 0;
/** A client of its own address, as the proxy reports it. */
const client = () => new ClientHttp(serveur.url, `198.51.100.${++n}`);

/** An account signed up and confirmed through the forms and the mail. */
async function compte(nom = 'victime'): Promise<string> {
	const courriel = adresse(nom);
	const c = client();
	const depuis = Date.now();
	const r = await c.poster('/inscription', { nom: 'Camille Martin', courriel, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE });
	expect(r.status).toBe(200);
	const mail = await attendreCourriel(serveur.boiteAuxLettres, courriel, /Confirmez votre adresse/, depuis);
	const v = await c.get(lienDe(mail, serveur.url));
	expect(v.status).toBe(302);
	return courriel;
}

const connexion = (c: ClientHttp, courriel: string, motDePasse: string) => c.poster('/connexion?/connexion', { courriel, motDePasse });

describe('Better Auth’s own endpoints', () => {
	it('answer 404 to everything but the links of mails and the sign-on callback, whatever the body', async () => {
		const courriel = await compte();
		const attaquant = client();
		const json = (corps: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(corps) });
		const essais: [string, RequestInit & { headers?: Record<string, string> }][] = [
			['/api/auth/sign-up/email', json({ name: 'x', email: adresse('api'), password: 'aaaaaaaaaaaa' })],
			['/api/auth/sign-up/email', json({ name: '<script>'.repeat(25_000), email: adresse('api'), password: MOT_DE_PASSE })],
			['/api/auth/sign-in/magic-link', json({ email: courriel })],
			['/api/auth/request-password-reset', json({ email: courriel, redirectTo: '/nouveau-mot-de-passe' })],
			['/api/auth/send-verification-email', json({ email: courriel })],
			['/api/auth/update-user', json({ name: '<b>x</b>' })],
			['/api/auth/change-password', json({ currentPassword: MOT_DE_PASSE, newPassword: 'aaaaaaaaaaaa' })],
			['/api/auth/reset-password', json({ token: 'x', newPassword: 'aaaaaaaaaaaa' })],
			['/api/auth/sign-in/social', json({ provider: 'oidc' })],
			['/api/auth/get-session', { method: 'GET' }],
			['/api/auth/list-sessions', { method: 'GET' }],
			['/api/auth/error', { method: 'GET' }],
			['/api/auth/ok', { method: 'GET' }],
			['/api/auth', { method: 'GET' }],
			// 10 MB of JSON: refused before anything reads it.
			['/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"email":"${courriel}","password":"${'x'.repeat(10 * 1024 * 1024)}"}` }]
		];
		for (const [chemin, init] of essais) {
			const r = await attaquant.envoyer(chemin, init);
			expect(r.status, `${init.method} ${chemin}`).toBe(404);
			expect(await r.text()).toContain('Page introuvable');
		}

		// Forty wrong passwords then the right one: none reaches Better Auth, no session opens.
		for (let i = 0; i < 40; i++) expect((await attaquant.envoyer('/api/auth/sign-in/email', json({ email: courriel, password: `faux ${i}` }))).status).toBe(404);
		expect((await attaquant.envoyer('/api/auth/sign-in/email', json({ email: courriel, password: MOT_DE_PASSE }))).status).toBe(404);
		expect(attaquant.connecte).toBe(false);

		// No mail went out for these requests: the next mail to the victim is the one the form asks.
		const avant = courrielsPour(serveur.boiteAuxLettres, courriel).length;
		const depuis = Date.now();
		expect((await client().poster('/connexion?/lien', { courriel })).status).toBe(200);
		await attendreCourriel(serveur.boiteAuxLettres, courriel, /lien de connexion/, depuis);
		expect(courrielsPour(serveur.boiteAuxLettres, courriel).length).toBe(avant + 1);

		// The password form still signs the owner in: the API attempts counted for nothing.
		const proprietaire = client();
		expect((await connexion(proprietaire, courriel, MOT_DE_PASSE)).status).toBe(303);
		expect(proprietaire.connecte).toBe(true);
	});

	it('keep the links of mails working, and send a used or forged link to a French page', async () => {
		const c = client();
		const r = await c.get('/api/auth/verify-email?token=faux&callbackURL=/compte');
		expect(r.status).toBe(302);
		const suite = await c.get(r.headers.get('location')!);
		expect(suite.headers.get('location')).toBe('/connexion?lien=invalide');
		const magique = await c.get('/api/auth/magic-link/verify?token=faux&callbackURL=/compte&errorCallbackURL=/connexion?lien=invalide');
		expect(magique.status).toBe(302);
		expect(magique.headers.get('location')).toContain('/connexion?lien=invalide');
		expect(await (await c.get(magique.headers.get('location')!)).text()).toContain('Ce lien n’est plus valable');
		expect(c.connecte).toBe(false);
	});
});

describe('guessing a password', () => {
	it('makes the guessing address wait after five failures, and lets the owner in from elsewhere', async () => {
		const courriel = await compte();
		const attaquant = client();
		for (let i = 0; i < 4; i++) expect((await connexion(attaquant, courriel, `mauvais mot de passe ${i}`)).status).toBe(400);
		const bloque = await connexion(attaquant, courriel, 'mauvais mot de passe 5');
		expect(bloque.status).toBe(429);
		expect(await bloque.text()).toContain('Trop de tentatives');
		// Even the right password waits, from that address.
		expect((await connexion(attaquant, courriel, MOT_DE_PASSE)).status).toBe(429);
		expect(attaquant.connecte).toBe(false);

		const proprietaire = client();
		expect((await connexion(proprietaire, courriel, MOT_DE_PASSE)).status).toBe(303);
		expect(proprietaire.connecte).toBe(true);
	});

	it('from many addresses slows the account down, and the magic link still signs its owner in', async () => {
		const courriel = await compte();
		for (let i = 0; i < 20; i++) await connexion(client(), courriel, `essai ${i} au hasard`);
		const proprietaire = client();
		const r = await connexion(proprietaire, courriel, MOT_DE_PASSE);
		expect(r.status).toBe(429);
		expect(await r.text()).toContain('recevoir un lien de connexion');

		const depuis = Date.now();
		expect((await proprietaire.poster('/connexion?/lien', { courriel })).status).toBe(200);
		const mail = await attendreCourriel(serveur.boiteAuxLettres, courriel, /lien de connexion/, depuis);
		const ouverture = await proprietaire.get(lienDe(mail, serveur.url));
		expect(ouverture.status).toBe(302);
		expect(proprietaire.connecte).toBe(true);
		// And it went to the security log with the owner's address as the proxy gave it.
		expect(serveur.sortie()).not.toContain('Erreur sur');
	});
});

describe('floods of links', () => {
	it('are counted per client: one address flooding does not stop another’s confirmation link', async () => {
		const inondeur = client();
		let statut = 0;
		for (let i = 0; i < 301 && statut !== 429; i++) statut = (await inondeur.get(`/api/auth/verify-email?token=faux${i}&callbackURL=/compte`)).status;
		expect(statut).toBe(429);
		// Changing the forwarded address is what a real client cannot do behind the proxy;
		// here it is another client, whose link works.
		await compte('autre');
	});
});

describe('a client-sent X-Forwarded-For on a server without a trusted proxy', () => {
	it('is ignored: the session is recorded with the real address', async () => {
		const navigateur = await lancerNavigateur();
		try {
			const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.66' } });
			const page = await contexte.newPage();
			const { inscrireEtConfirmer } = await import('./comptes-de-test.ts');
			await inscrireEtConfirmer(page, adresse('xff'));
			await page.goto(`${baseURL()}/compte`);
			const sessions = await page.locator('main').textContent();
			expect(sessions).toContain('127.0.0.1');
			expect(sessions).not.toContain('203.0.113.66');
		} finally {
			await navigateur.close();
		}
	});
});

describe('security headers', () => {
	it('are on every response: static files, the error pages of the gate and of unknown paths', async () => {
		const c = client();
		const accueil = await (await c.get('/')).text();
		const feuille = accueil.match(/href="\.?(\/?_app\/immutable\/[^"]+\.css)"/)?.[1]?.replace(/^(?!\/)/, '/');
		expect(feuille).toBeTruthy();
		for (const [chemin, statut] of [
			['/favicon.svg', 200],
			['/robots.txt', 200],
			[feuille!, 200],
			['/api/auth/error', 404],
			['/fiches/%00', 400],
			['/n-existe-pas', 404]
		] as const) {
			const r = await c.get(chemin);
			expect(r.status, chemin).toBe(statut);
			expect(r.headers.get('x-content-type-options'), chemin).toBe('nosniff');
			expect(r.headers.get('x-frame-options'), chemin).toBe('DENY');
			expect(r.headers.get('referrer-policy'), chemin).toBe('strict-origin-when-cross-origin');
		}
	});
});
