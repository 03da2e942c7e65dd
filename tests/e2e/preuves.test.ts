// Evidence files through the real server and Chromium: the partner abroad, on a 320 px phone
// with scripts, attaches a photo and a confidential attendance list to a value and a file to
// the period's report; the pilot, without JavaScript, attaches to an activity and meets every
// refusal in French (content ≠ extension, empty, over the limit, a zip bomb, a bad link);
// a lecteur sees and downloads what is not confidential only. Downloads are attachments.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { adresse, ajouterActivite, boite, creerDepartement, creerProjet, datesDuProjet, MOT_DE_PASSE, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, nouveauContexte, texte, verifierAccessibilite } from './navigateur.ts';

const ACCUEIL = 'Femmes accompagnées vers un emploi à Kaolack';
const ACTIVITE = 'Atelier de préparation aux entretiens';
const LA_BAS = 'Là-bas (partenaire)';

let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
let periode: string;
let cp: BrowserContext;
let partenaire: Page;
let cl: BrowserContext;
let lecteur: Page;
let dossier: string;
const suffixe = randomBytes(2).toString('hex');
const fichiers: Record<string, string> = {};

const pdf = (ligne: string) =>
	new Promise<Buffer>((resolve) => {
		const doc = new PDFDocument();
		const morceaux: Buffer[] = [];
		doc.on('data', (m: Buffer) => morceaux.push(m));
		doc.on('end', () => resolve(Buffer.concat(morceaux)));
		doc.text(ligne);
		doc.end();
	});

/** The evidence block of one thing on a page, by what it is about. */
const preuves = (p: Page, sujet: string): Locator => p.getByRole('region', { name: new RegExp(`^Preuves \\(\\d+\\) — ${sujet.replace(/[()]/g, '\\$&')}$`) });
const blocActivite = (p: Page): Locator => preuves(p, ACTIVITE);

async function inviter(courriel: string, role: string) {
	const depuis = Date.now();
	await page.goto(`${projet}/equipe`);
	await page.getByLabel('Adresse électronique', { exact: true }).fill(courriel);
	await page.getByLabel('Rôle sur le projet').selectOption(role);
	await soumettre(page, 'Envoyer l’invitation');
	return attendreCourriel(boite(), courriel, /Invitation au projet/, depuis);
}

async function rejoindre(p: Page, invitation: Awaited<ReturnType<typeof inviter>>, nom: string) {
	await p.goto(lienDe(invitation, baseURL()));
	await p.getByRole('link', { name: 'Créer un compte' }).click();
	await p.getByLabel('Nom', { exact: true }).fill(nom);
	await p.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE);
	await p.getByLabel('Confirmation du mot de passe', { exact: true }).fill(MOT_DE_PASSE);
	await soumettre(p, 'Créer mon compte');
	await p.waitForURL(`**${projet}?bienvenue`);
}

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-preuves-'));
	const ecrire = async (nom: string, octets: Buffer | string) => {
		fichiers[nom] = path.join(dossier, nom);
		await writeFile(fichiers[nom]!, octets);
	};
	await ecrire('atelier-kaolack.png', await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c46b2d' } }).png().toBuffer());
	await ecrire('liste-de-presence.pdf', await pdf('Liste de présence — atelier du 12 mars 2027, Kaolack'));
	await ecrire('compte-rendu-comite.pdf', await pdf('Compte rendu du comité de pilotage'));
	await ecrire('programme-atelier.pdf', await pdf('Programme de l’atelier'));
	// A photo renamed « .pdf », an empty file, a Word document holding 30 MB of zeros.
	await ecrire('faux-rapport.pdf', await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer());
	await ecrire('vide.pdf', '');
	const bombe = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Bilan')] }] })));
	bombe.file('word/media/vide.bin', Buffer.alloc(30 * 1024 * 1024), { compression: 'DEFLATE' });
	await ecrire('bilan.docx', await bombe.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
	await ecrire('carte.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Hélène Roussel');
	page = pilote.page;
	await creerDepartement(page, `Département de l’Essonne ${suffixe}`, '91');
	projet = await creerProjet(page, `Emploi des femmes à Kaolack ${suffixe}`);
});
afterAll(async () => {
	await cl?.close();
	await cp?.close();
	await pilote?.contexte.close();
	await navigateur?.close();
	await rm(dossier, { recursive: true, force: true });
});

describe('evidence files', () => {
	it('are prepared for: an indicator abroad, an activity, the quarters', async () => {
		await datesDuProjet(page, projet, '2027-01-01', '2027-06-30');
		await page.goto(`${projet}/cadre-logique`);
		await page.getByLabel('Indicateur', { exact: true }).first().fill(ACCUEIL);
		await page.getByLabel('Type', { exact: true }).first().selectOption('nombre');
		await page.getByLabel('Unité').first().fill('femmes');
		await page.getByLabel('Côté', { exact: true }).first().selectOption('la-bas');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL(`**${projet}/cadre-logique?enregistre=*#message-section`);
		await ajouterActivite(page, projet, ACTIVITE, '2027-02-01', '2027-03-31');
		await page.goto(`${projet}/suivi`);
		await soumettre(page, 'Créer les périodes');
		await page.waitForURL(`**${projet}/suivi?ajoutees=2#message-suivi`);
		periode = (await page.getByRole('link', { name: '1er trimestre 2027', exact: true }).getAttribute('href'))!;
	});

	it('are attached abroad on a phone, with a preview for a photo and a confidential list', async () => {
		cp = await nouveauContexte(navigateur, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
		partenaire = await cp.newPage();
		await rejoindre(partenaire, await inviter(adresse('aminata', 'kaolack.test'), 'contributeur'), 'Aminata Ndiaye');
		await partenaire.goto(periode);
		const bloc = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`);
		expect(await texte(bloc)).toContain('Aucune preuve pour l’instant.');
		await bloc.getByText('Ajouter une preuve').click();
		await bloc.getByLabel('Titre').fill('Photo de l’atelier du 12 mars');
		await bloc.getByLabel('Fichier', { exact: true }).setInputFiles(fichiers['atelier-kaolack.png']!);
		await Promise.all([partenaire.waitForURL('**preuve=ajoutee**'), bloc.getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
		const apres = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`);
		await expect.poll(() => texte(apres)).toContain('La preuve est ajoutée.');
		expect(await texte(apres)).toMatch(/Photo de l’atelier du 12 mars — Image, \d+ Ko, « atelier-kaolack\.png »/);
		expect(await texte(apres)).toContain('Ajoutée par Aminata Ndiaye le');
		// The preview is a small WebP, served to the team.
		const apercu = await apres.locator('img').getAttribute('src');
		const reponse = await partenaire.request.get(apercu!);
		expect(reponse.headers()['content-type']).toBe('image/webp');
		expect((await sharp(await reponse.body()).metadata()).width).toBe(320);

		await apres.getByText('Ajouter une preuve').click();
		await apres.getByLabel('Titre').fill('Liste de présence signée');
		await apres.getByLabel('Fichier', { exact: true }).setInputFiles(fichiers['liste-de-presence.pdf']!);
		await apres.getByLabel(/^Confidentielle/).check();
		await Promise.all([partenaire.waitForURL('**preuve=ajoutee**'), apres.getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
		const deux = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`);
		await expect.poll(() => deux.getByRole('listitem').count()).toBe(2);
		expect(await texte(deux.getByRole('listitem').nth(1))).toContain('Confidentielle');

		// The report abroad gets its own file.
		const rapport = preuves(partenaire, `compte rendu, ${LA_BAS}`);
		await rapport.getByText('Ajouter une preuve').click();
		await rapport.getByLabel('Fichier', { exact: true }).setInputFiles(fichiers['compte-rendu-comite.pdf']!);
		await Promise.all([partenaire.waitForURL('**preuve=ajoutee**'), rapport.getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
		// Without a title, the file's name is the title.
		await expect.poll(() => texte(preuves(partenaire, `compte rendu, ${LA_BAS}`))).toContain('compte-rendu-comite — PDF');
		// Nothing is wider than the phone.
		expect(await partenaire.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(partenaire);
	});

	it('are downloaded as attachments by the team, bytes unchanged, never shown inline', async () => {
		const lienPdf = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`).getByRole('link', { name: 'Liste de présence signée' });
		const [telechargement] = await Promise.all([partenaire.waitForEvent('download'), lienPdf.click()]);
		expect(telechargement.suggestedFilename()).toBe('liste-de-presence.pdf');
		const recu = await partenaire.request.get((await lienPdf.getAttribute('href'))!);
		expect(recu.headers()['content-disposition']).toMatch(/^attachment; filename="liste-de-presence\.pdf"/);
		expect(recu.headers()['content-security-policy']).toContain('sandbox');
		expect(recu.headers()['x-content-type-options']).toBe('nosniff');
		const { readFile } = await import('node:fs/promises');
		expect(Buffer.compare(await recu.body(), await readFile(fichiers['liste-de-presence.pdf']!))).toBe(0);
	});

	it('are refused in French without JavaScript, with what was typed kept and nothing stored', async () => {
		await page.goto(`${projet}/suivi/activites`);
		const bloc = () => blocActivite(page);
		const essayer = async (fichier: string | null, titre: string, lien = '') => {
			// After a refusal the form comes back open.
			if (await bloc().getByLabel('Titre').isHidden()) await bloc().getByText('Ajouter une preuve').click();
			await bloc().getByLabel('Titre').fill(titre);
			if (fichier) await bloc().getByLabel('Fichier', { exact: true }).setInputFiles(fichiers[fichier]!);
			await bloc().getByLabel('Ou un lien').fill(lien);
			await Promise.all([page.waitForURL('**preuve-pour=**'), bloc().getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
			return texte(bloc().getByRole('alert'));
		};
		expect(await essayer('faux-rapport.pdf', 'Rapport final')).toBe('Le contenu de ce fichier ne correspond pas à son extension : c’est une image PNG. Renommez-le avec la bonne extension, ou choisissez le bon fichier.');
		// The title typed comes back in its field; the form is open.
		expect(await bloc().getByLabel('Titre').inputValue()).toBe('Rapport final');
		expect(await essayer('vide.pdf', 'Vide')).toBe('Le fichier choisi est vide : choisissez-le de nouveau.');
		expect(await essayer('bilan.docx', 'Bilan')).toContain('beaucoup trop de données pour un document ordinaire');
		expect(await essayer(null, 'Rien')).toBe('Choisissez un fichier, ou donnez l’adresse d’un lien.');
		expect(await essayer(null, 'Album', 'javascript:alert(1)')).toContain('Ce lien n’est pas une adresse web');
		expect(await bloc().getByLabel('Ou un lien').inputValue()).toBe('javascript:alert(1)');
		expect(await essayer('programme-atelier.pdf', 'Les deux', 'https://exemple.test/album')).toBe('Choisissez un fichier ou donnez un lien, pas les deux à la fois.');
		expect(await texte(bloc())).toContain('Aucune preuve pour l’instant.');
		await verifierAccessibilite(page);

		// Over the limit (20 MB by default): refused after the limit, whatever the name says.
		const gros = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
		const origine = { origin: new URL(baseURL()).origin };
		const activite = await bloc().locator('input[name=cibleId]').getAttribute('value');
		const refus = await page.request.post(`${projet}/preuves`, {
			multipart: { cible: 'activite', cibleId: activite!, retour: `${projet}/suivi/activites`, titre: 'Gros', fichier: { name: 'gros.pdf', mimeType: 'application/pdf', buffer: gros } },
			headers: origine,
			maxRedirects: 0
		});
		expect(refus.status()).toBe(303);
		expect(decodeURIComponent(refus.headers().location!)).toContain('preuve-erreur=trop-gros');
		// A forged target, or a target of another project, is refused too.
		const cible = await page.request.post(`${projet}/preuves`, { multipart: { cible: 'activite', cibleId: 'act999999', retour: `${projet}/suivi/activites`, lien: 'https://exemple.test' }, headers: origine, maxRedirects: 0 });
		expect(cible.headers().location).toContain('preuve-erreur=cible');
		// A retour outside the project is not followed.
		const ailleurs = await page.request.post(`${projet}/preuves`, { multipart: { cible: 'activite', cibleId: activite!, retour: 'https://ailleurs.test/x', lien: 'https://exemple.test/p' }, headers: origine, maxRedirects: 0 });
		expect(ailleurs.headers().location).toMatch(new RegExp(`^${projet}/suivi\\?`));
		// A body that cannot be read still gets its message next to the form it came from.
		const action = (await bloc().locator('form[data-envoi-preuve]').getAttribute('action'))!;
		const illisible = await page.request.post(action, { headers: { ...origine, 'content-type': 'multipart/form-data; boundary=abc' }, data: '--abc\r\nnimporte quoi', maxRedirects: 0 });
		expect(illisible.status()).toBe(303);
		await page.goto(illisible.headers().location!);
		expect(await texte(bloc().getByRole('alert'))).toBe('Le formulaire envoyé est illisible : rechargez la page et réessayez.');
		await page.goto(`${projet}/suivi/activites`);
		expect(await texte(bloc())).not.toContain('Gros');

		// An SVG is accepted but only ever downloaded, under the sandbox.
		if (await bloc().getByLabel('Titre').isHidden()) await bloc().getByText('Ajouter une preuve').click();
		await bloc().getByLabel('Fichier', { exact: true }).setInputFiles(fichiers['carte.svg']!);
		await Promise.all([page.waitForURL('**preuve=ajoutee**'), bloc().getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
		const svg = await page.request.get((await bloc().getByRole('link', { name: 'carte' }).getAttribute('href'))!);
		expect(svg.headers()['content-disposition']).toMatch(/^attachment/);
		expect(svg.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
	});

	it('are shown to a lecteur without the confidential ones, which cannot be downloaded either', async () => {
		cl = await nouveauContexte(navigateur, { javaScriptEnabled: false });
		lecteur = await cl.newPage();
		await rejoindre(lecteur, await inviter(adresse('marc', 'exemple.test'), 'lecteur'), 'Marc Lefèvre');
		const hrefConfidentielle = await preuvesHref(partenaire, 'Liste de présence signée');
		await lecteur.goto(periode);
		const bloc = preuves(lecteur, `${ACCUEIL}, ${LA_BAS}`);
		expect(await texte(bloc)).toContain('Photo de l’atelier du 12 mars');
		expect(await texte(bloc)).not.toContain('Liste de présence');
		expect(await bloc.getByText('Ajouter une preuve').count()).toBe(0);
		expect(await bloc.getByRole('button', { name: /Retirer/ }).count()).toBe(0);
		expect((await lecteur.request.get(hrefConfidentielle)).status()).toBe(404);
		expect((await lecteur.request.get(await preuvesHref(partenaire, 'Photo de l’atelier du 12 mars'))).status()).toBe(200);
		// A lecteur cannot add either, even by posting.
		const origine = { origin: new URL(baseURL()).origin };
		const r = await lecteur.request.post(`${projet}/preuves`, { multipart: { cible: 'compte-rendu', cibleId: 'x', lien: 'https://exemple.test' }, headers: origine, maxRedirects: 0 });
		expect(r.status()).toBe(403);
		await verifierAccessibilite(lecteur);
	});

	it('are removed by their author and kept in the history; no one else’s can be removed by a contributor', async () => {
		await partenaire.goto(periode);
		const bloc = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`);
		await Promise.all([partenaire.waitForURL('**preuve=retiree**'), bloc.getByRole('button', { name: 'Retirer la preuve « Photo de l’atelier du 12 mars »' }).click()]);
		const apres = preuves(partenaire, `${ACCUEIL}, ${LA_BAS}`);
		await expect.poll(() => texte(apres)).toContain('La preuve est retirée ; l’historique garde sa trace.');
		await apres.getByText('Preuves retirées (1)').click();
		expect(await texte(apres)).toMatch(/Photo de l’atelier du 12 mars — Image ; Ajoutée par Aminata Ndiaye le .* ; Retirée par Aminata Ndiaye le /);
		// A contributor cannot remove what someone else added.
		await partenaire.goto(`${projet}/suivi/activites`);
		expect(await blocActivite(partenaire).getByRole('button', { name: /Retirer/ }).count()).toBe(0);
	});
});

async function preuvesHref(p: Page, titre: string): Promise<string> {
	await p.goto(periode);
	return (await preuves(p, `${ACCUEIL}, ${LA_BAS}`).getByRole('link', { name: titre }).getAttribute('href'))!;
}
