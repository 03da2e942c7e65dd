// Evaluating impacts here and there, without JavaScript: the pilot's plan asks its
// questions; an evaluation answers them with findings and a judgement on the stated scale,
// records impacts on each side, and follows its recommendations to the decisions taken.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerDepartement, creerProjet, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { lancerNavigateur, texte, verifierAccessibilite } from './navigateur.ts';

const QUESTION = 'Dans quelle mesure les professionnels du Département ont-ils changé leurs pratiques ?';

let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
const suffixe = randomBytes(2).toString('hex');

beforeAll(async () => {
	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Hélène Vidal');
	page = pilote.page;
	await creerDepartement(page, `Département de la Lozère ${suffixe}`, '48');
	projet = await creerProjet(page, `Regards croisés ${suffixe}`);
	await page.goto(`${projet}/evaluation`);
	await page.getByLabel('Question', { exact: true }).first().fill(QUESTION);
	await page.getByLabel('Méthode').first().fill('Entretiens avec les travailleurs sociaux');
	await soumettre(page, 'Enregistrer');
	await page.waitForURL(`**${projet}/evaluation?enregistre=*#message-section`);
});
afterAll(async () => {
	await pilote?.contexte.close();
	await navigateur?.close();
});

describe('an evaluation', () => {
	it('is started from the project, refused without its title', async () => {
		await page.goto(projet);
		await page.getByRole('navigation', { name: 'Le projet' }).getByRole('link', { name: 'Évaluations' }).click();
		await page.waitForURL(`**${projet}/evaluations`);
		await page.getByLabel('Titre').fill('  ');
		await soumettre(page, 'Commencer l’évaluation');
		expect(await texte(page.getByRole('alert'))).toContain('Donnez un titre à l’évaluation');
		expect(await texte(page.locator('main'))).toContain('Aucune évaluation pour l’instant.');
		await page.getByLabel('Type').selectOption('mi-parcours');
		await page.getByLabel('Titre').fill('Évaluation à mi-parcours, juin 2027');
		await Promise.all([page.waitForURL('**/evaluations/*?creee'), soumettre(page, 'Commencer l’évaluation')]);
		expect(await texte(page.getByRole('heading', { level: 1 }))).toBe('Évaluation à mi-parcours, juin 2027');
		await verifierAccessibilite(page);
	});

	it('answers the plan’s question with a finding and a judgement, established with the people concerned', async () => {
		const q = () => page.getByRole('region', { name: QUESTION, exact: true });
		await q().getByRole('button', { name: /^Enregistrer le constat/ }).click();
		await page.waitForLoadState();
		expect(await texte(q().getByRole('alert'))).toContain('Écrivez ce que l’évaluation a établi');
		await q().getByLabel('Constat').fill('Les équipes d’action sociale ont repris la méthode des groupes de parole observée à Ziguinchor.');
		await q().getByLabel('Jugement').selectOption('satisfaisant');
		await q().getByLabel('Avec qui il a été établi').fill('Douze travailleurs sociaux et six familles accompagnées');
		await q().getByLabel('Les personnes concernées y ont participé, avec leur consentement').check();
		await Promise.all([page.waitForURL('**?constat=*'), q().getByRole('button', { name: /^Enregistrer le constat/ }).click()]);
		const lu = await texte(q());
		expect(lu).toContain('Jugement : Satisfaisant.');
		expect(lu).toContain('dont les personnes concernées, avec leur consentement');
		// What supports the finding: the interviews' minutes, as a link, without JavaScript.
		const appui = () => q().getByRole('region', { name: /^Fichiers et liens à l’appui \(\d+\)/ });
		await appui().getByText('Ajouter une preuve').click();
		await appui().getByLabel('Titre').fill('Comptes rendus des entretiens');
		await appui().getByLabel('Ou un lien').fill('https://exemple.test/entretiens-2027');
		await Promise.all([page.waitForURL('**preuve=ajoutee**'), appui().getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
		expect(await texte(appui())).toContain('Comptes rendus des entretiens');
		expect(await appui().getByRole('link', { name: /Comptes rendus des entretiens/ }).getAttribute('href')).toBe('https://exemple.test/entretiens-2027');
		await verifierAccessibilite(page);
	});

	it('records impacts here and there, intended or not, positive or negative', async () => {
		const impacts = () => page.getByRole('region', { name: 'Impacts ici et là-bas' });
		expect(await texte(impacts())).toContain('Aucun impact relevé en France');
		await soumettre(page, 'Ajouter l’impact');
		expect(await texte(page.getByRole('alert'))).toContain('Dites de quel côté cet impact a été observé.');
		await page.getByLabel('Côté').selectOption('ici');
		await page.getByLabel('Impact', { exact: true }).fill('Les agents du Département animent désormais des groupes de parole.');
		await page.getByLabel('Attendu ou non').selectOption('non');
		await page.getByLabel('Positif ou négatif').selectOption('oui');
		await Promise.all([page.waitForURL('**?impact#impacts'), soumettre(page, 'Ajouter l’impact')]);
		expect(await texte(impacts())).toContain('Les agents du Département animent désormais des groupes de parole. (inattendu, positif)');
		expect(await texte(impacts())).not.toContain('Aucun impact relevé en France');
	});

	it('follows a recommendation to the decision taken and until it is done', async () => {
		// A browser's date field cannot send 30 February; a hand-made request can, and is refused.
		const refus = await page.request.post(`${page.url().split('?')[0]}?/recommander`, { form: { recommandation: 'Intruse', echeance: '2027-02-30', statut: 'a-decider' }, headers: { origin: new URL(page.url()).origin } });
		expect(refus.status()).toBe(400);
		expect(await refus.text()).toContain('Indiquez une date valide');
		await page.getByLabel('Recommandation', { exact: true }).last().fill('Former les équipes des deux territoires à l’animation des groupes de parole.');
		await page.getByLabel('Échéance').last().fill('2027-09-30');
		await Promise.all([page.waitForURL('**?recommandation#recommandations'), soumettre(page, 'Ajouter la recommandation')]);
		const recos = () => page.getByRole('region', { name: 'Recommandations et décisions' });
		expect(await texte(recos())).toContain('À décider, pour le 30 septembre 2027.');
		expect(await texte(recos())).not.toContain('Intruse');
		// The project's home says a recommendation waits.
		const ici = page.url();
		await page.goto(projet);
		expect(await texte(page.locator('main'))).toContain('Une recommandation d’évaluation est à décider ou en cours.');
		await page.goto(ici);
		await recos().locator('summary').first().click();
		await recos().getByLabel('Décision prise').first().fill('Deux sessions de formation croisée, l’une à Mende, l’autre à Ziguinchor.');
		await recos().getByLabel('Qui la porte').first().fill('Service de l’action sociale');
		await recos().getByLabel('État').first().selectOption('faite');
		await Promise.all([page.waitForURL('**?recommandation#recommandations'), recos().getByRole('button', { name: /^Enregistrer la recommandation/ }).click()]);
		expect(await texte(recos())).toContain('Faite — Deux sessions de formation croisée, l’une à Mende, l’autre à Ziguinchor. (Service de l’action sociale), pour le 30 septembre 2027.');
		await verifierAccessibilite(page);
		await page.setViewportSize({ width: 320, height: 640 });
		await page.reload();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('collects stories of change only with consent, and keeps the team’s selection with its reason', async () => {
		await page.goto(`${projet}/evaluations`);
		await page.getByLabel('Domaine de changement').fill('Pratiques professionnelles');
		await page.getByLabel('Récit', { exact: true }).fill('Avant, je recevais les familles seule. Maintenant nous nous asseyons en cercle, comme à Ziguinchor.');
		await page.getByLabel('Raconté par').fill('Une travailleuse sociale de Mende');
		await page.getByLabel('Côté').selectOption('ici');
		await soumettre(page, 'Enregistrer le récit');
		expect(await texte(page.getByRole('alert'))).toContain('Un récit ne s’enregistre qu’avec le consentement');
		expect(await texte(page.locator('main'))).toContain('Aucun récit recueilli pour l’instant.');
		expect(await page.getByLabel('Récit', { exact: true }).inputValue()).toContain('en cercle');
		await page.getByLabel('La personne a consenti à ce que son récit soit utilisé').check();
		await Promise.all([page.waitForURL('**?recit#recits'), soumettre(page, 'Enregistrer le récit')]);
		const recit = () => page.getByRole('article', { name: /Raconté par Une travailleuse sociale de Mende/ });
		await recit().getByLabel('Retenu parmi les changements les plus significatifs').check();
		await recit().getByRole('button', { name: /^Enregistrer la sélection/ }).click();
		await page.waitForLoadState();
		expect(await texte(recit().getByRole('alert'))).toContain('Dites pourquoi l’équipe retient ce récit');
		await recit().getByLabel('Pourquoi le retenir').fill('Le changement vient de la coopération et touche le service entier.');
		await Promise.all([page.waitForURL('**?selection#recit-*'), recit().getByRole('button', { name: /^Enregistrer la sélection/ }).click()]);
		expect(await texte(recit())).toContain('retenu par l’équipe');
		expect(await texte(recit())).toContain('Pourquoi il est retenu : Le changement vient de la coopération et touche le service entier.');
		await verifierAccessibilite(page);
	});
});
