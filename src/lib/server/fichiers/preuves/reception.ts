// Receiving a form that carries a file, as a stream: the file goes to a temporary file while
// its SHA-256 and size are computed, so that a 20 MB upload never sits in memory. Fields are
// kept small; the caller decides and removes the temporary file (`jeter`).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { contientNul, neutraliserBidi } from '../../securite/texte.ts';

export type FichierRecu = { chemin: string; nom: string; taille: number; sha256: string; tropGros: boolean };
export type Recu = { ok: true; champs: Record<string, string>; fichier: FichierRecu | null; jeter: () => Promise<void> } | { ok: false; raison: 'illisible' | 'trop-gros' | 'invalide' };

const CHAMP_MAX = 10_000;

// One private directory per process (0700, files 0600): evidence may be confidential, and
// another local account must not read it while it is being checked.
let dossierPrive: Promise<string> | null = null;
const dossierDesEnvois = () => (dossierPrive ??= mkdtemp(path.join(tmpdir(), 'terrinclus-envois-')));

/** Reads a multipart body: its text fields and at most one file, cut at `tailleMax` + 1 byte. */
export async function recevoir(request: Request, tailleMax: number): Promise<Recu> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\b/i.test(type) || !request.body) return { ok: false, raison: 'illisible' };
	const dossier = await dossierDesEnvois();
	const champs: Record<string, string> = {};
	let fichier: FichierRecu | null = null;
	let ecriture: Promise<void> | null = null;
	let invalide = false;
	const temporaires: string[] = [];
	const jeter = async () => {
		await Promise.all(temporaires.map((t) => rm(t, { force: true })));
	};

	let analyseur: busboy.Busboy;
	try {
		analyseur = busboy({ headers: { 'content-type': type }, limits: { files: 1, fields: 20, parts: 25, fieldSize: CHAMP_MAX, fileSize: tailleMax + 1 }, defParamCharset: 'utf8' });
	} catch {
		return { ok: false, raison: 'illisible' };
	}
	analyseur.on('field', (nom, valeur) => {
		if (contientNul(nom) || contientNul(valeur)) invalide = true;
		else champs[neutraliserBidi(nom)] = neutraliserBidi(valeur);
	});
	analyseur.on('file', (_nom, flux, info) => {
		// An empty file input still sends a part, without a name.
		if (!info.filename) {
			flux.resume();
			return;
		}
		const chemin = path.join(dossier, randomUUID());
		temporaires.push(chemin);
		const hache = createHash('sha256');
		let taille = 0;
		const compte = new Transform({
			transform(morceau: Buffer, _e, suite) {
				taille += morceau.length;
				hache.update(morceau);
				suite(null, morceau);
			}
		});
		const recu: FichierRecu = { chemin, nom: neutraliserBidi(info.filename.replace(/\0/g, '')).slice(-200), taille: 0, sha256: '', tropGros: false };
		flux.on('limit', () => (recu.tropGros = true));
		ecriture = pipeline(flux, compte, createWriteStream(chemin, { mode: 0o600 })).then(() => {
			recu.taille = taille;
			recu.sha256 = hache.digest('hex');
			fichier = recu;
		});
		// A body cut short (a phone losing its network) rejects this write too: handled below,
		// never an unhandled rejection that would stop the process.
		ecriture.catch(() => {});
	});

	try {
		await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), analyseur);
		await ecriture;
	} catch (e) {
		// The temporary file is removed once its write stream has closed.
		await (ecriture as Promise<void> | null)?.catch(() => {});
		await jeter();
		const statut = e && typeof e === 'object' && 'status' in e ? e.status : undefined;
		return { ok: false, raison: statut === 413 ? 'trop-gros' : 'illisible' };
	}
	if (invalide) {
		await jeter();
		return { ok: false, raison: 'invalide' };
	}
	return { ok: true, champs, fichier, jeter };
}
