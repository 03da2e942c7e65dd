// Single sign-on against a real OpenID provider on loopback (oidc-provider), configured as the
// ProConnect preset: authorization code with PKCE, userinfo answered as a signed JWT. The
// app runs on its own embedded database for this file.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';
import { arreterServeur, demarrerServeur, dossierDeDonnees, portLibre } from './serveur.ts';

/** The agents the provider knows: any login is an account; these have names. */
const AGENTS: Record<string, { given_name: string; usual_name: string }> = {
	'awa.diop@departement44.test': { given_name: 'Awa', usual_name: 'Diop' },
	'paul.martin@departement44.test': { given_name: 'Paul', usual_name: 'Martin' }
};

let navigateur: Browser;
let fournisseur: Server;
let app: { processus: ChildProcess; sortie: () => string };
let base = '';
let donnees = '';

beforeAll(async () => {
	const [portApp, portFournisseur] = await Promise.all([portLibre(), portLibre()]);
	base = `http://127.0.0.1:${portApp}`;
	const issuer = `http://127.0.0.1:${portFournisseur}`;
	const oidc = new Provider(issuer, {
		clients: [
			{
				client_id: 'terrinclus',
				client_secret: 'secret-de-test-assez-long-pour-hs256-0123456789',
				redirect_uris: [`${base}/api/auth/callback/oidc`],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				// As ProConnect: the userinfo response is a signed JWT.
				userinfo_signed_response_alg: 'RS256'
			}
		],
		pkce: { required: () => true },
		features: { devInteractions: { enabled: true }, jwtUserinfo: { enabled: true } },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], given_name: ['given_name'], usual_name: ['usual_name'], uid: ['uid'] },
		cookies: { keys: ['une-cle-de-test'] },
		findAccount: async (_ctx: unknown, id: string) => ({
			accountId: id,
			claims: async () => ({ sub: id, email: id, email_verified: true, uid: id, ...(AGENTS[id] ?? { given_name: 'Agent', usual_name: 'Public' }) })
		})
	});
	fournisseur = oidc.listen(portFournisseur);
	donnees = dossierDeDonnees(inject('modelePglite'));
	app = await demarrerServeur({
		PORT: String(portApp),
		DATA_DIR: donnees,
		DATABASE_URL: '',
		SMTP_URL: '',
		OIDC_ISSUER: issuer,
		OIDC_CLIENT_ID: 'terrinclus',
		OIDC_CLIENT_SECRET: 'secret-de-test-assez-long-pour-hs256-0123456789'
	});
	navigateur = await lancerNavigateur();
}, 120_000);

afterAll(async () => {
	await navigateur?.close();
	if (app) await arreterServeur(app.processus);
	await new Promise((r) => fournisseur?.close(r));
	rmSync(donnees, { recursive: true, force: true });
});

async function seConnecterParProConnect(page: Page, login: string) {
	await page.goto(`${base}/connexion`);
	await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
	// The provider's own pages (oidc-provider's development interactions).
	await page.locator('input[name="login"]').fill(login);
	await page.locator('input[name="password"]').fill('peu importe');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on with ProConnect', () => {
	it('creates the account at the first sign-in, with the names the provider gives', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false, baseURL: base });
		const page = await contexte.newPage();
		await page.goto(`${base}/connexion`);
		await verifierAccessibilite(page);
		await seConnecterParProConnect(page, 'awa.diop@departement44.test');
		await page.waitForURL(`${base}/compte**`);
		expect(await page.locator('main').textContent()).toContain('awa.diop@departement44.test');
		expect(await page.locator('main').textContent()).toContain('Awa Diop');
		// No password on an account made by single sign-on.
		expect(await page.getByRole('heading', { name: 'Mot de passe' }).count()).toBe(0);
		await contexte.close();
	});

	it('links to the existing account of the same address', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false, baseURL: base });
		const page = await contexte.newPage();
		// An account made with a password first (no SMTP here: the development page has the link).
		const motDePasse = 'la Loire à Saint-Nazaire au couchant';
		await page.goto(`${base}/inscription`);
		await page.getByLabel('Nom', { exact: true }).fill('Paul M.');
		await page.getByLabel('Adresse électronique', { exact: true }).fill('paul.martin@departement44.test');
		await page.getByLabel('Mot de passe', { exact: true }).fill(motDePasse);
		await page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(motDePasse);
		await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer mon compte' }).click()]);
		await page.goto(`${base}/dev/courriels`);
		await page.getByRole('link', { name: /verify-email/ }).first().click();
		await page.waitForURL(`${base}/compte**`);
		await contexte.clearCookies();

		await seConnecterParProConnect(page, 'paul.martin@departement44.test');
		await page.waitForURL(`${base}/compte**`);
		// The same account: its name and its password are still there.
		expect(await page.getByLabel('Nom', { exact: true }).inputValue()).toBe('Paul M.');
		expect(await page.getByRole('heading', { name: 'Mot de passe' }).count()).toBe(1);
		await contexte.close();
	});

	it('shows no single sign-on button when none is configured', async () => {
		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto('/connexion');
		expect(await page.getByRole('button', { name: /ProConnect/ }).count()).toBe(0);
		await contexte.close();
	});
});
