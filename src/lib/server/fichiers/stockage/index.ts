// Where files' bytes live, behind one interface: the filesystem by default, an S3-compatible
// object store when S3_BUCKET is set. Each file records the backend that holds it, so that
// both can be read while files move from one to the other (`npm run fichiers -- deplacer`).
import type { Readable } from 'node:stream';
import type { NomStockage } from '../../db/schema.ts';
import { configurationS3, dossierFichiers } from '../configuration.ts';
import { stockageDisque } from './disque.ts';
import { stockageS3 } from './s3.ts';

export interface Stockage {
	readonly nom: NomStockage;
	/** Stores the file at `chemin` (a local temporary file) under `cle`. */
	deposer(cle: string, chemin: string, type: string): Promise<void>;
	lire(cle: string): Promise<Readable>;
	/** Removes the bytes; a missing key is not an error. */
	supprimer(cle: string): Promise<void>;
}

const ouverts = new Map<NomStockage, Stockage>();

/** The backend of that name, as configured (the S3 one only when S3_BUCKET is set). */
export function stockage(nom: NomStockage): Stockage {
	let s = ouverts.get(nom);
	if (!s) {
		if (nom === 's3') {
			const config = configurationS3();
			if (!config) throw new Error('Ce fichier est dans un stockage S3, mais S3_BUCKET n’est pas configuré.');
			s = stockageS3(config);
		} else s = stockageDisque(dossierFichiers());
		ouverts.set(nom, s);
	}
	return s;
}

/** Where new files go. */
export const stockageActif = (): Stockage => stockage(configurationS3() ? 's3' : 'disque');
