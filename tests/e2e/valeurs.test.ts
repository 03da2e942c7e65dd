// Following indicators on both sides: the partner abroad, on a 320 px phone, enters the
// là-bas values; the French team the ici ones, without JavaScript; the pilot returns one value
// with a note, validates the rest and locks the period. Bad input is refused in French.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, boite, creerDepartement, creerProjet, datesDuProjet, MOT_DE_PASSE, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

const EMPLOI = 'Jeunes en emploi ou en formation six mois après';
const ACCUEIL = 'Jeunes accueillis en chantier à Ziguinchor';

let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
let cp: BrowserContext;
let partenaire: Page;
let periode: string;
const suffixe = randomBytes(2).toString('hex');

beforeAll(async () => {
	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Lucie Fabre');
	page = pilote.page;
	await creerDepartement(page, `Département des Hautes-Pyrénées ${suffixe}`, '65');
	projet = await creerProjet(page, `Chantiers croisés ${suffixe}`);
});
afterAll(async () => {
	await cp?.close();
	await pilote?.contexte.close();
	await navigateur?.close();
});

/** One indicator's series on the period page: « Ici (France) » or « Là-bas (partenaire) ». */
const serie = (p: Page, indicateur: string, cote: string): Locator => p.getByRole('region', { name: indicateur, exact: true }).getByRole('region', { name: cote, exact: true });

describe('indicator values on both sides', () => {
	it('are prepared by the pilot: the project’s dates, two indicators, the quarters', async () => {
		await datesDuProjet(page, projet, '2027-01-01', '2027-06-30');

		await page.goto(`${projet}/cadre-logique`);
		await page.getByLabel('Indicateur', { exact: true }).first().fill(EMPLOI);
		await page.getByLabel('Type', { exact: true }).first().selectOption('pourcentage');
		await page.getByLabel('Côté', { exact: true }).first().selectOption('les-deux');
		await page.getByLabel('Situation de départ').first().fill('35');
		await page.getByLabel('Cible en fin de projet').first().fill('60 %');
		await soumettre(page, 'Ajouter une ligne à « Indicateurs »');
		await page.getByLabel('Indicateur', { exact: true }).nth(1).fill(ACCUEIL);
		await page.getByLabel('Type', { exact: true }).nth(1).selectOption('nombre');
		await page.getByLabel('Unité').nth(1).fill('jeunes');
		await page.getByLabel('Cumul des périodes').nth(1).selectOption('somme');
		await page.getByLabel('Côté', { exact: true }).nth(1).selectOption('la-bas');
		await page.getByLabel('Cible en fin de projet').nth(1).fill('24');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/cadre-logique?enregistre=*#message-section`);

		// One activity, late already (it was planned to end in 2025), and a milestone.
		await page.goto(`${projet}/calendrier`);
		await page.getByLabel('Activité', { exact: true }).first().fill('Chantier solidaire de printemps');
		await page.getByLabel('Début').first().fill('2025-03-01');
		await page.getByLabel('Fin').first().fill('2025-05-31');
		await page.getByLabel('Jalon', { exact: true }).first().fill('Signature de la convention');
		await page.getByLabel('Date prévue').first().fill('2025-01-15');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/calendrier?enregistre=*#message-section`);

		// A budget line on each side, one in CFA francs.
		await page.goto(`${projet}/budget`);
		await page.getByLabel('Catégorie').first().selectOption('deplacements');
		await page.getByLabel('Libellé').first().fill('Billets Tarbes–Ziguinchor');
		await page.getByLabel('Côté').first().selectOption('ici');
		await page.getByLabel('Montant', { exact: true }).first().fill('10 000');
		await soumettre(page, 'Ajouter une ligne à « Dépenses »');
		await page.getByLabel('Catégorie').nth(1).selectOption('activites');
		await page.getByLabel('Libellé').nth(1).fill('Chantier à Ziguinchor');
		await page.getByLabel('Côté').nth(1).selectOption('la-bas');
		await page.getByLabel('Montant', { exact: true }).nth(1).fill('6 559 570');
		await page.getByLabel('Devise (EUR par défaut)').nth(1).fill('XOF');
		await page.getByLabel('Taux en euros').nth(1).fill('0,00152449');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/budget?enregistre=*#message-section`);

		await page.goto(`${projet}/suivi`);
		await soumettre(page, 'Créer les périodes');
		await page.waitForURL(`**${projet}/suivi?ajoutees=2#message-suivi`);
		expect(await texte(page.getByRole('table', { name: /Périodes de suivi/ }))).toContain('3 à saisir');
		// What the method asks to watch: the activity planned to end in 2025 is late.
		expect(await texte(page.getByRole('region', { name: 'Points d’attention' }))).toContain('Une activité est en retard : « Chantier solidaire de printemps ».');
		periode = (await page.getByRole('link', { name: '1er trimestre 2027', exact: true }).getAttribute('href'))!;
		await page.goto(periode);
		expect(await texte(page.getByRole('heading', { level: 1 }))).toBe('Valeurs des indicateurs : 1er trimestre 2027');
		// « Les deux » is followed as two series, « là-bas » as one.
		expect(await page.getByRole('region', { name: EMPLOI, exact: true }).getByRole('heading', { level: 4 }).allTextContents()).toEqual(['Ici (France)', 'Là-bas (partenaire)']);
		expect(await page.getByRole('region', { name: ACCUEIL, exact: true }).getByRole('heading', { level: 4 }).allTextContents()).toEqual(['Là-bas (partenaire)']);
		await verifierAccessibilite(page);
	});

	it('are entered abroad on a phone, a zero denominator and a word refused in French, nothing stored', async () => {
		const depuis = Date.now();
		const courriel = adresse('mariama', 'ziguinchor.test');
		await page.goto(`${projet}/equipe`);
		await page.getByLabel('Adresse électronique', { exact: true }).fill(courriel);
		await soumettre(page, 'Envoyer l’invitation');
		const invitation = await attendreCourriel(boite(), courriel, /Invitation au projet/, depuis);
		cp = await nouveauContexte(navigateur, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
		partenaire = await cp.newPage();
		await partenaire.goto(lienDe(invitation, baseURL()));
		await partenaire.getByRole('link', { name: 'Créer un compte' }).click();
		await partenaire.getByLabel('Nom', { exact: true }).fill('Mariama Sané');
		await partenaire.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await partenaire.getByLabel('Confirmation du mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(partenaire, 'Créer mon compte');
		await partenaire.waitForURL(`**${projet}?bienvenue`);

		await partenaire.goto(periode);
		const emploi = serie(partenaire, EMPLOI, 'Là-bas (partenaire)');
		await emploi.getByLabel('Numérateur').fill('9');
		await emploi.getByLabel('Dénominateur').fill('0');
		await emploi.getByRole('button', { name: /^Soumettre pour validation/ }).click();
		await partenaire.waitForLoadState();
		const refus = serie(partenaire, EMPLOI, 'Là-bas (partenaire)');
		expect(await texte(refus.getByRole('alert'))).toContain('Le dénominateur ne peut être nul');
		expect(await texte(refus)).toContain('Pas encore de valeur pour cette période.');
		// What was typed is kept.
		expect(await refus.getByLabel('Numérateur').inputValue()).toBe('9');
		await refus.getByLabel('Dénominateur').fill('12');
		await refus.getByLabel('Commentaire').fill('Suivi des jeunes par la mission locale de Ziguinchor.');
		await Promise.all([partenaire.waitForURL('**?soumise=*'), refus.getByRole('button', { name: /^Soumettre pour validation/ }).click()]);
		expect(await texte(serie(partenaire, EMPLOI, 'Là-bas (partenaire)'))).toContain('Soumise : 75 % (9 sur 12), saisie par Mariama Sané');

		const accueil = serie(partenaire, ACCUEIL, 'Là-bas (partenaire)');
		await accueil.getByLabel('Valeur (jeunes)').fill('dix');
		await accueil.getByRole('button', { name: /^Soumettre pour validation/ }).click();
		await partenaire.waitForLoadState();
		expect(await texte(serie(partenaire, ACCUEIL, 'Là-bas (partenaire)').getByRole('alert'))).toContain('Indiquez la valeur en chiffres');
		await serie(partenaire, ACCUEIL, 'Là-bas (partenaire)').getByLabel('Valeur (jeunes)').fill('10');
		await Promise.all([partenaire.waitForURL('**?soumise=*'), serie(partenaire, ACCUEIL, 'Là-bas (partenaire)').getByRole('button', { name: /^Soumettre pour validation/ }).click()]);
		expect(await partenaire.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		// The narrative report, separate from the numbers: an empty one is refused.
		const rapport = () => partenaire.getByRole('region', { name: /^Compte rendu.*Là-bas/ });
		await rapport().getByRole('button', { name: /^Soumettre le compte rendu/ }).click();
		await partenaire.waitForLoadState();
		expect(await texte(rapport().getByRole('alert'))).toContain('Écrivez au moins ce qui a été fait');
		await rapport().getByLabel('Ce qui a été fait').fill('Deux chantiers à Ziguinchor, avec dix jeunes de la mission locale.');
		await rapport().getByLabel('Ce qui a changé pour les personnes concernées').fill('Trois jeunes ont signé un contrat d’apprentissage.');
		await Promise.all([partenaire.waitForURL('**?rapport-soumis=*'), rapport().getByRole('button', { name: /^Soumettre le compte rendu/ }).click()]);
		expect(await texte(rapport())).toContain('Soumis, écrit par Mariama Sané');
		// A contributor enters and submits; she does not validate.
		expect(await partenaire.getByRole('button', { name: /^Valider/ }).count()).toBe(0);
		await verifierAccessibilite(partenaire);
	});

	it('are entered in France without JavaScript, as a draft first', async () => {
		await page.goto(periode);
		const ici = serie(page, EMPLOI, 'Ici (France)');
		await ici.getByLabel('Numérateur').fill('9');
		await ici.getByLabel('Dénominateur').fill('20');
		await Promise.all([page.waitForURL('**?brouillon=*'), ici.getByRole('button', { name: /^Enregistrer le brouillon/ }).click()]);
		expect(await texte(serie(page, EMPLOI, 'Ici (France)'))).toContain('Brouillon : 45 % (9 sur 20)');
		await Promise.all([page.waitForURL('**?soumise=*'), serie(page, EMPLOI, 'Ici (France)').getByRole('button', { name: /^Soumettre pour validation/ }).click()]);
		expect(await texte(serie(page, EMPLOI, 'Ici (France)'))).toContain('Soumise');
	});

	it('are returned with a note, corrected abroad, validated, and the period locked', async () => {
		// Locking waits for every value to be validated.
		await soumettre(page, 'Verrouiller la période');
		expect(await texte(page.getByRole('alert'))).toContain('4 valeurs ou comptes rendus ne sont pas encore validés');

		const accueil = serie(page, ACCUEIL, 'Là-bas (partenaire)');
		await accueil.getByRole('button', { name: /^Renvoyer avec cette note/ }).click();
		await page.waitForLoadState();
		expect(await texte(serie(page, ACCUEIL, 'Là-bas (partenaire)').getByRole('alert'))).toContain('Dites en une phrase pourquoi');
		await serie(page, ACCUEIL, 'Là-bas (partenaire)').getByLabel('Note pour renvoyer la valeur').fill('La liste de présence du chantier de mars compte 12 jeunes.');
		await Promise.all([page.waitForURL('**?renvoyee=*'), serie(page, ACCUEIL, 'Là-bas (partenaire)').getByRole('button', { name: /^Renvoyer avec cette note/ }).click()]);

		await partenaire.goto(periode);
		const renvoyee = serie(partenaire, ACCUEIL, 'Là-bas (partenaire)');
		expect(await texte(renvoyee)).toContain('Renvoyée par un pilote : La liste de présence du chantier de mars compte 12 jeunes.');
		await renvoyee.getByLabel('Valeur (jeunes)').fill('12');
		await Promise.all([partenaire.waitForURL('**?soumise=*'), renvoyee.getByRole('button', { name: /^Soumettre pour validation/ }).click()]);

		await page.goto(periode);
		for (let n = 3; n > 0; n--) await Promise.all([page.waitForURL('**?validee=*'), page.getByRole('button', { name: /^Valider la valeur/ }).first().click()]);
		await Promise.all([page.waitForURL('**?rapport-valide=*'), page.getByRole('button', { name: /^Valider le compte rendu/ }).click()]);
		expect(await texte(page.getByRole('region', { name: /^Compte rendu.*Là-bas/ }))).toContain('Trois jeunes ont signé un contrat d’apprentissage.');
		expect(await texte(serie(page, ACCUEIL, 'Là-bas (partenaire)'))).toContain('Validée : 12 jeunes');
		// The history says who did what.
		const historique = serie(page, ACCUEIL, 'Là-bas (partenaire)').locator('details');
		await historique.locator('summary').click();
		expect(await texte(historique)).toMatch(/Soumise par Mariama Sané[\s\S]*Renvoyée par Lucie Fabre : « La liste de présence[\s\S]*Soumise par Mariama Sané[\s\S]*Validée par Lucie Fabre/);

		await Promise.all([page.waitForURL('**?verrouillee#message-periode'), page.getByRole('button', { name: 'Verrouiller la période' }).click()]);
		expect(await texte(page.getByRole('status'))).toContain('La période est verrouillée');
		expect(await page.getByRole('button', { name: /^Soumettre|^Valider|^Renvoyer/ }).count()).toBe(0);
		await verifierAccessibilite(page);

		// A hand-made post to the locked period is refused, and changes nothing.
		const cadre = await (await partenaire.request.get(`${projet}/cadre-logique`)).text();
		const id = cadre.match(/name="indicateurs\.1\.id" value="([^"]+)"/)![1]!;
		const r = await partenaire.request.post(`${periode}?/saisir`, { form: { indicateur: id, cote: 'la-bas', version: '5', valeur: '99', intention: 'soumettre' }, headers: { origin: new URL(baseURL()).origin }, maxRedirects: 0 });
		expect(r.status()).toBe(409);
		await partenaire.goto(periode);
		expect(await texte(serie(partenaire, ACCUEIL, 'Là-bas (partenaire)'))).toContain('Validée : 12 jeunes');
		await page.goto(`${projet}/suivi`);
		const periodes = page.getByRole('table', { name: /Périodes de suivi/ });
		const t1 = await texte(periodes.getByRole('row', { name: /1er trimestre 2027/ }));
		expect(t1).toContain('Verrouillée. 3 validées');
		// A period holding values is not offered for removal.
		expect(await periodes.getByRole('row', { name: /1er trimestre 2027/ }).getByRole('button').count()).toBe(0);
		expect(await texte(periodes.getByRole('row', { name: /2e trimestre 2027/ }))).toContain('3 à saisir');
		// The dashboard: both sides, validated values only, against the target.
		const tableau = page.getByRole('region', { name: `Valeurs : ${EMPLOI}` });
		expect(await texte(tableau.getByRole('row', { name: /Ensemble des périodes/ }))).toMatch(/45 %.*75 %/);
		expect(await page.getByRole('img', { name: `${EMPLOI} : valeurs validées après chaque période` }).count()).toBe(1);
		await verifierAccessibilite(page);
		await page.goto(projet);
		expect(await texte(page.locator('main'))).toContain('Valeurs d’indicateurs : 3 validées.');

		// The period's report, downloaded from its page and read back; the values in Excel.
		await page.goto(periode);
		const lien = await page.getByRole('link', { name: 'PDF' }).getAttribute('href');
		const pdf = await pilote.contexte.request.get(new URL(lien!, baseURL()).toString());
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="rapport-de-suivi-1er-trimestre-2027-chantiers-croises-/);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
		const lu = text.replace(/\s+/g, ' ');
		for (const attendu of ['Rapport de suivi', 'Période « 1er trimestre 2027 »', '45 % (validée)', '75 % (validée)', '12 jeunes (validée)', 'Trois jeunes ont signé un contrat d’apprentissage.']) expect(lu).toContain(attendu);
		const xlsx = await pilote.contexte.request.get(new URL(`${projet}/suivi/valeurs`, baseURL()).toString());
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
		// Two indicators, three series, two periods.
		expect(classeur.getWorksheet('Valeurs')!.rowCount).toBe(1 + 3 * 2);
	});

	it('follow the activities and milestones: planned against actual, late ones flagged', async () => {
		await partenaire.goto(`${projet}/suivi`);
		await partenaire.getByRole('link', { name: 'Suivre les activités et les jalons' }).click();
		await partenaire.waitForURL(`**${projet}/suivi/activites`);
		const activite = () => partenaire.getByRole('region', { name: 'Chantier solidaire de printemps', exact: true });
		expect(await texte(activite())).toContain('En retard : sa fin prévue est passée');
		// Finished, but without its end date: refused, nothing stored.
		await activite().getByLabel('État').selectOption('terminee');
		await activite().getByLabel('Début réel').fill('2025-03-10');
		await activite().getByRole('button', { name: /^Enregistrer l’avancement/ }).click();
		await partenaire.waitForLoadState();
		expect(await texte(activite().getByRole('alert'))).toContain('Indiquez la date à laquelle l’activité s’est terminée.');
		expect(await activite().getByLabel('Début réel').inputValue()).toBe('2025-03-10');
		await activite().getByLabel('Fin réelle').fill('2025-06-20');
		await Promise.all([partenaire.waitForURL('**?suivie=*'), activite().getByRole('button', { name: /^Enregistrer l’avancement/ }).click()]);
		expect(await texte(activite())).toContain('Terminée — commencée le 10 mars 2025, terminée le 20 juin 2025 (mis à jour par Mariama Sané');
		expect(await texte(activite())).not.toContain('En retard : sa fin prévue');
		expect(await partenaire.getByRole('img', { name: /Activités prévues et réelles/ }).count()).toBe(1);

		const jalon = () => partenaire.getByRole('region', { name: 'Signature de la convention', exact: true });
		expect(await texte(jalon())).toContain('Pas encore atteint');
		await jalon().getByLabel('Atteint le').fill('2025-02-03');
		await Promise.all([partenaire.waitForURL('**?jalon=*'), jalon().getByRole('button', { name: /^Marquer atteint/ }).click()]);
		expect(await texte(jalon())).toContain('Atteint le 3 février 2025');

		// Spending, period by period, in each line's currency; the locked quarter does not change.
		await partenaire.goto(`${projet}/suivi`);
		await partenaire.getByRole('link', { name: 'Suivre l’exécution du budget' }).click();
		const chantier = () => partenaire.getByRole('region', { name: 'Chantier à Ziguinchor' });
		expect(await chantier().getByLabel('1er trimestre 2027 (XOF) (verrouillée)').getAttribute('readonly')).not.toBeNull();
		await chantier().getByLabel('2e trimestre 2027 (XOF)').fill('beaucoup');
		await chantier().getByRole('button', { name: /^Enregistrer les dépenses/ }).click();
		await partenaire.waitForLoadState();
		expect(await texte(chantier().getByRole('alert'))).toContain('Indiquez un montant en chiffres');
		await chantier().getByLabel('2e trimestre 2027 (XOF)').fill('7 000 000');
		await Promise.all([partenaire.waitForURL('**?enregistree=*'), chantier().getByRole('button', { name: /^Enregistrer les dépenses/ }).click()]);
		expect(await texte(chantier())).toMatch(/Dépensé : 7 000 000 F CFA \(10 671,43 €\), soit 107 % du prévu/);
		expect(await texte(partenaire.locator('main'))).toContain('Le budget dérive : « Chantier à Ziguinchor » dépasse le montant prévu.');
		await partenaire.goto(`${projet}/suivi`);
		const attention = await texte(partenaire.getByRole('region', { name: 'Points d’attention' }));
		expect(attention).toContain('Le budget dérive : « Chantier à Ziguinchor » dépasse le montant prévu.');
		expect(attention).not.toContain('en retard');
		await partenaire.goBack();
		expect(await texte(partenaire.getByRole('table', { name: 'Prévu et dépensé, en euros' }))).toMatch(/Là-bas \(partenaire\)\s*10 000,00 €\s*10 671,43 €\s*107 %/);
		expect(await partenaire.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(partenaire);
	});
});
