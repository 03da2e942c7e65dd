// What new users found clumsy in the project workspace, in a real browser: tables that add a
// row without losing what was typed, the self-assessment answered as one goes, the focus
// after a save, and times shown in each person's time zone (pages and mails).
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formaterDateHeure, formaterHeure } from '../../src/lib/dates.ts';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, boite, creerDepartement, creerProjet, MOT_DE_PASSE, nouvellePersonne, seConnecter, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(() => navigateur.close());

const suffixe = () => randomBytes(2).toString('hex');

/** The id of the focused element, read in the page (works with JavaScript off too). */
const focus = (page: Page) => page.locator('body').evaluate(() => document.activeElement?.id ?? '');
const lignes = (page: Page, tableau: string) => page.locator(`fieldset.ligne[id^="ligne-${tableau}-"]`);

/** A pilot with a project, carried by a Département of its own (one per département code). */
async function piloteAvecProjet(nom: string, departement: string, nomDepartement: string) {
	const pilote = await nouvellePersonne(navigateur, nom);
	await creerDepartement(pilote.page, `${nomDepartement} ${suffixe()}`, departement);
	const projet = await creerProjet(pilote.page, `Projet de ${nom} ${suffixe()}`);
	return { ...pilote, projet };
}

describe('the workspace’s tables', () => {
	it('add a row that keeps what was typed, without JavaScript, delete one, and store no empty row', async () => {
		const { page, contexte, projet } = await piloteAvecProjet('Maëlle Le Goff', '22', 'Département des Côtes-d’Armor');
		await page.goto(`${projet}/budget`);
		// An empty table offers one row to fill, not two.
		expect(await lignes(page, 'depenses').count()).toBe(1);
		await page.getByLabel('Catégorie').first().selectOption('deplacements');
		await page.getByLabel('Libellé').first().fill('Billets Saint-Brieuc–Thiès');
		await page.getByLabel('Montant', { exact: true }).first().fill('3 200');
		await soumettre(page, 'Ajouter une ligne à « Dépenses »');
		// Saved, and back with one more row, focused and scrolled to.
		await page.waitForURL(`**${projet}/budget?enregistre=1&ajout=depenses#champ-depenses.1.categorie`);
		expect(await lignes(page, 'depenses').count()).toBe(2);
		expect(await page.getByLabel('Libellé').first().inputValue()).toBe('Billets Saint-Brieuc–Thiès');
		expect(await focus(page)).toBe('champ-depenses.1.categorie');
		await verifierAccessibilite(page);
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.locator('body').evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await page.setViewportSize({ width: 1280, height: 800 });

		// Adding again with nothing typed writes no new version.
		await soumettre(page, 'Ajouter une ligne à « Dépenses »');
		await page.waitForURL(`**${projet}/budget?ajout=depenses#champ-depenses.1.categorie`);
		expect(await lignes(page, 'depenses').count()).toBe(2);

		// A mistake in the new row: refused, explained, nothing typed is lost, the row still there.
		await page.getByLabel('Catégorie').nth(1).selectOption('activites');
		await page.getByLabel('Libellé').nth(1).fill('Atelier à Thiès');
		await page.getByLabel('Montant', { exact: true }).nth(1).fill('beaucoup');
		await soumettre(page, 'Ajouter une ligne à « Dépenses »');
		expect(await page.locator('[id="champ-depenses.1.montant-erreur"]').textContent()).toContain('Indiquez un nombre');
		expect(await lignes(page, 'depenses').count()).toBe(3);
		expect(await page.getByLabel('Libellé').nth(1).inputValue()).toBe('Atelier à Thiès');
		await page.getByLabel('Montant', { exact: true }).nth(1).fill('800');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/budget?enregistre=2#message-section`);
		expect(await lignes(page, 'depenses').count()).toBe(2);

		// Deleting the first row saves the section without it; the other row stays as it was.
		await soumettre(page, 'Supprimer la ligne 1 de « Dépenses »');
		await page.waitForURL(`**${projet}/budget?enregistre=3&supprime=depenses#message-section`);
		expect(await page.locator('#message-section').textContent()).toContain('Ligne supprimée de « Dépenses »');
		expect(await lignes(page, 'depenses').count()).toBe(1);
		expect(await page.getByLabel('Libellé').first().inputValue()).toBe('Atelier à Thiès');
		// The history keeps the deleted row.
		await page.goto(`${projet}/historique?section=budget`);
		expect(await page.getByRole('link', { name: 'Voir la version 3 de « Budget et financements »' }).count()).toBe(1);

		// Enter in a field saves: it does not press a row's « Supprimer la ligne ».
		await page.goto(`${projet}/partenariat`);
		await page.getByLabel('Acteur', { exact: true }).first().fill('Mission locale');
		await soumettre(page, 'Ajouter une ligne à « Acteurs du projet »');
		await page.getByLabel('Acteur', { exact: true }).nth(1).fill('Commune de Thiès');
		await Promise.all([page.waitForURL('**/partenariat?enregistre=2#message-section'), page.getByLabel('Acteur', { exact: true }).nth(1).press('Enter')]);
		expect(await lignes(page, 'acteurs').count()).toBe(2);
		expect(await page.getByLabel('Acteur', { exact: true }).nth(1).inputValue()).toBe('Commune de Thiès');
		await contexte.close();
	});

	it('keep the optimistic concurrency: a row added from an old version shows both versions and loses nothing', async () => {
		const pilote = await piloteAvecProjet('Yannick Prigent', '49', 'Département de Maine-et-Loire');
		const courriel = adresse('fatou');
		const fatou = await nouvellePersonne(navigateur, 'Fatou Ndiaye', courriel);
		await pilote.page.goto(`${pilote.projet}/equipe`);
		await pilote.page.getByLabel('Adresse électronique', { exact: true }).fill(courriel);
		const depuis = Date.now();
		await soumettre(pilote.page, 'Envoyer l’invitation');
		await fatou.page.goto(lienDe(await attendreCourriel(boite(), courriel, /Invitation au projet/, depuis), baseURL()));
		await soumettre(fatou.page, 'Rejoindre le projet');

		await pilote.page.goto(`${pilote.projet}/calendrier`);
		await fatou.page.goto(`${pilote.projet}/calendrier`);
		await fatou.page.getByLabel('Activité').first().fill('Atelier de lancement à Thiès');
		await soumettre(fatou.page, 'Enregistrer');
		await pilote.page.getByLabel('Activité').first().fill('Préparation à Angers');
		await soumettre(pilote.page, 'Ajouter une ligne à « Activités »');
		expect(await pilote.page.getByRole('alert').textContent()).toContain('Quelqu’un a enregistré cette section pendant que vous la modifiiez');
		expect(await pilote.page.getByRole('alert').textContent()).toContain('Atelier de lancement à Thiès');
		expect(await pilote.page.locator('#formulaire-section').getByLabel('Activité', { exact: true }).first().inputValue()).toBe('Préparation à Angers');
		expect(await lignes(pilote.page, 'activites').count()).toBe(2);
		await fatou.contexte.close();
		await pilote.contexte.close();
	});
});

describe('the self-assessment', () => {
	// The second test goes on with the first one's project.
	let suite: Awaited<ReturnType<typeof piloteAvecProjet>> | undefined;
	afterAll(() => suite?.contexte.close());

	it('saves each stage as it is answered, shows where the team stopped, and scores without « sans objet » nor « je ne sais pas »', async () => {
		suite = await piloteAvecProjet('Soizic Le Bihan', '53', 'Département de la Mayenne');
		const { page, projet } = suite;
		await page.goto(`${projet}/auto-evaluation`);
		await verifierAccessibilite(page);
		const etapes = page.locator('form.etape');
		const n = await etapes.count();
		expect(n).toBe(8);

		// Stage 1: the first question « tout à fait », the others set aside.
		const etape1 = page.locator('#etape-1');
		const questions1 = etape1.locator('fieldset.question');
		const q1 = await questions1.count();
		for (let i = 0; i < q1; i++) await questions1.nth(i).getByLabel(i === 0 ? 'Tout à fait' : 'Sans objet').check();
		await Promise.all([page.waitForURL(`**${projet}/auto-evaluation?etape=1#message-etape-1`), etape1.getByRole('button', { name: 'Enregistrer l’étape 1' }).click()]);
		expect(await focus(page)).toBe('message-etape-1');
		expect(await page.locator('#message-etape-1').textContent()).toContain('Continuer avec l’étape 2');

		// Stage 2 half answered, then the page is left: it resumes where the team stopped.
		const etape2 = page.locator('#etape-2');
		await etape2.locator('fieldset.question').first().getByLabel('En partie').check();
		await etape2.locator('fieldset.question').first().getByLabel('Commentaire').fill('À voir avec Thiès');
		await Promise.all([page.waitForURL('**?etape=2#message-etape-2'), etape2.getByRole('button', { name: 'Enregistrer l’étape 2' }).click()]);
		await page.goto(projet);
		expect(await page.locator('main').textContent()).toMatch(/Une auto-évaluation est en cours \(1 étape sur 8/);
		await page.getByRole('link', { name: 'la reprendre' }).click();
		await page.waitForURL('**/auto-evaluation#etape-2');
		expect(await page.locator('#avancement').textContent()).toContain('1 étape complète sur 8');
		expect(await page.getByRole('link', { name: 'Reprendre à l’étape 2' }).count()).toBe(1);
		expect(await page.locator('#etape-2 fieldset.question').first().getByLabel('En partie').isChecked()).toBe(true);
		expect(await page.locator('#etape-2 fieldset.question').first().getByLabel('Commentaire').inputValue()).toBe('À voir avec Thiès');

	});

	it('names what is missing before finishing, then scores without the answers set aside', async () => {
		const { page } = suite!;
		const n = await page.locator('form.etape').count();
		const q1 = await page.locator('#etape-1 fieldset.question').count();
		// Finishing too early names what is missing.
		await soumettre(page, 'Terminer l’auto-évaluation');
		expect(await page.getByRole('alert').textContent()).toContain('Il reste des questions sans réponse');
		expect(await page.getByRole('alert').getByRole('link', { name: /Étape 2/ }).count()).toBe(1);

		// Every other stage: « en partie », one « je ne sais pas » per stage.
		for (let e = 2; e <= n; e++) {
			const etape = page.locator(`#etape-${e}`);
			const questions = etape.locator('fieldset.question');
			const q = await questions.count();
			for (let i = 0; i < q; i++) await questions.nth(i).getByLabel(i === q - 1 && q > 1 ? 'Je ne sais pas' : 'En partie').check();
			await Promise.all([page.waitForURL(`**?etape=${e}#message-etape-${e}`), etape.getByRole('button', { name: `Enregistrer l’étape ${e}` }).click()]);
		}
		expect(await page.locator(`#message-etape-${n}`).textContent()).toContain('terminer l’auto-évaluation');
		await Promise.all([page.waitForURL('**?terminee#message-resultats'), page.locator('#terminer').getByRole('button', { name: 'Terminer l’auto-évaluation' }).click()]);
		expect(await focus(page)).toBe('message-resultats');
		const scores = page.getByRole('table', { name: 'Scores par étape (sur 100)' });
		// Stage 1: one answer on the scale, « tout à fait »: 100, the rest set aside and counted.
		const ligne1 = scores.getByRole('row', { name: /^1\./ });
		expect(await ligne1.getByRole('cell').first().textContent()).toBe('100');
		expect(await ligne1.textContent()).toContain(`${q1 - 1} réponse${q1 - 1 > 1 ? 's' : ''} écartée`);
		expect(await ligne1.textContent()).toContain('sans objet');
		// Stage 2: « en partie » only is scored (33), « je ne sais pas » left aside.
		expect(await scores.getByRole('row', { name: /^2\./ }).getByRole('cell').first().textContent()).toBe('33');
		expect(await page.locator('figcaption').textContent()).toMatch(/réponses écartées du calcul \(\d+ sans objet, \d+ je ne sais pas\)/);
		expect(await page.getByRole('heading', { name: 'À éclaircir' }).count()).toBe(1);
		await verifierAccessibilite(page);
	});

	it('starts the next taking from the last answers, and keeps every finished one', async () => {
		const { page, projet } = suite!;
		await page.goto(`${projet}/auto-evaluation`);
		expect(await page.getByRole('heading', { name: 'Refaire le point' }).count()).toBe(1);
		// The last answers are proposed; each stage is saved again, stage 1 changed.
		expect(await page.locator('#etape-1 fieldset.question').first().getByLabel('Tout à fait').isChecked()).toBe(true);
		await page.locator('#etape-1 fieldset.question').first().getByLabel('Pas encore').check();
		const n = await page.locator('form.etape').count();
		for (let e = 1; e <= n; e++) {
			await Promise.all([page.waitForURL(`**?etape=${e}#message-etape-${e}`), page.locator(`#etape-${e}`).getByRole('button', { name: `Enregistrer l’étape ${e}` }).click()]);
		}
		await Promise.all([page.waitForURL('**?terminee#message-resultats'), page.locator('#terminer').getByRole('button', { name: 'Terminer l’auto-évaluation' }).click()]);
		const fil = page.getByRole('region', { name: 'Auto-évaluations successives' });
		expect(await fil.getByRole('row').count()).toBe(3);
		// Stage 1: 100 then 0, newest first.
		expect(await fil.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).toBe('0');
		expect(await fil.getByRole('row').nth(2).getByRole('cell').nth(3).textContent()).toBe('100');
		expect(await page.locator('.faibles').textContent()).toContain('Pas encore');
		// On a phone, nothing is wider than the screen.
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.locator('body').evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	});

	it('saves an answer as soon as it is given when scripts run', async () => {
		const courriel = adresse('goulven');
		const p = await nouvellePersonne(navigateur, 'Goulven Tanguy', courriel);
		await creerDepartement(p.page, `Département de la Sarthe ${suffixe()}`, '72');
		const projet = await creerProjet(p.page, `Projet enregistré au fil de l’eau ${suffixe()}`);
		await p.contexte.close();
		const contexte = await nouveauContexte(navigateur);
		const page = await contexte.newPage();
		await seConnecter(page, courriel);
		await page.goto(`${projet}/auto-evaluation`);
		await page.locator('#etape-3 fieldset.question').first().getByLabel('Je ne sais pas').check();
		await expect.poll(() => page.locator('#etape-3 [data-etat]').textContent(), { timeout: 30_000 }).toBe('Réponses enregistrées.');
		// Another visit, without having pressed any button: the answer is there.
		const autre = await contexte.newPage();
		await autre.goto(`${projet}/auto-evaluation`);
		expect(await autre.locator('#etape-3 fieldset.question').first().getByLabel('Je ne sais pas').isChecked()).toBe(true);
		expect(await autre.locator('#etape-3 .statut-etape').textContent()).toMatch(/^(Commencée\s:\s1 question sur \d+|Enregistrée)$/);
		await verifierAccessibilite(autre);
		await contexte.close();
	});
});

describe('after a save', () => {
	it('lands on the form’s message, focused, not at the top of the page, without JavaScript', async () => {
		const { page, contexte, projet } = await piloteAvecProjet('Erwan Kerjean', '61', 'Département de l’Orne');
		await page.goto(`${projet}/diagnostic`);
		await page.getByLabel('Besoins ici').fill('Des jeunes d’Alençon sans solution de mobilité.');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/diagnostic?enregistre=1#message-section`);
		expect(new URL(page.url()).hash).toBe('#message-section');
		expect(await focus(page)).toBe('message-section');
		expect(await page.locator('#message-section').getAttribute('role')).toBe('status');
		// Scrolled to it: the message is in view, the page no longer at its top.
		expect(await page.locator('#message-section').evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
		expect(await page.locator('body').evaluate(() => window.scrollY)).toBeGreaterThan(0);

		// A comment: the comments' own message.
		await page.getByLabel('Votre commentaire').fill('Relu avec le service jeunesse.');
		await soumettre(page, 'Publier le commentaire');
		await page.waitForURL('**?commente#message-commentaires');
		expect(await focus(page)).toBe('message-commentaires');

		// A form answered on the same page (no redirect): the message is focused on load.
		await page.goto(`${projet}/equipe`);
		await page.getByLabel('Adresse électronique', { exact: true }).fill(adresse('partenaire', 'thies.test'));
		await soumettre(page, 'Envoyer l’invitation');
		expect(await page.getByRole('status').first().textContent()).toContain('Invitation envoyée');
		expect(await page.getByRole('status').first().evaluate((el) => el === document.activeElement)).toBe(true);
		await contexte.close();
	});
});

describe('times', () => {
	it('are shown in the account’s time zone, chosen on the account page, named, in pages and mails', async () => {
		const beyrouth = adresse('rima', 'beyrouth.test');
		const { page, contexte, projet } = await piloteAvecProjet('Nolwenn Guégan', '50', 'Département de la Manche');
		const rima = await nouvellePersonne(navigateur, 'Rima Haddad', beyrouth);

		// Paris time by default, and the zone is named.
		await page.goto(`${projet}/diagnostic`);
		const avant = new Date();
		await page.getByLabel('Besoins là-bas').fill('Des jeunes de Tripoli sans formation.');
		await soumettre(page, 'Enregistrer');
		const apres = new Date();
		const meta = (await page.locator('.meta').first().textContent())!;
		expect(meta).toContain('(heure de Paris)');
		expect([formaterHeure(avant, 'Europe/Paris'), formaterHeure(apres, 'Europe/Paris')].some((h) => meta.includes(h))).toBe(true);

		// The partner in Beirut chooses her zone on her account page (no JavaScript).
		await rima.page.goto('/compte');
		await verifierAccessibilite(rima.page);
		await rima.page.setViewportSize({ width: 320, height: 800 });
		expect(await rima.page.locator('body').evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await rima.page.setViewportSize({ width: 1280, height: 800 });
		const liste = rima.page.getByRole('combobox', { name: 'Fuseau horaire' });
		expect(await liste.locator('optgroup').first().getAttribute('label')).toBe('Fuseaux des partenaires');
		expect(await liste.locator('option:checked').getAttribute('value')).toBe('Europe/Paris');
		await liste.selectOption('Asia/Beirut');
		await soumettre(rima.page, 'Enregistrer le fuseau horaire');
		expect(await rima.page.getByRole('status').first().textContent()).toContain('Beyrouth (Asia/Beirut)');
		expect(await rima.page.getByRole('combobox', { name: 'Fuseau horaire' }).locator('option:checked').getAttribute('value')).toBe('Asia/Beirut');
		expect(await rima.page.locator('.sessions').textContent()).toContain('(heure de Beyrouth)');
		// Nothing else than a zone is accepted.
		const cookies = (await rima.contexte.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const refus = await fetch(new URL('/compte?/fuseau', baseURL()), {
			method: 'POST',
			headers: { cookie: cookies, origin: new URL(baseURL()).origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ fuseau: 'Mars/Olympus' })
		});
		expect(refus.status).toBe(400);
		expect(await refus.text()).toContain('Choisissez un fuseau horaire dans la liste.');

		// She joins the project: the same edit reads in Beirut time, named.
		const depuis = Date.now();
		await page.goto(`${projet}/equipe`);
		await page.getByLabel('Adresse électronique', { exact: true }).fill(beyrouth);
		await soumettre(page, 'Envoyer l’invitation');
		const invitation = await attendreCourriel(boite(), beyrouth, /Invitation au projet/, depuis);
		// The invitation's expiry in her zone, with its offset.
		expect(invitation.texte).toMatch(/valable jusqu’au .+ à \d{1,2}\u00a0h\u00a0\d{2} \(heure de Beyrouth, UTC\+\d\)/);
		await rima.page.goto(lienDe(invitation, baseURL()));
		await soumettre(rima.page, 'Rejoindre le projet');
		await rima.page.goto(`${projet}/diagnostic`);
		const metaBeyrouth = (await rima.page.locator('.meta').first().textContent())!;
		expect(metaBeyrouth).toContain('(heure de Beyrouth)');
		expect([formaterHeure(avant, 'Asia/Beirut'), formaterHeure(apres, 'Asia/Beirut')].some((h) => metaBeyrouth.includes(h))).toBe(true);
		await rima.page.goto(`${projet}/historique`);
		expect(await rima.page.getByRole('columnheader', { name: /Date/ }).textContent()).toContain('heure de Beyrouth');
		await verifierAccessibilite(rima.page);

		// A comment's mail tells her when, in her zone.
		const d2 = Date.now();
		await page.goto(`${projet}/diagnostic`);
		await page.getByLabel('Votre commentaire').fill('Rima, peux-tu relire les besoins ?');
		await soumettre(page, 'Publier le commentaire');
		const mail = await attendreCourriel(boite(), beyrouth, /nouveau commentaire/, d2);
		expect(mail.texte).toMatch(/Nolwenn Guégan a commenté .+, le .+ à \d{1,2}\u00a0h\u00a0\d{2} \(heure de Beyrouth, UTC\+\d\)/);
		expect([formaterDateHeure(new Date(d2), 'Asia/Beirut', 'complete'), formaterDateHeure(new Date(mail.recuLe), 'Asia/Beirut', 'complete')].some((t) => mail.texte.includes(t))).toBe(true);
		await rima.contexte.close();
		await contexte.close();
	});

	it('are proposed from the browser’s zone when scripts run, never changed silently', async () => {
		const courriel = adresse('camilo', 'bogota.test');
		const p = await nouvellePersonne(navigateur, 'Camilo Rojas', courriel);
		await p.contexte.close();
		const contexte = await nouveauContexte(navigateur, { timezoneId: 'America/Bogota' });
		const page = await contexte.newPage();
		await seConnecter(page, courriel, MOT_DE_PASSE);
		await page.goto('/organisations');
		const bandeau = page.getByRole('region', { name: 'Proposition de fuseau horaire' });
		await expect.poll(() => bandeau.isVisible(), { timeout: 30_000 }).toBe(true);
		expect(await bandeau.textContent()).toContain('America/Bogota');
		expect(await bandeau.textContent()).toContain('à l’heure de Paris');
		await verifierAccessibilite(page);
		// Shown, not applied: the account still says Paris.
		await page.goto('/compte');
		expect(await page.getByRole('combobox', { name: 'Fuseau horaire' }).locator('option:checked').getAttribute('value')).toBe('Europe/Paris');
		// « Non » is remembered for that zone.
		await page.getByRole('button', { name: 'Non, garder le fuseau actuel' }).click();
		expect(await bandeau.isVisible()).toBe(false);
		await page.goto('/organisations');
		// Deferred scripts have run once the page is loaded.
		expect(await page.getByRole('region', { name: 'Proposition de fuseau horaire', includeHidden: true }).isHidden()).toBe(true);
		// Accepted in another browser: saved, and back where the person was, told.
		const autre = await nouveauContexte(navigateur, { timezoneId: 'America/Bogota' });
		const page2 = await autre.newPage();
		await seConnecter(page2, courriel, MOT_DE_PASSE);
		await page2.goto('/organisations?q=Loire');
		await expect.poll(() => page2.getByRole('region', { name: 'Proposition de fuseau horaire' }).isVisible(), { timeout: 30_000 }).toBe(true);
		await Promise.all([page2.waitForURL('**/organisations?q=Loire&fuseau-change'), page2.getByRole('button', { name: 'Utiliser America/Bogota' }).click()]);
		expect(await page2.getByRole('status').first().textContent()).toContain('à l’heure de Bogota (America/Bogota)');
		expect(await page2.getByRole('region', { name: 'Proposition de fuseau horaire', includeHidden: true }).isHidden()).toBe(true);
		await page2.goto('/compte');
		expect(await page2.getByRole('combobox', { name: 'Fuseau horaire' }).locator('option:checked').getAttribute('value')).toBe('America/Bogota');
		await autre.close();
		await contexte.close();
	});

	it('are in Paris time, named, for visitors and new accounts', async () => {
		const p = await nouvellePersonne(navigateur, 'Pierre Visiteur');
		await p.page.goto('/compte');
		expect(await p.page.locator('.identite').textContent()).toMatch(/Compte créé le\s*.+ \(heure de Paris\)/);
		await p.contexte.close();
	});
});
