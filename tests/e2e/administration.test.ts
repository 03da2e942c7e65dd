// The admin area and « Mes données » in a real browser without JavaScript. The test server
// names admin-e2e@terrinclus.test an administrator (ADMINISTRATEURS).
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nouvellePersonne, seConnecter, soumettre } from './comptes-de-test.ts';
import { lancerNavigateur, texte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const personne = (nom: string, courriel?: string) => nouvellePersonne(navigateur, nom, courriel);

describe('the admin area', () => {
	it('makes an editor, deactivates and reactivates an account, and shows it all in the security log', async () => {
		const admin = await personne('Admin Terrinclus', 'admin-e2e@terrinclus.test');
		const lea = await personne('Léa Éditrice');
		const page = admin.page;

		await page.goto('/compte');
		await page.getByRole('link', { name: 'Administration de la plateforme' }).click();
		await page.waitForURL('**/admin');
		await verifierAccessibilite(page);
		await page.getByRole('link', { name: 'Comptes' }).click();
		await page.getByLabel('Rechercher par nom ou adresse').fill(lea.courriel);
		await Promise.all([page.waitForURL('**/admin/utilisateurs?q=**'), page.locator('main').getByRole('button', { name: 'Rechercher' }).click()]);
		expect(await page.getByRole('status').textContent()).toContain('1 compte');
		await verifierAccessibilite(page);

		// Editor: the drafts of the kit become readable.
		expect((await lea.page.goto(`/fiches/${inject('ficheBrouillon')}`))?.status()).toBe(404);
		await page.getByLabel('Rôle de Léa Éditrice').selectOption('editeur');
		await soumettre(page, /Changer/);
		expect(await texte(page.getByRole('status').first())).toContain('« editeur »');
		expect((await lea.page.goto(`/fiches/${inject('ficheBrouillon')}`))?.status()).toBe(200);
		// …and the search shows them, marked as drafts.
		await lea.page.goto(`/recherche?q=${encodeURIComponent('fiche encore en brouillon')}`);
		const carte = lea.page.locator('article.carte', { hasText: 'Une fiche encore en brouillon' });
		expect(await carte.textContent()).toContain('Brouillon');

		// Deactivated: signed out at once, and refused at sign-in with a clear message.
		await page.goto(`/admin/utilisateurs?q=${encodeURIComponent(lea.courriel)}`);
		await soumettre(page, /^Désactiver/);
		expect(await page.getByRole('status').first().textContent()).toContain('est désactivé');
		await lea.page.goto('/compte');
		await lea.page.waitForURL('**/connexion?suite=/compte');
		await seConnecter(lea.page, lea.courriel);
		expect(await lea.page.getByRole('alert').textContent()).toContain('Ce compte a été désactivé');

		await page.goto(`/admin/utilisateurs?q=${encodeURIComponent(lea.courriel)}`);
		await soumettre(page, /^Réactiver/);
		await seConnecter(lea.page, lea.courriel);
		await lea.page.waitForURL('**/compte');

		await page.goto('/admin/organisations');
		await verifierAccessibilite(page);

		// The log, filtered.
		await page.goto('/admin/journal');
		await page.getByLabel('Type d’événement').selectOption({ label: 'Compte désactivé' });
		await soumettre(page, 'Filtrer');
		const ligne = page.getByRole('row', { name: /Compte désactivé/ });
		expect(await ligne.count()).toBeGreaterThanOrEqual(1);
		expect(await ligne.first().textContent()).toContain(lea.courriel);
		await verifierAccessibilite(page);
		// Cannot demote nor deactivate oneself.
		await page.goto('/admin/utilisateurs?q=admin-e2e');
		expect(await page.getByText('Administrateur (vous)').count()).toBe(1);
		expect(await page.getByRole('button', { name: /^Désactiver/ }).count()).toBe(0);
		await lea.contexte.close();
		await admin.contexte.close();
	});
});

describe('my data', () => {
	it('downloads everything about me as JSON, then deletes my account for good', async () => {
		const moi = await personne('Marc Lenoir');
		const page = moi.page;
		await page.goto('/organisations/nouvelle');
		await page.getByLabel('Nom', { exact: true }).fill(`Association Lenoir ${randomBytes(2).toString('hex')}`);
		await page.getByLabel('Type d’organisation').selectOption({ label: 'Association' });
		await page.getByLabel(/^Pays/).selectOption({ value: 'FR' });
		await soumettre(page, 'Créer l’organisation');
		const organisation = new URL(page.url()).pathname;

		await page.goto('/compte');
		await page.getByRole('link', { name: 'Télécharger mes données ou supprimer mon compte' }).click();
		await page.waitForURL('**/compte/donnees');
		await verifierAccessibilite(page);
		const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click()]);
		expect(telechargement.suggestedFilename()).toMatch(/^terrinclus-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
		const donnees = JSON.parse(await (await telechargement.createReadStream()).toArray().then((m) => Buffer.concat(m as Buffer[]).toString('utf8')));
		expect(donnees.compte.courriel).toBe(moi.courriel);
		expect(donnees.organisations[0].organisation).toMatch(/^Association Lenoir/);
		expect(donnees.sessions.length).toBeGreaterThan(0);
		expect(JSON.stringify(donnees)).not.toMatch(/scrypt|password|mot_de_passe|session_token/i);

		await page.getByLabel('Confirmation').fill('une-autre@exemple.test');
		await soumettre(page, 'Supprimer définitivement mon compte');
		expect(await page.locator('#champ-confirmation-erreur').textContent()).toContain('Recopiez exactement votre adresse');
		await page.getByLabel('Confirmation').fill(moi.courriel);
		await soumettre(page, 'Supprimer définitivement mon compte');
		await page.waitForURL('**/?compte-supprime');
		expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
		// Gone: the account cannot sign in, its lone organisation is gone too.
		await seConnecter(page, moi.courriel);
		expect(await page.getByRole('alert').textContent()).toContain('incorrect');
		expect((await page.goto(organisation))?.status()).toBe(404);
		await moi.contexte.close();
	});
});
