// Accounts for the browser tests: signed up and confirmed through the real forms and the mail
// received by the test SMTP server.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { baseURL, nouveauContexte } from './navigateur.ts';

export const MOT_DE_PASSE = 'velo rouge sous la pluie de Nantes';
export const boite = () => inject('boiteAuxLettres');

/** A fresh address: the name without accents, and a random part. */
export const adresse = (nom: string, domaine = 'exemple.test') =>
	`${nom.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}@${domaine}`;

/** Clicks a button of the page's main content and waits for the answer. */
export async function soumettre(page: Page, bouton: string | RegExp) {
	await Promise.all([page.waitForLoadState('load'), page.locator('main').getByRole('button', { name: bouton }).first().click()]);
}

export async function remplir(page: Page, champs: Record<string, string>) {
	for (const [libelle, valeur] of Object.entries(champs)) await page.getByLabel(libelle, { exact: true }).fill(valeur);
}

/** Signs up and confirms through the mail: the account is ready and signed in. */
/** `serveur`: a test server of its own (its address and mailbox) instead of the shared one. */
export type Serveur = { url: string; boiteAuxLettres: string };

export async function inscrireEtConfirmer(page: Page, courriel: string, nom = 'Camille Martin', motDePasse = MOT_DE_PASSE, serveur?: Serveur) {
	const depuis = Date.now();
	await page.goto('/inscription');
	await remplir(page, { Nom: nom, 'Adresse électronique': courriel, 'Mot de passe': motDePasse, 'Confirmation du mot de passe': motDePasse });
	await soumettre(page, 'Créer mon compte');
	const mail = await attendreCourriel(serveur?.boiteAuxLettres ?? boite(), courriel, /Confirmez votre adresse/, depuis);
	await page.goto(lienDe(mail, serveur?.url ?? baseURL()));
	await page.waitForURL('**/compte**');
}

/** A new person in their own browser context without JavaScript, signed in. */
export async function nouvellePersonne(navigateur: Browser, nom: string, courriel = adresse(nom.split(' ')[0]!), serveur?: Serveur) {
	const contexte = await nouveauContexte(navigateur, { javaScriptEnabled: false, ...(serveur ? { baseURL: serveur.url } : {}) });
	const page = await contexte.newPage();
	await inscrireEtConfirmer(page, courriel, nom, MOT_DE_PASSE, serveur);
	return { contexte, page, courriel };
}

export async function seConnecter(page: Page, courriel: string, motDePasse = MOT_DE_PASSE) {
	await page.goto('/connexion');
	await remplir(page, { 'Adresse électronique': courriel, 'Mot de passe': motDePasse });
	await soumettre(page, 'Se connecter');
}

/** Creates a Département organisation through its form; answers its address. */
export async function creerDepartement(page: Page, nom: string, departement: string) {
	await page.goto('/organisations');
	await page.getByRole('link', { name: 'Créer une organisation' }).click();
	await page.getByLabel('Nom', { exact: true }).fill(nom);
	await page.getByLabel('Type d’organisation').selectOption({ label: 'Département' });
	await page.getByLabel(/^Département \(pour un Département\)/).selectOption({ value: departement });
	await soumettre(page, 'Créer l’organisation');
	await page.waitForURL('**/organisations/**?creee');
	return new URL(page.url()).pathname;
}

/** Creates a project carried by the person's first organisation; answers its address. */
export async function creerProjet(page: Page, titre: string) {
	await page.goto('/projets/nouveau');
	await page.getByLabel('Titre du projet').fill(titre);
	await soumettre(page, 'Créer le projet');
	await page.waitForURL('**/projets/*?cree');
	return new URL(page.url()).pathname;
}

/** Sets the project's planned dates through « Identité du projet ». */
export async function datesDuProjet(page: Page, projet: string, debut: string, fin: string) {
	await page.goto(`${projet}/identite`);
	await page.getByLabel('Début prévu').fill(debut);
	await page.getByLabel('Fin prévue').fill(fin);
	await soumettre(page, 'Enregistrer');
	await page.waitForURL(`**${projet}/identite?enregistre=*`);
}

/** Writes one activity in « Activités et calendrier », with its planned dates. */
export async function ajouterActivite(page: Page, projet: string, activite: string, debut: string, fin: string) {
	await page.goto(`${projet}/calendrier`);
	await page.getByLabel('Activité', { exact: true }).first().fill(activite);
	await page.getByLabel('Début').first().fill(debut);
	await page.getByLabel('Fin').first().fill(fin);
	await soumettre(page, 'Enregistrer');
	await page.waitForURL(`**${projet}/calendrier?enregistre=*#message-section`);
}
