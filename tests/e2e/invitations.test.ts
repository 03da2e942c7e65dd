// What new users found clumsy around organisations and invitations, in a real browser without
// JavaScript, with the app's mails received by the test SMTP server: duplicate organisations,
// invitations that pile up, and the partner's path from the invitation mail to the project.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreCourriel, courrielsPour, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, boite, creerDepartement, creerProjet, MOT_DE_PASSE, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const suffixe = () => randomBytes(2).toString('hex');
const origine = () => new URL(baseURL()).origin;

/** Posts a form with a context's cookies, as its browser would. */
async function poster(contexte: BrowserContext, chemin: string, corps: Record<string, string>) {
	const cookie = (await contexte.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	return fetch(new URL(chemin, baseURL()), {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: origine(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(corps)
	});
}

async function creerAssociation(page: Page, nom: string, pays = 'FR') {
	await page.goto('/organisations/nouvelle');
	await page.getByLabel('Nom', { exact: true }).fill(nom);
	await page.getByLabel('Type d’organisation').selectOption({ label: 'Association' });
	await page.getByLabel(/^Pays/).selectOption({ value: pays });
	await soumettre(page, 'Créer l’organisation');
}

describe('a second organisation for the same body', () => {
	it('is refused for a Département, whatever its name, and offers to ask to join the existing one', async () => {
		const premiere = await nouvellePersonne(navigateur, 'Gwenaëlle Morvan');
		const chemin = await creerDepartement(premiere.page, `Département du Calvados ${suffixe()}`, '14');
		const seconde = await nouvellePersonne(navigateur, 'Loïc Hamon');
		const page = seconde.page;
		await page.goto('/organisations/nouvelle');
		await page.getByLabel('Nom', { exact: true }).fill('CONSEIL DEPARTEMENTAL DU CALVADOS');
		await page.getByLabel('Type d’organisation').selectOption({ label: 'Département' });
		await page.getByLabel(/^Département \(pour un Département\)/).selectOption({ value: '14' });
		await soumettre(page, 'Créer l’organisation');
		const alerte = page.getByRole('alert');
		expect(await alerte.textContent()).toContain('Cette organisation existe déjà sur Terrinclus');
		expect(await alerte.getByRole('link', { name: /Département du Calvados/ }).getAttribute('href')).toBe(chemin);
		// What was typed stays, and there is no way to create it anyway.
		expect(await page.getByLabel('Nom', { exact: true }).inputValue()).toBe('CONSEIL DEPARTEMENTAL DU CALVADOS');
		expect(await page.getByRole('checkbox', { name: /autre organisation/ }).count()).toBe(0);
		await verifierAccessibilite(page);
		// Forcing it by hand does not help.
		const force = await poster(seconde.contexte, '/organisations/nouvelle', { nom: 'Calvados', type: 'departement', departement: '14', autre: '1,2,3' });
		expect(force.status).toBe(409);
		// « Demander à rejoindre » is the existing request to join.
		await soumettre(page, /Demander à rejoindre/);
		expect(await page.getByRole('status').textContent()).toContain('Votre demande a été envoyée aux gestionnaires');
		expect(new URL(page.url()).pathname).toBe(chemin);
		await premiere.page.goto(`${chemin}/membres`);
		expect(await premiere.page.getByText('Loïc Hamon').count()).toBeGreaterThan(0);
		await page.goto(`/organisations?q=${encodeURIComponent('Calvados')}`);
		expect(await page.getByRole('link', { name: /Calvados/i }).count()).toBe(1);
		await seconde.contexte.close();
		await premiere.contexte.close();
	});

	it('is announced for an association of the same name and country, and created once confirmed', async () => {
		const nom = `Amitié Rennes–Thiès ${suffixe()}`;
		const a = await nouvellePersonne(navigateur, 'Annaïg Le Roux');
		await creerAssociation(a.page, nom);
		await a.page.waitForURL('**?creee');
		const b = await nouvellePersonne(navigateur, 'Jean Thomas');
		// Without case nor accents nor punctuation: the same name.
		await creerAssociation(b.page, nom.toUpperCase().replace('É', 'E').replace('–', ' - '));
		const alerte = b.page.getByRole('alert');
		expect(await alerte.textContent()).toContain('Une organisation porte déjà ce nom');
		expect(await alerte.getByRole('link', { name: nom }).count()).toBe(1);
		expect(await alerte.getByRole('button', { name: `Demander à rejoindre « ${nom} »` }).count()).toBe(1);
		await verifierAccessibilite(b.page);
		// It is really another body: confirmed, created.
		await b.page.getByRole('checkbox', { name: /C’est une autre organisation/ }).check();
		await soumettre(b.page, 'Créer l’organisation');
		await b.page.waitForURL('**?creee');
		// In another country, the same name is no question.
		await creerAssociation(b.page, nom, 'SN');
		await b.page.waitForURL('**?creee');
		await a.contexte.close();
		await b.contexte.close();
	});
});

describe('an invitation', () => {
	it('is refused to oneself, to a member, and to an address already invited in another case, for organisations and projects', async () => {
		const pilote = await nouvellePersonne(navigateur, 'Morgane Riou');
		const chemin = await creerDepartement(pilote.page, `Département de l’Eure ${suffixe()}`, '27');
		const collegue = await nouvellePersonne(navigateur, 'Ronan Cadiou');
		const page = pilote.page;
		const inviter = async (courriel: string) => {
			await page.getByLabel('Adresse électronique', { exact: true }).fill(courriel);
			await soumettre(page, 'Envoyer l’invitation');
		};
		const erreur = () => page.locator('#invitation-courriel-erreur, #champ-courriel-erreur').textContent();

		// The organisation's members page.
		await page.goto(`${chemin}/membres`);
		await inviter(pilote.courriel.toUpperCase());
		expect(await erreur()).toContain('C’est votre propre adresse');
		await verifierAccessibilite(page);
		const invite = adresse('invite', 'evreux.test');
		await inviter(invite);
		expect(await page.getByRole('status').textContent()).toContain(`Invitation envoyée à ${invite}`);
		await inviter(invite.replace('invite', 'INVITE'));
		expect(await erreur()).toContain(`Une invitation est déjà en attente pour ${invite}, valable jusqu’au`);
		expect(await page.getByText(`${invite} (Membre)`).count()).toBe(1);
		// A member, in another case.
		await collegue.page.goto(chemin);
		await soumettre(collegue.page, 'Demander à rejoindre');
		await page.goto(`${chemin}/membres`);
		await soumettre(page, /^Accepter/);
		await inviter(collegue.courriel.toUpperCase());
		expect(await erreur()).toContain(`${collegue.courriel} est déjà membre de l’organisation.`);
		// Two posts at once: one invitation.
		const double = adresse('double');
		const [r1, r2] = await Promise.all([poster(pilote.contexte, `${chemin}/membres?/inviter`, { courriel: double, role: 'membre' }), poster(pilote.contexte, `${chemin}/membres?/inviter`, { courriel: double.toUpperCase(), role: 'membre' })]);
		expect([r1.status, r2.status].sort()).toEqual([200, 409]);
		await page.goto(`${chemin}/membres`);
		expect(await page.getByText(`${double} (Membre)`).count()).toBe(1);
		// Revoked, the address may be invited again.
		await soumettre(page, new RegExp(`Révoquer.*${invite}`));
		await page.goto(`${chemin}/membres`);
		await inviter(invite);
		expect(await page.getByRole('status').textContent()).toContain(`Invitation envoyée à ${invite}`);

		// The project's team page.
		const projet = await creerProjet(page, `Projet Évreux–Dakar ${suffixe()}`);
		await page.goto(`${projet}/equipe`);
		await inviter(pilote.courriel);
		expect(await erreur()).toContain('C’est votre propre adresse : vous faites déjà partie de l’équipe du projet.');
		const partenaire = adresse('aminata', 'dakar.test');
		await inviter(partenaire);
		await inviter(partenaire.toUpperCase());
		expect(await erreur()).toContain(`Une invitation est déjà en attente pour ${partenaire}`);
		expect(await page.locator('section[aria-labelledby="titre-invitations"] li', { hasText: partenaire }).count()).toBe(1);
		await verifierAccessibilite(page);
		await collegue.contexte.close();
		await pilote.contexte.close();
	});
});

describe('the partner’s path', () => {
	it('goes from the invitation mail to the project in one sign-up, the address confirmed by the invitation, no second mail', async () => {
		const pilote = await nouvellePersonne(navigateur, 'Klervi Nicolas');
		await creerDepartement(pilote.page, `Département de la Seine-Maritime ${suffixe()}`, '76');
		const projet = await creerProjet(pilote.page, `Projet Rouen–Saint-Louis ${suffixe()}`);
		const partenaire = adresse('ndeye', 'saint-louis.test');
		let depuis = Date.now();
		await pilote.page.goto(`${projet}/equipe`);
		await pilote.page.getByLabel('Adresse électronique', { exact: true }).fill(partenaire);
		await soumettre(pilote.page, 'Envoyer l’invitation');
		const mail = await attendreCourriel(boite(), partenaire, /Invitation au projet/, depuis);
		expect(mail.texte).toContain('cette adresse sera confirmée du même coup');

		const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const page = await contexte.newPage();
		await page.goto(lienDe(mail, baseURL()));
		// No account for this address: « Créer un compte » comes first.
		const actions = page.locator('main .actions-formulaire a');
		expect(await actions.first().textContent()).toBe('Créer un compte');
		await verifierAccessibilite(page);
		await actions.first().click();
		await page.waitForURL('**/inscription?suite=**');
		// The address is the invited one, shown and explained.
		const champ = page.getByLabel('Adresse électronique', { exact: true });
		expect(await champ.inputValue()).toBe(partenaire);
		expect(await champ.getAttribute('readonly')).not.toBeNull();
		expect(await page.locator('main').textContent()).toContain('le lien que vous avez ouvert la confirme déjà');
		await verifierAccessibilite(page);
		depuis = Date.now();
		await page.getByLabel('Nom', { exact: true }).fill('Ndèye Fall');
		await page.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(page, 'Créer mon compte');
		// Signed in, in the team, on the project.
		await page.waitForURL(`**${projet}?bienvenue`);
		expect(await texte(page.locator('main'))).toContain('votre rôle : Contributeur·rice');
		expect(await page.getByRole('link', { name: /Mon compte/ }).count()).toBe(1);
		// No confirmation mail: the sign-up answered after any mail it sent.
		expect(courrielsPour(boite(), partenaire).filter((c) => c.recuLe >= depuis)).toEqual([]);
		// The invitation is used.
		await page.goto(new URL(lienDe(mail, baseURL())).pathname);
		expect(await page.getByText('Cette invitation a déjà été acceptée.').count()).toBe(1);

		// The security log says how the address was confirmed.
		const admin = await nouvellePersonne(navigateur, 'Admin Parcours', 'admin-parcours@terrinclus.test');
		await admin.page.goto('/admin/journal?evenement=courriel-verifie-invitation');
		expect(await admin.page.getByRole('row', { name: new RegExp(partenaire.replace(/[.]/g, '\\.')) }).count()).toBe(1);
		await admin.contexte.close();
		await contexte.close();
		await pilote.contexte.close();
	});

	it('confirms by mail as usual when the sign-up address is not the invited one, or the invitation no longer valid', async () => {
		const pilote = await nouvellePersonne(navigateur, 'Tristan Le Gall');
		const chemin = await creerDepartement(pilote.page, `Département de la Somme ${suffixe()}`, '80');
		const invitee = adresse('awa', 'ziguinchor.test');
		const depuis = Date.now();
		await pilote.page.goto(`${chemin}/membres`);
		await pilote.page.getByLabel('Adresse électronique', { exact: true }).fill(invitee);
		await soumettre(pilote.page, 'Envoyer l’invitation');
		const lien = new URL(lienDe(await attendreCourriel(boite(), invitee, /Invitation à rejoindre/, depuis), baseURL())).pathname;
		const visiteur = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		// Another address posted through the invitation's sign-up: the usual confirmation mail.
		const autre = adresse('autre', 'ziguinchor.test');
		const d1 = Date.now();
		const r = await poster(visiteur, `/inscription?suite=${encodeURIComponent(lien)}`, { nom: 'Autre Personne', courriel: autre, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE });
		expect(r.status).toBe(200);
		expect(await r.text()).toContain('Vérifiez votre boîte de réception');
		await attendreCourriel(boite(), autre, /Confirmez votre adresse/, d1);
		// The invitation is still waiting for its address.
		const p = await visiteur.newPage();
		await p.goto(lien);
		expect(await p.locator('main').textContent()).toContain('Vous êtes invité·e à rejoindre');
		// Revoked: signing up through its link is an ordinary sign-up.
		await pilote.page.goto(`${chemin}/membres`);
		await soumettre(pilote.page, /Révoquer/);
		const d2 = Date.now();
		const r2 = await poster(visiteur, `/inscription?suite=${encodeURIComponent(lien)}`, { nom: 'Awa Diop', courriel: invitee, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE });
		expect(r2.status).toBe(200);
		await attendreCourriel(boite(), invitee, /Confirmez votre adresse/, d2);
		await visiteur.close();
		await pilote.contexte.close();
	});

	it('offers « Se connecter » first when the invited address already has an account', async () => {
		const pilote = await nouvellePersonne(navigateur, 'Mathilde Jaouen');
		const chemin = await creerDepartement(pilote.page, `Département de l’Oise ${suffixe()}`, '60');
		const existante = await nouvellePersonne(navigateur, 'Ousmane Sow');
		const depuis = Date.now();
		await pilote.page.goto(`${chemin}/membres`);
		await pilote.page.getByLabel('Adresse électronique', { exact: true }).fill(existante.courriel);
		await soumettre(pilote.page, 'Envoyer l’invitation');
		const lien = lienDe(await attendreCourriel(boite(), existante.courriel, /Invitation à rejoindre/, depuis), baseURL());
		const visiteur = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const p = await visiteur.newPage();
		await p.goto(lien);
		expect(await p.locator('main .actions-formulaire a').first().textContent()).toBe('Se connecter');
		expect(await p.getByRole('link', { name: 'Créer un compte' }).count()).toBe(0);
		await visiteur.close();
		await existante.contexte.close();
		await pilote.contexte.close();
	});
});
