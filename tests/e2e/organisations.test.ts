// Organisations in a real browser without JavaScript: a Département creates its organisation,
// invites its partner abroad by mail (a real SMTP server on loopback), the partner signs up
// and accepts; requests to join, roles, leaving; and what an outsider cannot do.
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, boite, creerDepartement, MOT_DE_PASSE, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const personne = (nom: string, courriel?: string) => nouvellePersonne(navigateur, nom, courriel);

describe('a Département and its partner abroad', () => {
	it('creates the organisation, invites the partner by mail, who signs up, accepts and appears as a member', async () => {
		const agent = await personne('Camille Martin');
		const page = agent.page;
		const chemin = await creerDepartement(page, `Département de Loire-Atlantique ${randomBytes(2).toString('hex')}`, '44');
		expect(await page.getByRole('status').textContent()).toContain('L’organisation a été créée');
		expect(await page.locator('.identite').textContent()).toContain('Loire-Atlantique (44)');
		expect(await page.locator('.identite').textContent()).toContain('Propriétaire');
		await verifierAccessibilite(page);

		// The list of organisations finds it; its presentation can be edited.
		await page.goto(`/organisations?q=${encodeURIComponent('Loire-Atlantique')}`);
		expect(await page.getByRole('link', { name: /Département de Loire-Atlantique/ }).count()).toBeGreaterThanOrEqual(1);
		await verifierAccessibilite(page);
		await page.goto(`${chemin}/modifier`);
		await page.getByLabel('Présentation').fill('Service des relations internationales et de l’insertion.');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${chemin}?modifiee`);
		expect(await page.locator('main').textContent()).toContain('Service des relations internationales');
		await page.goto(`${chemin}/modifier`);
		await verifierAccessibilite(page);
		await page.goto(chemin);
		await page.getByRole('link', { name: 'Membres et invitations' }).click();
		await page.waitForURL(`**${chemin}/membres`);
		await verifierAccessibilite(page);
		const partenaire = adresse('awa');
		const depuis = Date.now();
		await page.getByLabel('Adresse électronique', { exact: true }).fill(partenaire);
		await page.getByLabel('Rôle', { exact: true }).selectOption('gestionnaire');
		await soumettre(page, 'Envoyer l’invitation');
		expect(await page.getByRole('status').textContent()).toContain(`Invitation envoyée à ${partenaire}`);
		expect(await page.getByText(`${partenaire} (Gestionnaire)`).count()).toBe(1);

		// The partner abroad: the mail, then the page, then an account with that address.
		const mail = await attendreCourriel(boite(), partenaire, /Invitation à rejoindre/, depuis);
		expect(mail.texte).toContain('Camille Martin vous invite à rejoindre');
		expect(mail.texte).toContain('Gestionnaire');
		const lien = lienDe(mail, baseURL());
		const c2 = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const p2 = await c2.newPage();
		await p2.goto(lien);
		expect(await p2.locator('main').textContent()).toContain('Vous êtes invité·e à rejoindre');
		await verifierAccessibilite(p2);
		await p2.getByRole('link', { name: 'Créer un compte' }).click();
		// The invited address, already filled in; the invitation confirms it: one step, no second mail.
		expect(await p2.getByLabel('Adresse électronique', { exact: true }).inputValue()).toBe(partenaire);
		await p2.getByLabel('Nom', { exact: true }).fill('Awa Diop');
		await p2.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await p2.getByLabel('Confirmation du mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(p2, 'Créer mon compte');
		await p2.waitForURL(`**${chemin}?bienvenue`);
		expect(await p2.locator('.identite').textContent()).toContain('Gestionnaire');

		// Single use.
		await p2.goto(lien);
		expect(await p2.getByText('Cette invitation a déjà été acceptée.').count()).toBe(1);

		await page.goto(`${chemin}/membres`);
		expect(await page.getByRole('row', { name: /Awa Diop/ }).count()).toBe(1);
		expect(await page.getByText('Aucune invitation en attente.').count()).toBe(1);

		// The partner, now signed out, signs in again and finds the organisation on the account page.
		await c2.clearCookies();
		await p2.goto('/connexion');
		await p2.getByLabel('Adresse électronique', { exact: true }).fill(partenaire);
		await p2.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(p2, 'Se connecter');
		await p2.waitForURL('**/compte');
		expect(await p2.getByRole('link', { name: /Département de Loire-Atlantique/ }).count()).toBe(1);
		await c2.close();
		await agent.contexte.close();
	});

	it('refuses an invitation revoked, or accepted by another address', async () => {
		const agent = await personne('Jeanne Moreau');
		const chemin = await creerDepartement(agent.page, `Département du Finistère ${randomBytes(2).toString('hex')}`, '29');
		await agent.page.goto(`${chemin}/membres`);
		const invite = adresse('invite');
		const depuis = Date.now();
		await agent.page.getByLabel('Adresse électronique', { exact: true }).fill(invite);
		await soumettre(agent.page, 'Envoyer l’invitation');
		const lien = lienDe(await attendreCourriel(boite(), invite, /Invitation/, depuis), baseURL());

		// Someone else, signed in, holds the link.
		const autre = await personne('Paul Autre');
		await autre.page.goto(lien);
		expect(await autre.page.locator('main').textContent()).toContain(`Cette invitation est adressée à ${invite}`);
		expect(await autre.page.getByRole('button', { name: 'Accepter l’invitation' }).count()).toBe(0);

		await soumettre(agent.page, /Révoquer/);
		expect(await agent.page.getByRole('status').textContent()).toContain('a été révoquée');
		await autre.page.goto(lien);
		expect(await autre.page.getByText('Cette invitation a été révoquée.').count()).toBe(1);
		await autre.contexte.close();
		await agent.contexte.close();
	});
});

describe('joining, roles and leaving', () => {
	it('approves a request to join, refuses to let the last owner leave, and lets a member leave', async () => {
		const proprietaire = await personne('Nadia Benali');
		const chemin = await creerDepartement(proprietaire.page, `Département du Nord ${randomBytes(2).toString('hex')}`, '59');
		const candidat = await personne('Hugo Petit');
		await candidat.page.goto(chemin);
		await candidat.page.getByLabel('Message aux gestionnaires').fill('Je travaille au service insertion.');
		await soumettre(candidat.page, 'Demander à rejoindre');
		expect(await candidat.page.getByRole('status').textContent()).toContain('Votre demande a été envoyée');
		// A member's list is not for outsiders.
		const refus = await candidat.page.goto(`${chemin}/membres`);
		expect(refus?.status()).toBe(403);

		await proprietaire.page.goto(`${chemin}/membres`);
		expect(await proprietaire.page.getByText('« Je travaille au service insertion. »').count()).toBe(1);
		await soumettre(proprietaire.page, /^Accepter/);
		expect(await proprietaire.page.getByRole('row', { name: /Hugo Petit/ }).count()).toBe(1);

		// The last owner cannot leave nor stop being owner.
		await proprietaire.page.goto(chemin);
		await soumettre(proprietaire.page, 'Quitter l’organisation');
		expect(await proprietaire.page.getByRole('alert').textContent()).toContain('Le dernier propriétaire ne peut pas quitter');

		// The new member sees the members, cannot manage them, and leaves.
		const membres = await candidat.page.goto(`${chemin}/membres`);
		expect(membres?.status()).toBe(200);
		expect(await candidat.page.getByRole('button', { name: /Retirer/ }).count()).toBe(0);
		await candidat.page.goto(chemin);
		await soumettre(candidat.page, 'Quitter l’organisation');
		await candidat.page.waitForURL(`**${chemin}?quittee`);
		await candidat.contexte.close();
		await proprietaire.contexte.close();
	});

	it('keeps one organisation’s members safe from another’s, whatever form is posted', async () => {
		const a = await personne('Alice Lefevre');
		const cheminA = await creerDepartement(a.page, `Département du Gers ${randomBytes(2).toString('hex')}`, '32');
		const b = await personne('Bruno Garnier');
		await creerDepartement(b.page, `Département de la Creuse ${randomBytes(2).toString('hex')}`, '23');
		const cookies = (await b.contexte.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const origine = new URL(baseURL()).origin;
		const poster = (action: string, corps: Record<string, string>) =>
			fetch(new URL(`${cheminA}/membres?/${action}`, baseURL()), {
				method: 'POST',
				redirect: 'manual',
				headers: { cookie: cookies, origin: origine, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams(corps)
			});
		for (const [action, corps] of [
			['inviter', { courriel: 'intrus@exemple.test', role: 'proprietaire' }],
			['retirer', { membre: 'x' }],
			['role', { membre: 'x', role: 'proprietaire' }],
			['revoquer', { invitation: '1' }],
			['traiter', { demande: '1', decision: 'accepter' }]
		] as const) {
			expect((await poster(action, corps)).status, action).toBe(403);
		}
		const modifier = await fetch(new URL(`${cheminA}/modifier`, baseURL()), {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: cookies, origin: origine, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ nom: 'Pris', type: 'departement', departement: '23' })
		});
		expect(modifier.status).toBe(403);
		await a.page.goto(cheminA);
		expect(await a.page.locator('h1').textContent()).toContain('Département du Gers');
		await a.contexte.close();
		await b.contexte.close();
	});

	it('explains bad input on the organisation form and keeps what was typed', async () => {
		const agent = await personne('Inès Roux');
		const page = agent.page;
		await page.goto('/organisations/nouvelle');
		await soumettre(page, 'Créer l’organisation');
		expect(await page.locator('#champ-nom-erreur').textContent()).toContain('Indiquez le nom');
		expect(await page.locator('#champ-type-erreur').textContent()).toContain('Choisissez le type');
		await verifierAccessibilite(page);

		await page.getByLabel('Nom', { exact: true }).fill('Commune <b>test</b>');
		await page.getByLabel('Type d’organisation').selectOption({ label: 'Commune ou intercommunalité' });
		await page.getByLabel(/^Code de la commune/).fill('99999');
		await soumettre(page, 'Créer l’organisation');
		expect(await page.locator('#champ-nom-erreur').textContent()).toContain('ne peut contenir');
		expect(await page.locator('#champ-commune-erreur').textContent()).toContain('ne correspond à aucune commune');
		expect(await page.getByLabel(/^Code de la commune/).inputValue()).toBe('99999');

		await page.getByLabel('Nom', { exact: true }).fill('Collectivité partenaire de test');
		await page.getByLabel('Type d’organisation').selectOption({ label: 'Collectivité partenaire à l’étranger' });
		await page.getByLabel(/^Pays/).selectOption({ value: 'FR' });
		await soumettre(page, 'Créer l’organisation');
		expect(await page.locator('#champ-pays-erreur').textContent()).toContain('n’est pas en France');
		await page.getByLabel(/^Pays/).selectOption({ value: 'SN' });
		await soumettre(page, 'Créer l’organisation');
		await page.waitForURL('**?creee');
		expect(await page.locator('.identite').textContent()).toContain('Sénégal');
		await agent.contexte.close();
	});
});
