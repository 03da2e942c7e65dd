import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Stockage } from './index.ts';

/** Files under one directory, keys as relative paths (written aside, then renamed: never half a file). */
export function stockageDisque(racine: string): Stockage {
	const chemin = (cle: string) => {
		const p = path.resolve(racine, cle);
		if (!p.startsWith(racine + path.sep)) throw new Error(`Clé de fichier invalide : ${cle}`);
		return p;
	};
	return {
		nom: 'disque',
		async deposer(cle, source) {
			const cible = chemin(cle);
			await mkdir(path.dirname(cible), { recursive: true });
			const partiel = `${cible}.${process.pid}.partiel`;
			await copyFile(source, partiel);
			await rename(partiel, cible);
		},
		async lire(cle) {
			const flux = createReadStream(chemin(cle));
			// Opening fails asynchronously: wait for it, so that a missing file is an error here.
			await new Promise<void>((resolve, reject) => flux.once('open', () => resolve()).once('error', reject));
			return flux;
		},
		async supprimer(cle) {
			await rm(chemin(cle), { force: true });
		}
	};
}
