// Accounts in a real browser, with the app's mails received by a real SMTP server on loopback
// (tests/support/boite-aux-lettres.ts). Without JavaScript: every form is a plain POST.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { attendreCourriel, courrielsPour, lienDe } from '../support/boite-aux-lettres.ts';
import { baseURL, lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';
import { adresse as adresseAleatoire, boite, inscrireEtConfirmer, MOT_DE_PASSE, remplir, seConnecter, soumettre } from './comptes-de-test.ts';
import { arreterServeur, demarrerServeur, dossierDeDonnees, portLibre } from './serveur.ts';

const adresse = (nom: string) => adresseAleatoire(nom, 'departement.test');

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

async function contexte(): Promise<{ contexte: BrowserContext; page: Page }> {
	const c = await nouveauContexte(navigateur, { javaScriptEnabled: false });
	return { contexte: c, page: await c.newPage() };
}

describe('creating an account', () => {
	it('signs up, confirms the address by mail, and lands signed in on the account page', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('camille');
		await page.goto('/');
		await page.getByRole('link', { name: 'Se connecter' }).click();
		await page.getByRole('link', { name: 'Créer un compte' }).click();
		await page.waitForURL('**/inscription');
		expect(await page.getByText('Au moins 12 caractères').count()).toBe(1);
		await verifierAccessibilite(page);

		const depuis = Date.now();
		await remplir(page, { Nom: 'Camille Martin', 'Adresse électronique': courriel, 'Mot de passe': MOT_DE_PASSE, 'Confirmation du mot de passe': MOT_DE_PASSE });
		await soumettre(page, 'Créer mon compte');
		expect(await page.getByRole('status').textContent()).toContain('Vérifiez votre boîte de réception');
		await verifierAccessibilite(page);

		// The mail, in French, plain text and HTML, with the confirmation link.
		const mail = await attendreCourriel(boite(), courriel, /Confirmez votre adresse pour Terrinclus/, depuis);
		expect(mail.de).toContain('ne-pas-repondre@terrinclus.test');
		expect(mail.texte).toContain('Bonjour Camille Martin,');
		expect(mail.html).toContain('<a href="');
		expect(mail.html).toContain('Confirmer mon adresse');

		// Not confirmed yet: signing in is refused, and the link is sent again.
		await seConnecter(page, courriel);
		expect(await page.getByRole('alert').textContent()).toContain('pas encore confirmée');
		await attendreCourriel(boite(), courriel, /Confirmez votre adresse/, Date.now() - 2000);

		await page.goto(lienDe(mail, baseURL()));
		await page.waitForURL('**/compte?bienvenue');
		expect(await page.locator('h1').textContent()).toBe('Mon compte');
		expect(await page.getByText(courriel).count()).toBeGreaterThan(0);
		expect(await page.getByRole('link', { name: /Mon compte/ }).count()).toBe(1);
		await verifierAccessibilite(page);

		// The session cookie cannot be read by scripts nor sent by other sites.
		const cookie = (await c.cookies()).find((k) => k.name.endsWith('session_token'))!;
		expect(cookie.httpOnly).toBe(true);
		expect(cookie.sameSite).toBe('Lax');

		// Signing out (the page of its own too), then in again.
		await page.goto('/deconnexion');
		await verifierAccessibilite(page);
		await page.getByRole('button', { name: 'Me déconnecter' }).click();
		await page.waitForURL('**/?deconnecte');
		expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
		await seConnecter(page, courriel);
		await page.waitForURL('**/compte');
		await c.close();
	});

	it('refuses bad input next to each field, in French, keeping what was typed and creating nothing', async () => {
		const { contexte: c, page } = await contexte();
		await page.goto('/inscription');
		await soumettre(page, 'Créer mon compte');
		const resume = page.getByRole('alert');
		expect(await resume.textContent()).toContain('choses à corriger');
		expect(await page.locator('#champ-nom-erreur').textContent()).toContain('Indiquez votre nom.');
		expect(await page.locator('#champ-courriel-erreur').textContent()).toContain('Indiquez votre adresse électronique.');
		expect(await page.getByLabel('Nom', { exact: true }).getAttribute('aria-invalid')).toBe('true');
		await verifierAccessibilite(page);

		const courriel = adresse('refus');
		const cas: [Record<string, string>, string, string][] = [
			[{ Nom: '<script>alert(1)</script>' }, '#champ-nom-erreur', 'ne peut contenir les caractères < et >'],
			[{ 'Adresse électronique': 'pas-une-adresse' }, '#champ-courriel-erreur', 'n’est pas valide'],
			[{ 'Mot de passe': 'court', 'Confirmation du mot de passe': 'court' }, '#champ-motDePasse-erreur', 'au moins 12 caractères'],
			[{ 'Mot de passe': 'azertyuiop123', 'Confirmation du mot de passe': 'azertyuiop123' }, '#champ-motDePasse-erreur', 'trop facile à deviner'],
			[{ 'Mot de passe': 'camillemartin2026', 'Confirmation du mot de passe': 'camillemartin2026' }, '#champ-motDePasse-erreur', 'trop facile à deviner'],
			[{ 'Confirmation du mot de passe': 'autre chose encore' }, '#champ-confirmation-erreur', 'pas identiques']
		];
		for (const [changes, champ, message] of cas) {
			await page.goto('/inscription');
			await remplir(page, { Nom: 'Camille Martin', 'Adresse électronique': courriel, 'Mot de passe': MOT_DE_PASSE, 'Confirmation du mot de passe': MOT_DE_PASSE, ...changes });
			await soumettre(page, 'Créer mon compte');
			expect(await page.locator(champ).textContent(), JSON.stringify(changes)).toContain(message);
			// What was typed stays (passwords excepted).
			const nom = changes.Nom ?? 'Camille Martin';
			expect(await page.getByLabel('Nom', { exact: true }).inputValue()).toBe(nom);
			expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('');
		}
		// What a browser cannot send (the fields carry their limits) is refused on the server too.
		for (const corps of [
			{ nom: 'x'.repeat(10_000), courriel, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE },
			{ nom: 'Camille', courriel: `${'a'.repeat(300)}@departement.test`, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE },
			{ nom: 'Camille', courriel, motDePasse: 'x'.repeat(200), confirmation: 'x'.repeat(200) },
			{ courriel }
		]) {
			const r = await fetch(new URL('/inscription', baseURL()), {
				method: 'POST',
				headers: { origin: new URL(baseURL()).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams(corps as Record<string, string>)
			});
			expect(r.status).toBe(400);
			expect(await r.text()).toMatch(/100 caractères|trop longue|128 caractères|Indiquez/);
		}
		// Nothing was created: no mail went out, and the address can still sign up.
		await new Promise((r) => setTimeout(r, 500));
		expect(courrielsPour(boite(), courriel)).toEqual([]);
		await inscrireEtConfirmer(page, courriel);
		await c.close();
	});

	it('gives the same answer for an address that already has an account, and warns its owner', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('deja');
		await inscrireEtConfirmer(page, courriel);
		await c.clearCookies();
		const depuis = Date.now();
		await page.goto('/inscription');
		await remplir(page, { Nom: 'Quelqu’un', 'Adresse électronique': courriel, 'Mot de passe': 'un autre mot de passe long', 'Confirmation du mot de passe': 'un autre mot de passe long' });
		await soumettre(page, 'Créer mon compte');
		expect(await page.getByRole('status').textContent()).toContain('Vérifiez votre boîte de réception');
		await attendreCourriel(boite(), courriel, /existe déjà/, depuis);
		// The account's password did not change.
		await seConnecter(page, courriel);
		await page.waitForURL('**/compte');
		await c.close();
	});
});

describe('signing in without a password, and resetting it', () => {
	it('resets a forgotten password through the mailed link, once', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('oubli');
		await inscrireEtConfirmer(page, courriel);
		await c.clearCookies();

		const depuis = Date.now();
		await page.goto('/connexion');
		await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
		await remplir(page, { 'Adresse électronique': courriel });
		await soumettre(page, 'Recevoir le lien');
		expect(await page.getByRole('status').textContent()).toContain('Si un compte existe');
		await verifierAccessibilite(page);
		const mail = await attendreCourriel(boite(), courriel, /nouveau mot de passe/, depuis);
		const lien = lienDe(mail, baseURL());

		await page.goto(lien);
		await page.waitForURL('**/nouveau-mot-de-passe?token=**');
		await verifierAccessibilite(page);
		await remplir(page, { 'Nouveau mot de passe': 'motdepasse1', 'Confirmation du mot de passe': 'motdepasse1' });
		await soumettre(page, 'Enregistrer le mot de passe');
		expect(await page.locator('#champ-motDePasse-erreur').textContent()).toContain('au moins 12 caractères');
		const nouveau = 'la mangrove de Saint-Louis au printemps';
		await remplir(page, { 'Nouveau mot de passe': nouveau, 'Confirmation du mot de passe': nouveau });
		await soumettre(page, 'Enregistrer le mot de passe');
		await page.waitForURL('**/connexion?motdepasse=change');
		expect(await page.getByRole('status').first().textContent()).toContain('Votre mot de passe a été changé');

		// The old password no longer works; the new one does; the link does not work twice.
		await seConnecter(page, courriel);
		expect(await page.getByRole('alert').textContent()).toContain('incorrect');
		await seConnecter(page, courriel, nouveau);
		await page.waitForURL('**/compte');
		await c.clearCookies();
		await page.goto(lien);
		expect(await page.getByText('Ce lien n’est plus valable').count()).toBe(1);
		await c.close();
	});

	it('answers the same for an unknown address, and sends nothing', async () => {
		const { contexte: c, page } = await contexte();
		const inconnue = adresse('inconnue');
		await page.goto('/mot-de-passe-oublie');
		await remplir(page, { 'Adresse électronique': inconnue });
		await soumettre(page, 'Recevoir le lien');
		expect(await page.getByRole('status').textContent()).toContain(`Si un compte existe pour ${inconnue}`);
		await page.goto('/connexion');
		await page.getByLabel('Adresse pour le lien').fill(inconnue);
		await soumettre(page, 'Recevoir un lien de connexion');
		expect(await page.getByRole('status').textContent()).toContain(`Si un compte existe pour ${inconnue}`);
		await new Promise((r) => setTimeout(r, 500));
		expect(courrielsPour(boite(), inconnue)).toEqual([]);
		await c.close();
	});

	it('signs in with a magic link', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('lien');
		await inscrireEtConfirmer(page, courriel, 'Awa Diop');
		await c.clearCookies();
		const depuis = Date.now();
		await page.goto('/connexion');
		await page.getByLabel('Adresse pour le lien').fill(courriel);
		await soumettre(page, 'Recevoir un lien de connexion');
		const mail = await attendreCourriel(boite(), courriel, /lien de connexion/, depuis);
		await page.goto(lienDe(mail, baseURL()));
		await page.waitForURL('**/compte');
		expect(await page.getByText('Awa Diop').count()).toBeGreaterThan(0);
		await c.close();
	});
});

describe('protection', () => {
	it('makes a guessing browser wait after 5 failures, in French, and points to the magic link', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('cible');
		await inscrireEtConfirmer(page, courriel);
		await c.clearCookies();
		for (let i = 0; i < 4; i++) {
			await seConnecter(page, courriel, `mauvais essai numero ${i}`);
			expect(await page.getByRole('alert').textContent()).toContain('Adresse électronique ou mot de passe incorrect.');
		}
		await seConnecter(page, courriel, 'mauvais essai numero 5');
		expect(await page.getByRole('alert').textContent()).toContain('Trop de tentatives. Par sécurité, réessayez dans 30 secondes.');
		// Even the right password waits, from this address; the magic link does not.
		await seConnecter(page, courriel);
		const alerte = await page.getByRole('alert').textContent();
		expect(alerte).toMatch(/réessayez dans \d+ secondes/);
		expect(alerte).toContain('Vous pouvez aussi recevoir un lien de connexion par courriel');
		expect(page.url()).toContain('/connexion');
		await verifierAccessibilite(page);
		await c.close();
	});

	it('refuses a form posted from another site', async () => {
		const reponse = await fetch(new URL('/connexion?/connexion', baseURL()), {
			method: 'POST',
			headers: { origin: 'https://attaquant.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'courriel=a%40b.fr&motDePasse=x'
		});
		expect(reponse.status).toBe(403);
	});

	it('sends the security headers on every response', async () => {
		for (const chemin of ['/', '/connexion', '/fiches/inconnue']) {
			const r = await fetch(new URL(chemin, baseURL()));
			const csp = r.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toMatch(/script-src 'self'/);
			expect(csp).not.toContain('unsafe-inline');
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
			expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(r.headers.get('permissions-policy')).toContain('camera=()');
		}
	});
});

describe('the account page', () => {
	it('renames, lists the sessions and closes the others', async () => {
		const premier = await contexte();
		const courriel = adresse('sessions');
		await inscrireEtConfirmer(premier.page, courriel);
		const second = await contexte();
		await seConnecter(second.page, courriel);
		await second.page.waitForURL('**/compte');

		const page = premier.page;
		await page.goto('/compte');
		expect(await page.locator('ul.sessions li').count()).toBe(2);
		expect(await page.getByText('(cette session)').count()).toBe(1);

		await page.getByLabel('Nom', { exact: true }).fill('<b>gras</b>');
		await soumettre(page, 'Enregistrer le nom');
		expect(await page.locator('#champ-nom-erreur').textContent()).toContain('ne peut contenir');
		await page.getByLabel('Nom', { exact: true }).fill('Camille Martin-Diallo');
		await soumettre(page, 'Enregistrer le nom');
		expect(await page.getByRole('status').first().textContent()).toContain('Votre nom a été enregistré.');
		await verifierAccessibilite(page);

		await soumettre(page, 'Fermer toutes mes autres sessions');
		expect(await page.locator('ul.sessions li').count()).toBe(1);
		// The other browser is signed out.
		await second.page.goto('/compte');
		await second.page.waitForURL('**/connexion?suite=/compte');
		await premier.contexte.close();
		await second.contexte.close();
	});

	it('changes the address after confirming from the current one, then at the new one', async () => {
		const { contexte: c, page } = await contexte();
		const ancienne = adresse('ancienne');
		const nouvelle = adresse('nouvelle');
		await inscrireEtConfirmer(page, ancienne);
		await page.goto('/compte');
		await page.getByLabel('Nouvelle adresse électronique').fill(ancienne);
		await soumettre(page, 'Changer d’adresse');
		expect(await page.locator('#courriel-courriel-erreur').textContent()).toContain('déjà l’adresse de votre compte');
		const depuis = Date.now();
		await page.getByLabel('Nouvelle adresse électronique').fill(nouvelle);
		await soumettre(page, 'Changer d’adresse');
		expect(await page.getByRole('status').first().textContent()).toContain(`votre adresse actuelle (${ancienne})`);
		const confirmation = await attendreCourriel(boite(), ancienne, /changement d’adresse/, depuis);
		expect(confirmation.texte).toContain(nouvelle);
		await page.goto(lienDe(confirmation, baseURL()));
		const verification = await attendreCourriel(boite(), nouvelle, /Confirmez votre adresse/, depuis);
		await page.goto(lienDe(verification, baseURL()));
		await page.waitForURL('**/compte?courriel-change');
		expect(await page.getByRole('status').first().textContent()).toContain(`c’est désormais ${nouvelle}`);
		// The new address signs in; the old one no longer does.
		await c.clearCookies();
		await seConnecter(page, ancienne);
		expect(await page.getByRole('alert').textContent()).toContain('incorrect');
		await seConnecter(page, nouvelle);
		await page.waitForURL('**/compte');
		await c.close();
	});

	it('sends visitors to the sign-in form, and back after signing in', async () => {
		const { contexte: c, page } = await contexte();
		const courriel = adresse('retour');
		await inscrireEtConfirmer(page, courriel);
		await c.clearCookies();
		await page.goto('/compte');
		await page.waitForURL('**/connexion?suite=/compte');
		await remplir(page, { 'Adresse électronique': courriel, 'Mot de passe': MOT_DE_PASSE });
		await soumettre(page, 'Se connecter');
		await page.waitForURL('**/compte');
		await c.close();
	});
});

describe('without a mail server (the embedded default)', () => {
	it('shows the mails on this machine, so that a newcomer can confirm an account', async () => {
		const donnees = dossierDeDonnees(inject('modelePglite'));
		const port = await portLibre();
		const { processus, sortie } = await demarrerServeur({ PORT: String(port), DATA_DIR: donnees, DATABASE_URL: '', SMTP_URL: '' });
		const base = `http://127.0.0.1:${port}`;
		try {
			const c = await nouveauContexte(navigateur, { javaScriptEnabled: false, baseURL: base });
			const page = await c.newPage();
			await page.goto('/inscription');
			await remplir(page, { Nom: 'Léa Nouvelle', 'Adresse électronique': 'lea@departement.test', 'Mot de passe': MOT_DE_PASSE, 'Confirmation du mot de passe': MOT_DE_PASSE });
			await soumettre(page, 'Créer mon compte');
			// In the server's log…
			expect(sortie()).toContain('Courriel (pas de serveur SMTP configuré) pour lea@departement.test');
			// …and on the development page, whose link confirms the account.
			await page.goto('/dev/courriels');
			expect(await page.locator('h2').first().textContent()).toBe('Confirmez votre adresse pour Terrinclus');
			await verifierAccessibilite(page);
			await page.getByRole('link', { name: /\/api\/auth\/verify-email/ }).first().click();
			await page.waitForURL('**/compte?bienvenue');
			expect(await page.getByText('lea@departement.test').count()).toBeGreaterThan(0);
			await c.close();
		} finally {
			await arreterServeur(processus);
			rmSync(donnees, { recursive: true, force: true });
		}
	});
});
