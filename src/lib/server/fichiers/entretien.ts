// `npm run fichiers`: move every stored file from one backend to the other (going to S3, or
// back to the filesystem), and scan the files that wait for a scanner. Each file is copied,
// read back to check its hash, recorded as moved, and only then removed from where it was:
// a move stopped halfway leaves every file readable, and running it again goes on.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/index.ts';
import type { NomStockage } from '../db/schema.ts';
import type { ConfigurationClamd } from './configuration.ts';
import { analyser } from './contenu/analyse.ts';
import type { Stockage } from './stockage/index.ts';
import { changerStockage, fichiersAAnalyser, fichiersDans, noterAnalyse } from './preuves/base.ts';

/** Copies a stored object to a local temporary file, and gives its SHA-256. */
async function copieLocale(s: Stockage, cle: string, dossier: string): Promise<{ chemin: string; sha256: string }> {
	const chemin = path.join(dossier, 'copie');
	const hash = createHash('sha256');
	const flux = await s.lire(cle);
	flux.on('data', (m: Buffer) => hash.update(m));
	await pipeline(flux, createWriteStream(chemin));
	return { chemin, sha256: hash.digest('hex') };
}

export type Bilan = { deplaces: number; erreurs: string[] };

/** Moves every live file (and its preview) stored in `de` to `vers`. */
export async function deplacerFichiers(db: Database, de: Stockage, vers: Stockage, dire: (ligne: string) => void = () => {}): Promise<Bilan> {
	const bilan: Bilan = { deplaces: 0, erreurs: [] };
	const dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-deplacement-'));
	try {
		for (const f of await fichiersDans(db, de.nom)) {
			try {
				// Infected files were never stored: only their record moves.
				if (f.analyse !== 'quarantaine') {
					const { sha256 } = f;
					const copie = await copieLocale(de, f.cle, dossier);
					if (copie.sha256 !== sha256) throw new Error(`contenu altéré (SHA-256 ${copie.sha256} au lieu de ${sha256})`);
					await vers.deposer(f.cle, copie.chemin, f.type);
					const relu = await copieLocale(vers, f.cle, dossier);
					if (relu.sha256 !== sha256) throw new Error('la copie relue ne correspond pas');
					if (f.apercu) {
						const apercu = await copieLocale(de, f.apercu, dossier);
						await vers.deposer(f.apercu, apercu.chemin, 'image/webp');
					}
				}
				if (!(await changerStockage(db, f, de.nom, vers.nom))) {
					// Removed or stored again while it was copied: the copy is the one to go.
					await vers.supprimer(f.cle);
					if (f.apercu) await vers.supprimer(f.apercu);
					dire(`  ${f.cle} : changé pendant la copie, laissé tel quel`);
					continue;
				}
				await de.supprimer(f.cle);
				if (f.apercu) await de.supprimer(f.apercu);
				bilan.deplaces += 1;
				dire(`  ${f.cle} : déplacé`);
			} catch (e) {
				bilan.erreurs.push(`${f.cle} : ${(e as Error).message}`);
				dire(`  ${f.cle} : NON déplacé (${(e as Error).message}) — il reste lisible là où il était`);
			}
		}
	} finally {
		await rm(dossier, { recursive: true, force: true });
	}
	return bilan;
}

export type BilanAnalyse = { sains: number; quarantaine: number; enAttente: number };

/**
 * Scans the files that wait (the scanner was down when they came). An infected file's bytes
 * are removed at once; one the scanner still cannot read keeps waiting.
 */
export async function analyserEnAttente(db: Database, config: ConfigurationClamd, stockages: (nom: NomStockage) => Stockage, dire: (ligne: string) => void = () => {}): Promise<BilanAnalyse> {
	const bilan: BilanAnalyse = { sains: 0, quarantaine: 0, enAttente: 0 };
	const dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-analyse-'));
	try {
		for (const f of await fichiersAAnalyser(db)) {
			const s = stockages(f.stockage);
			const copie = await copieLocale(s, f.cle, dossier);
			const verdict = await analyser(config, copie.chemin);
			if (verdict.etat === 'a-analyser') {
				bilan.enAttente += 1;
				dire(`  ${f.cle} : toujours en attente (${verdict.erreur})`);
				continue;
			}
			await noterAnalyse(db, f.id, verdict.etat, verdict.etat === 'quarantaine' ? verdict.signature : null);
			if (verdict.etat === 'quarantaine') {
				await s.supprimer(f.cle);
				if (f.apercu) await s.supprimer(f.apercu);
				bilan.quarantaine += 1;
				dire(`  ${f.cle} : en quarantaine (${verdict.signature}), fichier effacé`);
			} else {
				bilan.sains += 1;
				dire(`  ${f.cle} : sain`);
			}
		}
	} finally {
		await rm(dossier, { recursive: true, force: true });
	}
	return bilan;
}
