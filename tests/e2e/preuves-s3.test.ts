// Evidence on a server configured as in production: files in an S3-compatible bucket (s3rver
// on loopback, reached with the AWS SDK) and scanned by a real clamd. The EICAR test file is
// put in quarantine (nothing kept, no download); a clean photo lands in the bucket and comes
// back unchanged; with the scanner down, a file waits for its scan and cannot be downloaded.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demarrerClamd, EICAR, type Clamd } from '../support/clamd.ts';
import { demarrerS3, type ServeurS3 } from '../support/s3.ts';
import { ajouterActivite, creerDepartement, creerProjet, nouvellePersonne } from './comptes-de-test.ts';
import { lancerNavigateur, texte, verifierAccessibilite } from './navigateur.ts';
import { demarrerServeurDeTest, type ServeurDeTest } from './serveur.ts';

const ACTIVITE = 'Visite d’échange à Saint-Louis';

let s3: ServeurS3;
let clamd: Clamd;
let serveur: ServeurDeTest;
let navigateur: Browser;
let pilote: Awaited<ReturnType<typeof nouvellePersonne>>;
let page: Page;
let projet: string;
let dossier: string;

const bloc = () => page.getByRole('region', { name: new RegExp(`^Preuves \\(\\d+\\) — ${ACTIVITE}$`) });
const objets = async () => {
	const client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
	const r = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
	return (r.Contents ?? []).map((o) => o.Key!);
};
async function envoyer(fichier: string) {
	if (await bloc().getByLabel('Titre').isHidden()) await bloc().getByText('Ajouter une preuve').click();
	await bloc().getByLabel('Fichier', { exact: true }).setInputFiles(fichier);
	await Promise.all([page.waitForURL('**preuve-pour=**'), bloc().getByRole('button', { name: /^Ajouter la preuve/ }).click()]);
}

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-preuves-s3-'));
	// The signature is of the whole file: EICAR's 68 bytes exactly.
	await writeFile(path.join(dossier, 'compte-rendu.txt'), EICAR);
	await writeFile(path.join(dossier, 'visite.jpg'), await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1d6f8b' } }).jpeg().toBuffer());
	[s3, clamd] = await Promise.all([demarrerS3(), demarrerClamd()]);
	serveur = await demarrerServeurDeTest({ modele: inject('modelePglite'), env: { ...s3.env, CLAMD_SOCKET: clamd.socket } });
	navigateur = await lancerNavigateur();
	pilote = await nouvellePersonne(navigateur, 'Yann Le Goff', undefined, serveur);
	page = pilote.page;
	await creerDepartement(page, `Département du Val-d’Oise ${randomBytes(2).toString('hex')}`, '95');
	projet = await creerProjet(page, 'Échanges Saint-Louis');
	await ajouterActivite(page, projet, ACTIVITE, '2027-02-01', '2027-02-28');
});
afterAll(async () => {
	await pilote?.contexte.close();
	await navigateur?.close();
	await serveur?.nettoyer();
	await clamd?.arreter();
	await s3?.arreter();
	await rm(dossier, { recursive: true, force: true });
});

describe('evidence in an S3 bucket, scanned by ClamAV', () => {
	it('puts a file the scanner flags in quarantine: nothing kept, no download, the team told', async () => {
		await page.goto(`${projet}/suivi/activites`);
		await envoyer(path.join(dossier, 'compte-rendu.txt'));
		expect(await texte(bloc())).toContain('Le fichier a été mis en quarantaine : l’antivirus y a trouvé un virus.');
		expect(await texte(bloc())).toContain('En quarantaine');
		expect(await texte(bloc())).toContain('« Terrinclus-Test-EICAR.UNOFFICIAL »');
		// Not a link: and the address answers 403 all the same.
		expect(await bloc().getByRole('link', { name: 'compte-rendu' }).count()).toBe(0);
		expect(await objets()).toEqual([]);
		const id = /\/preuves\/(\d+)\/retirer/.exec((await bloc().locator('form[action$="/retirer"]').getAttribute('action'))!)![1];
		const r = await page.request.get(`${projet}/preuves/${id}`);
		expect(r.status()).toBe(403);
		// The same bytes again: told again, still nothing kept.
		await envoyer(path.join(dossier, 'compte-rendu.txt'));
		expect(await texte(bloc())).toContain('Le fichier a été mis en quarantaine');
		expect(await objets()).toEqual([]);
		await verifierAccessibilite(page);
	});

	it('keeps a clean photo and its preview in the bucket, and gives back the same bytes', async () => {
		await envoyer(path.join(dossier, 'visite.jpg'));
		expect(await texte(bloc())).toContain('La preuve est ajoutée.');
		const cles = await objets();
		expect(cles).toHaveLength(2);
		expect(cles.some((c) => c.endsWith('.apercu.webp'))).toBe(true);
		const { readFile } = await import('node:fs/promises');
		const r = await page.request.get((await bloc().getByRole('link', { name: 'visite' }).getAttribute('href'))!);
		expect(r.status()).toBe(200);
		expect(r.headers()['content-type']).toBe('image/jpeg');
		expect(Buffer.compare(await r.body(), await readFile(path.join(dossier, 'visite.jpg')))).toBe(0);
		// Removed: the bytes leave the bucket.
		await Promise.all([page.waitForURL('**preuve=retiree**'), bloc().getByRole('button', { name: 'Retirer la preuve « visite »' }).click()]);
		expect(await objets()).toEqual([]);
	});

	it('lets a file wait for its scan while the scanner is down: kept, not downloadable', async () => {
		await clamd.arreter();
		await writeFile(path.join(dossier, 'programme.txt'), 'Programme de la visite : lundi, accueil à la mairie.\n');
		await envoyer(path.join(dossier, 'programme.txt'));
		expect(await texte(bloc())).toContain('En attente de l’analyse antivirus');
		expect(await objets()).toHaveLength(1);
		const id = /\/preuves\/(\d+)\/retirer/.exec((await bloc().locator('form[action$="/retirer"]').last().getAttribute('action'))!)![1];
		const r = await page.request.get(`${projet}/preuves/${id}`);
		expect(r.status()).toBe(409);
		expect(await r.text()).toContain('attend son analyse antivirus');
	});
});
