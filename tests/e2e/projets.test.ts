// « Monter mon projet » in a real browser, mostly without JavaScript: a Département's officer
// creates a project, invites the partner abroad by mail, both fill sections in their own
// browser, a conflict is detected and resolved, bad input is refused, a version is restored,
// the self-assessment is taken, and the Word, PDF and Excel exports are read back.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, boite, creerDepartement, MOT_DE_PASSE, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const main = (page: Page) => page.locator('main');

async function creerProjet(page: Page, titre: string) {
	await page.goto('/projets');
	await page.getByRole('link', { name: 'Créer un projet' }).click();
	await page.getByLabel('Titre du projet').fill(titre);
	await soumettre(page, 'Créer le projet');
	await page.waitForURL('**/projets/*?cree');
	return new URL(page.url()).pathname;
}

/** Answers the self-assessment stage by stage, each stage saved by its own button. */
async function repondreEtapeParEtape(page: Page, choix: (etape: number, question: number) => string) {
	const n = await page.locator('form.etape').count();
	for (let e = 1; e <= n; e++) {
		const etape = page.locator(`#etape-${e}`);
		const questions = etape.locator('fieldset.question');
		const q = await questions.count();
		for (let i = 0; i < q; i++) await questions.nth(i).getByLabel(choix(e, i)).check();
		await Promise.all([page.waitForURL(`**/auto-evaluation?etape=${e}#message-etape-${e}`), etape.getByRole('button', { name: `Enregistrer l’étape ${e}` }).click()]);
	}
}

/** Downloads a file with the context's cookies. */
async function telecharger(contexte: BrowserContext, chemin: string) {
	const r = await contexte.request.get(new URL(chemin, baseURL()).toString());
	return { statut: r.status(), type: r.headers()['content-type'], disposition: r.headers()['content-disposition'], corps: Buffer.from(await r.body()) };
}

// One journey in steps, each with its own time limit: under load a step is slower, not fatal.
describe('a project built with the partner abroad', () => {
	let suffixe: string;
	let agent: Awaited<ReturnType<typeof nouvellePersonne>>;
	let page: Page;
	let projet: string;
	let adressePartenaire: string;
	let cp: BrowserContext;
	let partenaire: Page;
	afterAll(async () => {
		await cp?.close();
		await agent?.contexte.close();
	});

	it('an officer creates a private project, and is its pilot', async () => {
		suffixe = randomBytes(2).toString('hex');
		agent = await nouvellePersonne(navigateur, 'Camille Martin');
		page = agent.page;
		await creerDepartement(page, `Département des Deux-Sèvres ${suffixe}`, '79');

		// The officer creates the project: it opens on its home, private, with her as pilot.
		projet = await creerProjet(page, `Mobilité des jeunes ${suffixe}`);
		expect(await texte(main(page))).toContain('votre rôle : Pilote');
		expect(await page.getByRole('status').textContent()).toContain('Le projet est créé');
		await verifierAccessibilite(page);
		await page.goto('/projets');
		expect(await page.getByRole('link', { name: `Mobilité des jeunes ${suffixe}` }).count()).toBe(1);
		await verifierAccessibilite(page);
	});

	it('fills its identity, and bad input is refused with nothing stored', async () => {
		// Identity: themes, territories here and there, period, an SDG target with its reason.
		await page.goto(`${projet}/identite`);
		await verifierAccessibilite(page);
		expect(await page.locator('aside').textContent()).toContain('Questions clés');
		await page.getByLabel('Titre du projet').fill(`Mobilité internationale des jeunes ${suffixe}`);
		await page.getByLabel('Résumé').fill('Des jeunes accompagnés par les missions locales partent en chantier à Ziguinchor ; des jeunes de Ziguinchor viennent à Nantes.');
		await page.getByLabel('Mobilité internationale des jeunes en insertion').check();
		await page.getByLabel('Département').first().selectOption('44');
		await page.getByLabel('Pays').first().selectOption('SN');
		await page.getByLabel('Territoire partenaire').first().fill('Ziguinchor');
		await page.getByLabel('Début prévu').fill('2027-01-01');
		await page.getByLabel('Fin prévue').fill('2028-06-30');
		await page.getByLabel('Cible', { exact: true }).first().fill('8.6');
		await page.getByLabel('En quoi le projet y contribue').first().fill('Des jeunes sans emploi ni formation reprennent un parcours.');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/identite?enregistre=2#message-section`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Identité du projet');
		expect(await page.getByLabel('Cible', { exact: true }).first().inputValue()).toMatch(/^8\.6 — /);
		// The kit beside the form now suggests fiches close to the project.
		expect(await page.locator('aside').getByRole('heading', { name: 'Des fiches proches de votre projet' }).count()).toBe(1);

		// Bad input: a clear message next to the field, nothing stored.
		await page.getByLabel('Fin prévue').fill('2026-01-01');
		await page.getByLabel('Cible', { exact: true }).first().fill('99.9');
		await soumettre(page, 'Enregistrer');
		expect(await page.getByRole('alert').textContent()).toContain('2 choses à corriger');
		expect(await page.locator('#champ-fin-erreur').textContent()).toContain('La fin ne peut précéder le début.');
		expect(await page.locator('[id="champ-cibles.0.cible-erreur"]').textContent()).toContain('Choisissez une cible de la liste');
		expect(await page.getByLabel('Résumé').inputValue()).toContain('missions locales');
		await page.goto(`${projet}/identite`);
		expect(await page.getByLabel('Fin prévue').inputValue()).toBe('2028-06-30');
	});

	it('invites the partner abroad by mail, who signs up and joins', async () => {
		// The partner abroad is invited by mail, signs up and joins as a contributor.
		await page.goto(`${projet}/equipe`);
		await verifierAccessibilite(page);
		adressePartenaire = adresse('awa', 'ziguinchor.test');
		const depuis = Date.now();
		await page.getByLabel('Adresse électronique', { exact: true }).fill(adressePartenaire);
		await soumettre(page, 'Envoyer l’invitation');
		expect(await page.getByRole('status').textContent()).toContain(`Invitation envoyée à ${adressePartenaire}`);
		const invitation = await attendreCourriel(boite(), adressePartenaire, /Invitation au projet/, depuis);
		expect(invitation.texte).toContain('Camille Martin vous invite');
		cp = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		partenaire = await cp.newPage();
		await partenaire.goto(lienDe(invitation, baseURL()));
		await verifierAccessibilite(partenaire);
		// Her account is created from the invitation, which confirms her address: straight into the team.
		await partenaire.getByRole('link', { name: 'Créer un compte' }).click();
		await partenaire.getByLabel('Nom', { exact: true }).fill('Awa Diop');
		await partenaire.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await partenaire.getByLabel('Confirmation du mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(partenaire, 'Créer mon compte');
		await partenaire.waitForURL(`**${projet}?bienvenue`);
		expect(await texte(main(partenaire))).toContain('votre rôle : Contributeur·rice');
		// Her authority's organisation makes it a partner of the project.
		await partenaire.goto('/organisations/nouvelle');
		await partenaire.getByLabel('Nom', { exact: true }).fill(`Conseil départemental de Ziguinchor ${suffixe}`);
		await partenaire.getByLabel('Type d’organisation').selectOption('collectivite-etrangere');
		await partenaire.locator('select[name="pays"]').selectOption('SN');
		await soumettre(partenaire, 'Créer l’organisation');
		await partenaire.waitForURL('**/organisations/**?creee');
		await partenaire.goto(projet);
		expect(await partenaire.locator('.sous-titre').textContent()).toContain(`avec Conseil départemental de Ziguinchor ${suffixe}`);
	});

	it('detects a conflict on the shared diagnosis and loses nothing', async () => {
		// Both open the shared diagnosis; the partner saves first, the officer's save is refused
		// with both versions shown, and nothing she typed is lost.
		await page.goto(`${projet}/diagnostic`);
		await partenaire.goto(`${projet}/diagnostic`);
		await partenaire.getByLabel('Besoins là-bas').fill('Peu de solutions pour les jeunes sortis du système scolaire à Ziguinchor.');
		await soumettre(partenaire, 'Enregistrer');
		await partenaire.waitForURL('**/diagnostic?enregistre=1#message-section');
		await page.getByLabel('Besoins ici').fill('Des jeunes suivis par les missions locales qui n’ont jamais quitté leur quartier.');
		await soumettre(page, 'Enregistrer');
		const conflit = page.getByRole('alert');
		expect(await conflit.textContent()).toContain('Quelqu’un a enregistré cette section pendant que vous la modifiiez');
		expect(await conflit.textContent()).toContain('Awa Diop');
		expect(await conflit.textContent()).toContain('Peu de solutions pour les jeunes sortis du système scolaire');
		expect(await page.getByLabel('Besoins ici').inputValue()).toContain('n’ont jamais quitté leur quartier');
		await verifierAccessibilite(page);
		// She resolves it: keeps the partner's text with hers, and saves knowingly.
		await page.getByLabel('Besoins là-bas').fill('Peu de solutions pour les jeunes sortis du système scolaire à Ziguinchor.');
		await soumettre(page, 'Enregistrer ma version');
		await page.waitForURL('**/diagnostic?enregistre=2#message-section');
		expect(await page.getByLabel('Besoins ici').inputValue()).toContain('quartier');
		expect(await page.getByLabel('Besoins là-bas').inputValue()).toContain('Ziguinchor');
	});

	it('warns on the logical framework and checks the budget', async () => {
		// Logical framework: the workspace warns while no indicator measures effects in France.
		await partenaire.goto(`${projet}/cadre-logique`);
		await partenaire.getByLabel('Objectif général', { exact: true }).fill('Ouvrir la mobilité internationale aux jeunes en insertion des deux territoires.');
		await partenaire.getByLabel('Indicateur', { exact: true }).first().fill('Jeunes de Ziguinchor en formation qualifiante');
		await partenaire.getByLabel('Côté').first().selectOption('la-bas');
		await partenaire.getByLabel('Cible en fin de projet').first().fill('30');
		await soumettre(partenaire, 'Enregistrer');
		expect(await main(partenaire).textContent()).toContain('Aucun indicateur ne mesure les effets en France');
		await soumettre(partenaire, 'Ajouter une ligne à « Indicateurs »');
		await partenaire.getByLabel('Indicateur', { exact: true }).nth(1).fill('Jeunes de Loire-Atlantique en emploi ou formation six mois après');
		await partenaire.getByLabel('Côté').nth(1).selectOption('ici');
		await partenaire.getByLabel('Unité').nth(1).fill('%');
		await soumettre(partenaire, 'Enregistrer');
		await partenaire.waitForURL('**/cadre-logique?enregistre=2#message-section');
		expect(await main(partenaire).textContent()).not.toContain('Aucun indicateur ne mesure les effets en France');
		await verifierAccessibilite(partenaire);

		// Budget: a wrong amount is refused and nothing is stored; then lines in euros and in
		// CFA francs, converted, and funding that covers them.
		await page.goto(`${projet}/budget`);
		await page.getByLabel('Catégorie').first().selectOption('deplacements');
		await page.getByLabel('Libellé').first().fill('Billets Nantes–Ziguinchor');
		await page.getByLabel('Montant', { exact: true }).first().fill('beaucoup');
		await soumettre(page, 'Enregistrer');
		expect(await page.locator('[id="champ-depenses.0.montant-erreur"]').textContent()).toContain('Indiquez un nombre');
		expect(await page.getByLabel('Libellé').first().inputValue()).toBe('Billets Nantes–Ziguinchor');
		await page.getByLabel('Montant', { exact: true }).first().fill('12 000');
		await page.getByLabel('Côté').first().selectOption('ici');
		await soumettre(page, 'Ajouter une ligne à « Dépenses »');
		await page.getByLabel('Catégorie').nth(1).selectOption('activites');
		await page.getByLabel('Libellé').nth(1).fill('Chantier à Ziguinchor');
		await page.getByLabel('Côté').nth(1).selectOption('la-bas');
		await page.getByLabel('Montant', { exact: true }).nth(1).fill('6 559 570');
		await page.getByLabel('Devise (EUR par défaut)').nth(1).fill('XOF');
		await soumettre(page, 'Enregistrer');
		expect(await page.locator('[id="champ-depenses.1.taux-erreur"]').textContent()).toContain('Indiquez la valeur d’un XOF en euros');
		await page.getByLabel('Taux en euros').nth(1).fill('0,00152449');
		await page.getByLabel('Financeur').first().fill('Département de Loire-Atlantique');
		await page.getByLabel('Type').first().selectOption('fonds-propres');
		await page.getByLabel('Montant (€)').first().fill('10 000');
		await page.getByLabel('Statut').first().selectOption('acquis');
		await soumettre(page, 'Ajouter une ligne à « Financements (en euros) »');
		await page.getByLabel('Financeur').nth(1).fill('Ministère de l’Europe et des Affaires étrangères');
		await page.getByLabel('Type').nth(1).selectOption('appel-etat');
		await page.getByLabel('Montant (€)').nth(1).fill('12 000');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/budget?enregistre=3#message-section');
		const bilan = await texte(page.locator('.bilan'));
		expect(bilan).toMatch(/Dépenses : 22\s000,00\s€/); // 12,000 + 6,559,570 × 0.00152449 (10,000.00) = 22,000
		expect(bilan).toContain('le budget est équilibré');
		await verifierAccessibilite(page);
	});

	it('draws the calendar and the cross-service matrix', async () => {
		// Calendar: a timeline drawn on the server, and its table.
		await page.goto(`${projet}/calendrier`);
		await page.getByLabel('Activité').first().fill('Préparation au départ');
		await page.getByLabel('Début').first().fill('2027-01-15');
		await page.getByLabel('Fin').first().fill('2027-04-30');
		await soumettre(page, 'Ajouter une ligne à « Activités »');
		await page.getByLabel('Activité').nth(1).fill('Chantier à Ziguinchor');
		await page.getByLabel('Début').nth(1).fill('2027-05-01');
		await page.getByLabel('Fin').nth(1).fill('2027-05-31');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/calendrier?enregistre=2#message-section');
		expect(await page.locator('svg[role="img"] rect').count()).toBe(2);
		expect(await page.getByRole('table', { name: 'Calendrier des activités' }).getByRole('row').count()).toBe(3);
		await verifierAccessibilite(page);

		// Cross-service work: one row per service and activity, drawn as a matrix.
		await page.goto(`${projet}/transversalite`);
		await page.getByLabel('Service', { exact: true }).first().selectOption('insertion');
		// The activities are the calendar's, chosen from their list: nothing typed twice.
		await page.getByLabel('Activité', { exact: true }).first().selectOption({ label: 'A 1 — Préparation au départ' });
		await page.getByLabel('Référent').first().fill('Marie Durand');
		await page.getByLabel('Implication').first().selectOption('pilote');
		await soumettre(page, 'Ajouter une ligne à « Services et activités »');
		await page.getByLabel('Service', { exact: true }).nth(1).selectOption('relations-internationales');
		await page.getByLabel('Activité', { exact: true }).nth(1).selectOption({ label: 'A 2 — Chantier à Ziguinchor' });
		await page.getByLabel('Implication').nth(1).selectOption('contributeur');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/transversalite?enregistre=2#message-section');
		const matrice = page.getByRole('region', { name: 'Matrice services × activités' });
		expect(await matrice.getByRole('columnheader').allTextContents()).toEqual(['Service (référents)', 'A 1 — Préparation au départ', 'A 2 — Chantier à Ziguinchor']);
		expect(await matrice.getByRole('row', { name: /Insertion/ }).textContent()).toContain('Marie Durand');
		await verifierAccessibilite(page);
	});

	it('mails comments to the team and lets their author delete them', async () => {
		// A comment reaches the partner by mail.
		const depuis = Date.now();
		await page.goto(`${projet}/budget`);
		await page.getByLabel('Votre commentaire').fill('Awa, peux-tu confirmer le coût du chantier ?');
		await soumettre(page, 'Publier le commentaire');
		expect(await page.locator('#commentaires').textContent()).toContain('peux-tu confirmer le coût du chantier');
		const notification = await attendreCourriel(boite(), adressePartenaire, /nouveau commentaire sur « Budget et financements »/, depuis);
		expect(notification.texte).toContain('Camille Martin a commenté');
		// A comment written by mistake is deleted by its author; the other stays.
		await page.getByLabel('Votre commentaire').fill('Message envoyé par erreur');
		await soumettre(page, 'Publier le commentaire');
		await page.getByRole('button', { name: /Supprimer le commentaire de Camille Martin/ }).last().click();
		await page.waitForURL('**/budget?commentaire-supprime#message-commentaires');
		const commentaires = await page.locator('#commentaires').textContent();
		expect(commentaires).not.toContain('envoyé par erreur');
		expect(commentaires).toContain('peux-tu confirmer le coût du chantier');
	});

	it('restores an earlier version from the history', async () => {
		// History: the partner's first version of the diagnosis is restored as a new version.
		await page.goto(`${projet}/historique?section=diagnostic`);
		await verifierAccessibilite(page);
		await page.getByRole('link', { name: 'Voir la version 2 de « Diagnostic partagé »' }).click();
		// What version 2 changed: the officer's needs here, before and after.
		const changes = page.locator('.comparaison');
		// The click navigates: wait for the version's page, not the history's (a loaded machine is slower).
		await expect.poll(() => changes.getByRole('heading', { name: 'Besoins ici' }).count()).toBe(2);
		expect(await changes.textContent()).toContain('n’ont jamais quitté leur quartier');
		expect(await changes.getByRole('heading', { name: 'Besoins là-bas' }).count()).toBe(0);
		await verifierAccessibilite(page);
		await page.goto(`${projet}/historique?section=diagnostic`);
		await page.getByRole('link', { name: 'Voir la version 1 de « Diagnostic partagé »' }).click();
		await expect.poll(async () => (await page.locator('#version').textContent()) ?? '').toContain('Awa Diop');
		await soumettre(page, 'Restaurer cette version');
		await page.waitForURL('**/diagnostic?restaure=1#message-section');
		expect(await page.getByLabel('Besoins ici').inputValue()).toBe('');
		expect(await page.getByLabel('Besoins là-bas').inputValue()).toContain('Ziguinchor');
		await page.goto(`${projet}/historique?section=diagnostic`);
		expect(await page.getByRole('row', { name: /Restauration de la version 1/ }).count()).toBe(1);
	});

	it('takes the self-assessment, stage by stage', async () => {
		// Self-assessment, stage by stage: weak points lead to the recommendation to read; the history is kept.
		await page.goto(`${projet}/auto-evaluation`);
		expect(await page.locator('fieldset.question').count()).toBeGreaterThan(20);
		await soumettre(page, 'Terminer l’auto-évaluation');
		expect(await page.getByRole('alert').textContent()).toContain('Il reste des questions sans réponse');
		await repondreEtapeParEtape(page, (e, i) => (e === 1 && i === 0 ? 'Pas encore' : 'En bonne partie'));
		await Promise.all([page.waitForURL('**/auto-evaluation?terminee#message-resultats'), page.locator('#terminer').getByRole('button').click()]);
		expect(await page.getByRole('table', { name: 'Scores par étape (sur 100)' }).textContent()).toContain('Ensemble');
		expect(await page.locator('.faibles').textContent()).toContain('Pas encore');
		expect(await page.locator('.faibles a').count()).toBe(1);
		await verifierAccessibilite(page);
		// (Successive takings and their history: tests/e2e/espace-projet.test.ts.)
	});

	it('shows the progress on its home and fits a phone', async () => {
		// The home shows the progress, the team, the latest changes.
		await page.goto(projet);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Mobilité internationale des jeunes ${suffixe}`);
		expect(await main(page).textContent()).toContain('Awa Diop — Contributeur·rice');
		expect(await main(page).textContent()).toContain('Dernière auto-évaluation');
		await verifierAccessibilite(page);

		// On a phone (320 px), nothing is wider than the screen: tables scroll in their own box.
		await page.setViewportSize({ width: 320, height: 800 });
		for (const chemin of ['', '/identite', '/partenariat', '/budget', '/calendrier', '/transversalite', '/auto-evaluation', '/historique', '/equipe']) {
			await page.goto(`${projet}${chemin}`);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), chemin).toBeLessThanOrEqual(320);
		}
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('exports the dossier to Word, PDF and Excel, read back', async () => {
		// Exports: Word, PDF and Excel, read back; without a choice, the sections left empty
		// (here the stakeholders and the evaluation plan) are not in the dossier.
		const docx = await telecharger(agent.contexte, `${projet}/export/docx`);
		expect(docx.statut).toBe(200);
		expect(docx.disposition).toContain('.docx');
		const xml = await (await JSZip.loadAsync(docx.corps)).file('word/document.xml')!.async('string');
		const texteWord = xml.replace(/<[^>]+>/g, ' ');
		for (const attendu of [`Mobilité internationale des jeunes ${suffixe}`, 'Sommaire', 'Cadre logique', 'Jeunes de Loire-Atlantique en emploi', 'Billets Nantes–Ziguinchor', 'Chronogramme', 'Préparation au départ', 'Matrice services × activités', 'Awa Diop', `en partenariat avec Conseil départemental de Ziguinchor ${suffixe}`])
			expect(texteWord).toContain(attendu);
		expect(xml).toContain('<w:tbl>');
		expect(texteWord).not.toContain('Partenariat pluri-acteurs');

		const pdf = await telecharger(agent.contexte, `${projet}/export/pdf`);
		expect(pdf.statut).toBe(200);
		expect(pdf.corps.subarray(0, 5).toString()).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.corps)), { mergePages: true });
		for (const attendu of [`Mobilité internationale des jeunes ${suffixe}`, 'Sommaire', 'Diagnostic partagé', 'Ziguinchor', 'Contributeur·rice']) expect(text).toContain(attendu);
		expect(text).not.toContain('Plan d’évaluation');

		const xlsx = await telecharger(agent.contexte, `${projet}/export/xlsx`);
		expect(xlsx.statut).toBe(200);
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load(xlsx.corps as unknown as ArrayBuffer);
		expect(classeur.worksheets.map((f) => f.name)).toEqual(['Cadre logique', 'Indicateurs', 'Budget']);
		expect(classeur.getWorksheet('Cadre logique')!.getSheetValues().flat().map(String)).toContain('Ouvrir la mobilité internationale aux jeunes en insertion des deux territoires.');
		const valeursCadre = classeur.getWorksheet('Indicateurs')!.getSheetValues().flat().map(String);
		expect(valeursCadre).toContain('Jeunes de Loire-Atlantique en emploi ou formation six mois après');
		expect(valeursCadre).toContain('Ici (France)');
		const budget = classeur.getWorksheet('Budget')!;
		let total: ExcelJS.CellValue = null;
		budget.eachRow((r) => {
			if (r.getCell(1).value === 'Total des dépenses') total = r.getCell(7).value;
		});
		expect(total).toMatchObject({ formula: expect.stringContaining('SUM(G'), result: 22000 });
	});
});

describe('what others see of a project', () => {
	it('hides a private project from an outsider, by page, form or export; readers read but do not write', async () => {
		const pilote = await nouvellePersonne(navigateur, 'Jeanne Moreau');
		await creerDepartement(pilote.page, `Département des Landes ${randomBytes(2).toString('hex')}`, '40');
		const projet = await creerProjet(pilote.page, 'Projet confidentiel');
		const autre = await nouvellePersonne(navigateur, 'Bruno Garnier');
		for (const chemin of ['', '/identite', '/equipe', '/historique', '/auto-evaluation', '/export/docx', '/export/pdf', '/export/xlsx']) {
			const r = await autre.page.goto(`${projet}${chemin}`).catch(() => null);
			if (r) expect(r.status(), chemin).toBe(404);
			else expect((await telecharger(autre.contexte, `${projet}${chemin}`)).statut, chemin).toBe(404);
		}
		const cookies = (await autre.contexte.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const poster = (chemin: string, corps: Record<string, string>) =>
			fetch(new URL(`${projet}${chemin}`, baseURL()), {
				method: 'POST',
				redirect: 'manual',
				headers: { cookie: cookies, origin: new URL(baseURL()).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams(corps)
			});
		expect((await poster('/identite?/enregistrer', { _version: '1', titre: 'Pris' })).status).toBe(404);
		expect((await poster('/equipe?/inviter', { courriel: 'intrus@exemple.test', role: 'pilote' })).status).toBe(404);
		expect((await poster('?/publier', { public: 'oui' })).status).toBe(404);
		await pilote.page.goto(`${projet}/identite`);
		expect(await pilote.page.getByLabel('Titre du projet').inputValue()).toBe('Projet confidentiel');

		// Made public, its summary shows to anyone, its sections stay private.
		await pilote.page.goto(projet);
		await soumettre(pilote.page, 'Rendre le résumé public');
		await pilote.page.waitForURL(`**${projet}?publie`);
		const visiteur = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		const vp = await visiteur.newPage();
		expect((await vp.goto(projet))?.status()).toBe(200);
		expect(await vp.locator('main').textContent()).toContain('Projet en cours');
		await verifierAccessibilite(vp);
		await vp.goto(`${projet}/diagnostic`);
		expect(new URL(vp.url()).pathname).toBe('/connexion');
		// It appears in the kit's search and map as a project in progress, not as a fiche.
		await vp.goto('/recherche?q=projet');
		const trouves = vp.getByRole('region', { name: 'Projets en cours' });
		expect(await trouves.getByRole('link', { name: 'Projet confidentiel' }).count()).toBe(1);
		await vp.goto('/carte');
		expect(await vp.getByRole('table', { name: 'Projets en cours' }).getByRole('link', { name: 'Projet confidentiel' }).count()).toBe(1);
		expect((await autre.page.goto(`${projet}/diagnostic`))?.status()).toBe(404);
		await visiteur.close();
		await autre.contexte.close();
		await pilote.contexte.close();
	});
});

describe('drafts kept while typing', () => {
	it('offers back what was typed and not saved, with JavaScript', async () => {
		const courriel = adresse('lea');
		const p = await nouvellePersonne(navigateur, 'Léa Bernard', courriel);
		await creerDepartement(p.page, `Département de la Haute-Vienne ${randomBytes(2).toString('hex')}`, '87');
		const projet = await creerProjet(p.page, 'Projet au brouillon');
		await p.contexte.close();
		const contexte = await nouveauContexte(navigateur);
		const page = await contexte.newPage();
		await page.goto('/connexion');
		await page.getByLabel('Adresse électronique', { exact: true }).fill(courriel);
		await page.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
		await soumettre(page, 'Se connecter');
		await page.goto(`${projet}/diagnostic`);
		await page.getByLabel('Mandat politique').pressSequentially('Délibération du 12 mars', { delay: 5 });
		await page.waitForTimeout(700);
		// The connection is lost: the page is reloaded without saving.
		await page.reload();
		expect(await page.getByLabel('Mandat politique').inputValue()).toBe('');
		await page.getByRole('button', { name: 'Reprendre mon brouillon' }).click();
		expect(await page.getByLabel('Mandat politique').inputValue()).toBe('Délibération du 12 mars');
		await verifierAccessibilite(page);
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/diagnostic?enregistre=1#message-section');
		expect(await page.getByRole('button', { name: 'Reprendre mon brouillon' }).count()).toBe(0);
		await contexte.close();
	});
});
