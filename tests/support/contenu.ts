// Copies of the kit's content in a temporary directory, to test what a change to one file does.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CONTENU_REEL = path.resolve(import.meta.dirname, '../../content');

export interface CopieContenu {
	/** The copy's content directory (pass to lireContenu). */
	dossier: string;
	/** Its parent, so that messages name files as « content/fiches/x.md ». */
	racine: string;
	lire(fichier: string): string;
	ecrire(fichier: string, texte: string): void;
	/** Replaces the first occurrence of `avant` in a file; fails if absent, so a test cannot pass by accident. */
	remplacer(fichier: string, avant: string | RegExp, apres: string): void;
	supprimer(fichier: string): void;
	nettoyer(): void;
}

export function copierContenu(): CopieContenu {
	const racine = mkdtempSync(path.join(tmpdir(), 'terrinclus-contenu-'));
	const dossier = path.join(racine, 'content');
	cpSync(CONTENU_REEL, dossier, { recursive: true });
	const chemin = (f: string) => path.join(dossier, f);
	return {
		dossier,
		racine,
		lire: (f) => readFileSync(chemin(f), 'utf8'),
		ecrire: (f, t) => writeFileSync(chemin(f), t),
		remplacer(f, avant, apres) {
			const texte = readFileSync(chemin(f), 'utf8');
			const nouveau = texte.replace(avant, apres);
			if (nouveau === texte) throw new Error(`« ${String(avant)} » introuvable dans ${f}`);
			writeFileSync(chemin(f), nouveau);
		},
		supprimer: (f) => rmSync(chemin(f)),
		nettoyer: () => rmSync(racine, { recursive: true, force: true })
	};
}
