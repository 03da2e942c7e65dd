// The dossier through the real server and browser, without JavaScript: the person exporting
// chooses its parts on the project's home (the empty sections unchecked), and downloads the
// PDF and the Word file of that choice, by mouse or keyboard, on a phone too.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerDepartement, nouvellePersonne, soumettre } from './comptes-de-test.ts';
import { baseURL, lancerNavigateur, verifierAccessibilite } from './navigateur.ts';

let navigateur: Browser;
let personne: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
const suffixe = randomBytes(2).toString('hex');
const titre = `Chantiers croisés à Ziguinchor : jeunesse, insertion et coopération décentralisée ${suffixe}`;

beforeAll(async () => {
	navigateur = await lancerNavigateur();
});
afterAll(async () => {
	await personne?.contexte.close();
	await navigateur?.close();
});

const ENTETE = 'Parties à mettre dans le dossier';
const formulaire = () => page.getByRole('group', { name: ENTETE });
const caseDe = (partie: string) => formulaire().getByRole('checkbox', { name: new RegExp(`^${partie}`) });

/** Clicks a download button; answers the file, its suggested name and the response's header. */
async function telechargerPar(bouton: string) {
	const reponse = page.waitForResponse((r) => r.url().includes('/export/'));
	const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: bouton }).click()]);
	const r = await reponse;
	return { corps: readFileSync((await telechargement.path())!), nom: telechargement.suggestedFilename(), disposition: r.headers()['content-disposition'] ?? '', adresse: new URL(r.url()) };
}

const textePdf = async (corps: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(corps)), { mergePages: true })).text;

describe('the dossier of a project, chosen part by part', () => {
	it('starts from a project with a few sections filled', async () => {
		personne = await nouvellePersonne(navigateur, 'Camille Martin');
		page = personne.page;
		await creerDepartement(page, `Département du Morbihan ${suffixe}`, '56');
		await page.goto('/projets/nouveau');
		await page.getByLabel('Titre du projet').fill(titre);
		await soumettre(page, 'Créer le projet');
		await page.waitForURL('**/projets/*?cree');
		projet = new URL(page.url()).pathname;

		// Typed in a browser, a text area's lines reach the server separated by CRLF.
		await page.goto(`${projet}/diagnostic`);
		await page.getByLabel('Besoins ici').fill('Trois constats :\n- peu de mobilité ;\n- des jeunes isolés ;\n- des services cloisonnés 🧱.');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/diagnostic?enregistre=1#message-section');

		await page.goto(`${projet}/budget`);
		await page.getByLabel('Catégorie').first().selectOption('deplacements');
		await page.getByLabel('Libellé').first().fill('Billets Nantes–Ziguinchor');
		await page.getByLabel('Montant', { exact: true }).first().fill('38 500,5');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/budget?enregistre=1#message-section');

		await page.goto(`${projet}/calendrier`);
		await page.getByLabel('Activité').first().fill('Chantier de printemps');
		await page.getByLabel('Début').first().fill('2027-03-10');
		await page.getByLabel('Fin').first().fill('2027-05-20');
		await soumettre(page, 'Ajouter une ligne à « Activités »');
		await page.getByLabel('Activité').nth(1).fill('Restitution');
		await page.getByLabel('Début').nth(1).fill('2027-01-05');
		await page.getByLabel('Fin').nth(1).fill('2028-02-10');
		await soumettre(page, 'Enregistrer');
		await page.waitForURL('**/calendrier?enregistre=2#message-section');
	});

	it('offers every part on the project’s home, the empty sections unchecked', async () => {
		await page.goto(projet);
		expect(await formulaire().count()).toBe(1);
		const cochees = ['Identité du projet', 'Diagnostic partagé', 'Budget et financements', 'Activités et calendrier', 'Équipe et auto-évaluation'];
		const vides = ['Partenariat pluri-acteurs', 'Implication des publics', 'Transversalité', 'Cadre logique', 'Plan d’évaluation'];
		for (const p of cochees) expect(await caseDe(p).isChecked(), p).toBe(true);
		for (const p of vides) {
			expect(await caseDe(p).isChecked(), p).toBe(false);
			expect(await formulaire().getByText(p).textContent()).toContain('(vide)');
		}
		await verifierAccessibilite(page);
		// On a phone, the form fits the screen.
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await verifierAccessibilite(page);
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('downloads the PDF of the parts chosen, named after the project', async () => {
		await page.goto(projet);
		await caseDe('Activités et calendrier').uncheck();
		await caseDe('Cadre logique').check();
		const { corps, nom, disposition, adresse } = await telechargerPar('Télécharger le dossier en PDF');
		expect(adresse.pathname).toBe(`${projet}/export/pdf`);
		// The ASCII name, cut before the word that would pass 80 characters, for any client; the
		// title in UTF-8 (filename*), which browsers prefer.
		expect(disposition).toContain('filename="dossier-chantiers-croises-a-ziguinchor-jeunesse-insertion-et-cooperation.pdf"');
		expect(disposition).toContain(`filename*=UTF-8''dossier%20Chantiers%20crois%C3%A9s`);
		expect(nom).toBe(`dossier Chantiers croisés à Ziguinchor jeunesse, insertion et coopération décentralisée ${suffixe}.pdf`);
		const texte = await textePdf(corps);
		for (const attendu of ['Sommaire', 'Identité du projet', 'Diagnostic partagé', 'Budget et financements', 'Cadre logique', 'Équipe et auto-évaluation', 'Camille Martin']) expect(texte).toContain(attendu);
		for (const absent of ['Activités et calendrier', 'Chronogramme', 'Partenariat pluri-acteurs', 'Plan d’évaluation', 'Non renseigné']) expect(texte).not.toContain(absent);
		// The empty section asked for says so, once.
		expect(texte.match(/Cette section n’est pas encore renseignée/g)).toHaveLength(1);
		expect(texte).toContain('Trois constats :\n- peu de mobilité ;\n- des jeunes isolés ;');
		expect(texte).not.toContain('\r');
		// The emoji, in the emoji font the server found.
		expect(texte).toContain('cloisonnés 🧱.');
		expect(texte).toMatch(/38[\s\u202f]500,50[\s\u202f]€/);
	});

	it('downloads the Word file of the same choice, with the keyboard', async () => {
		await page.goto(projet);
		// Unchecks « Identité du projet » and sends the form with the keyboard alone.
		await caseDe('Identité du projet').focus();
		await page.keyboard.press('Space');
		expect(await caseDe('Identité du projet').isChecked()).toBe(false);
		let focus = '';
		for (let i = 0; i < 15 && !focus.startsWith('Télécharger le dossier en Word'); i++) {
			await page.keyboard.press('Tab');
			focus = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		}
		expect(focus).toBe('Télécharger le dossier en Word (.docx)');
		const [telechargement] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		expect(telechargement.suggestedFilename()).toBe(`dossier Chantiers croisés à Ziguinchor jeunesse, insertion et coopération décentralisée ${suffixe}.docx`);
		const zip = await JSZip.loadAsync(readFileSync((await telechargement.path())!));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /);
		expect(xml).toContain('Diagnostic partagé');
		expect(xml).toContain('Activités et calendrier');
		expect(xml).not.toContain('>Identité du projet<');
		expect(xml).not.toMatch(/\r|&#13;|&#xD;/i);
		expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>Camille Martin</dc:creator>');
	});

	it('sends back to the form with a French message when no part, or an unknown one, is asked for', async () => {
		await page.goto(projet);
		for (const c of await formulaire().getByRole('checkbox').all()) await c.uncheck();
		await soumettre(page, 'Télécharger le dossier en PDF');
		expect(new URL(page.url()).searchParams.get('export')).toBe('aucune');
		expect(await page.getByRole('alert').textContent()).toContain('Choisissez au moins une partie à mettre dans le dossier.');
		await verifierAccessibilite(page);
		const cookie = (await personne.contexte.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const demander = (requete: string) => fetch(new URL(`${projet}/export/pdf${requete}`, baseURL()), { redirect: 'manual', headers: { cookie } });
		for (const requete of ['?choix=1&parties=budget&parties=rien', `?parties=${'x'.repeat(5000)}`]) {
			const r = await demander(requete);
			expect(r.status, requete).toBe(303);
			expect(r.headers.get('location')).toBe(`${projet}?export=inconnue#dossier`);
		}
		// A NUL byte never reaches the export: the input gate refuses it, in French.
		const nul = await demander('?parties=%00');
		expect(nul.status).toBe(400);
		expect(await nul.text()).toContain('Cette adresse contient un caractère invalide.');
		await page.goto(`${projet}?export=inconnue`);
		expect(await page.getByRole('alert').textContent()).toContain('Une des parties demandées n’existe pas');
	});
});
