// Moving files between the filesystem and a real S3-compatible server, and scanning those
// that waited, on the real database: the files move whole, verified, and stay readable.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { demarrerClamd, EICAR, type Clamd } from '../../../../tests/support/clamd.ts';
import { projetsDeTest } from '../../../../tests/support/organisations.ts';
import { demarrerS3, type ServeurS3 } from '../../../../tests/support/s3.ts';
import { configurationS3 } from './configuration.ts';
import { analyserEnAttente, deplacerFichiers } from './entretien.ts';
import { ajouterFichier, preuvesDuProjet } from './preuves/base.ts';
import { stockageDisque } from './stockage/disque.ts';
import type { Stockage } from './stockage/index.ts';
import { stockageS3 } from './stockage/s3.ts';

let base: BaseDeTest;
let s3: ServeurS3;
let clamd: Clamd;
let dossier: string;
let disque: Stockage;
let bucket: Stockage;
let projet: number;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function deposer(s: Stockage, nom: string, contenu: string, analyse: 'sain' | 'a-analyser' = 'sain') {
	const source = path.join(dossier, nom);
	await writeFile(source, contenu);
	const cle = `projets/${projet}/${sha(contenu)}-${nom}`;
	await s.deposer(cle, source, 'text/plain; charset=utf-8');
	await ajouterFichier(base.db, {
		projetId: projet,
		cible: 'activite',
		cibleId: 'act000001',
		periodeId: null,
		titre: nom,
		confidentielle: false,
		auteurId: 'camille',
		nomFichier: `${nom}.txt`,
		contenu: { sha256: sha(contenu), taille: contenu.length, type: 'text/plain; charset=utf-8', stockage: s.nom, cle, apercu: null, analyse, signature: null }
	});
	return cle;
}

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-entretien-'));
	[base, s3, clamd] = await Promise.all([baseDeTest(), demarrerS3(), demarrerClamd()]);
	disque = stockageDisque(path.join(dossier, 'fichiers'));
	bucket = stockageS3(configurationS3(s3.env)!);
	[projet] = (await projetsDeTest(base.db, 'Entretien')) as [number];
});
afterAll(async () => {
	await Promise.all([base?.detruire(), s3?.arreter(), clamd?.arreter()]);
	await rm(dossier, { recursive: true, force: true });
});

describe('file maintenance', () => {
	it('moves every file to S3, verified, then back to the filesystem', async () => {
		const cles = [await deposer(disque, 'programme', 'Programme de la visite'), await deposer(disque, 'liste', 'Liste de présence')];
		const bilan = await deplacerFichiers(base.db, disque, bucket);
		expect(bilan).toEqual({ deplaces: 2, erreurs: [] });
		expect(await readdir(path.join(dossier, 'fichiers', 'projets', String(projet)))).toEqual([]);
		expect(await text(await bucket.lire(cles[0]!))).toBe('Programme de la visite');
		const lues = await preuvesDuProjet(base.db, projet, { cibles: ['activite'], confidentielles: true });
		expect(lues.map((p) => p.stockage)).toEqual(['s3', 's3']);
		// Running it again finds nothing left to move.
		expect(await deplacerFichiers(base.db, disque, bucket)).toEqual({ deplaces: 0, erreurs: [] });
		expect(await deplacerFichiers(base.db, bucket, disque)).toEqual({ deplaces: 2, erreurs: [] });
		expect(await text(await disque.lire(cles[1]!))).toBe('Liste de présence');
		await expect(bucket.lire(cles[1]!)).rejects.toThrow();
	});

	it('leaves a file whose bytes changed where it was, readable, and says so', async () => {
		const cle = await deposer(disque, 'altere', 'Texte d’origine');
		await writeFile(path.join(dossier, 'fichiers', cle), 'Texte modifié sur le disque');
		const bilan = await deplacerFichiers(base.db, disque, bucket);
		expect(bilan.deplaces).toBe(2);
		expect(bilan.erreurs).toEqual([expect.stringContaining('contenu altéré')]);
		expect(await text(await disque.lire(cle))).toBe('Texte modifié sur le disque');
		const [altere] = (await preuvesDuProjet(base.db, projet, { cibles: ['activite'], confidentielles: true })).filter((p) => p.cle === cle);
		expect(altere!.stockage).toBe('disque');
	});

	it('scans the files that waited: an infected one is removed and put in quarantine', async () => {
		const sain = await deposer(disque, 'sain', 'Compte rendu sans histoire', 'a-analyser');
		const infecte = await deposer(disque, 'infecte', EICAR, 'a-analyser');
		const stockages = (nom: string) => (nom === 's3' ? bucket : disque);
		expect(await analyserEnAttente(base.db, { socket: path.join(dossier, 'absent.sock') }, stockages)).toEqual({ sains: 0, quarantaine: 0, enAttente: 2 });
		expect(await analyserEnAttente(base.db, { socket: clamd.socket }, stockages)).toEqual({ sains: 1, quarantaine: 1, enAttente: 0 });
		const lues = await preuvesDuProjet(base.db, projet, { cibles: ['activite'], confidentielles: true });
		expect(lues.find((p) => p.cle === sain)).toMatchObject({ analyse: 'sain', signature: null });
		expect(lues.find((p) => p.cle === infecte)).toMatchObject({ analyse: 'quarantaine', signature: 'Terrinclus-Test-EICAR.UNOFFICIAL' });
		await expect(disque.lire(infecte)).rejects.toThrow();
	});
});
