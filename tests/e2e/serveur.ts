// Global setup of the browser tests: starts the built server (npm run build first) on a
// throwaway database — PGlite in a temporary directory, or a fresh database on the
// PostgreSQL server of DATABASE_URL — with the kit's content plus one draft fiche.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { creerBasePostgres } from '../support/base-de-test.ts';
import { demarrerBoiteAuxLettres } from '../support/boite-aux-lettres.ts';
import { copierContenu } from '../support/contenu.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		ficheBrouillon: string;
		/** Where the test SMTP server keeps the mails the app sent (boite-aux-lettres.ts). */
		boiteAuxLettres: string;
	}
}

export const RACINE = path.resolve(import.meta.dirname, '../..');
export const FICHE_BROUILLON = 'fiche-en-cours-de-redaction';

export function portLibre(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const adresse = s.address();
			s.close(() => (typeof adresse === 'object' && adresse ? resolve(adresse.port) : reject(new Error('port'))));
		});
	});
}

/** Starts `node scripts/serve.js` and resolves once it listens; rejects with its output if it stops. */
export function demarrerServeur(env: NodeJS.ProcessEnv): Promise<{ processus: ChildProcess; sortie: () => string }> {
	if (!existsSync(path.join(RACINE, 'build/handler.js'))) {
		throw new Error('Le build est absent : lancez « npm run build » avant les tests de navigateur.');
	}
	const processus = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: RACINE,
		env: { ...process.env, HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let sortie = '';
	processus.stdout!.on('data', (d) => (sortie += d));
	processus.stderr!.on('data', (d) => (sortie += d));
	return new Promise((resolve, reject) => {
		const delai = setTimeout(() => reject(new Error(`Le serveur n'a pas démarré :\n${sortie}`)), 90_000);
		processus.stdout!.on('data', () => {
			if (sortie.includes('Terrinclus est prêt')) {
				clearTimeout(delai);
				resolve({ processus, sortie: () => sortie });
			}
		});
		processus.on('exit', (code) => {
			clearTimeout(delai);
			reject(new Error(`Le serveur s'est arrêté (code ${code}) :\n${sortie}`));
		});
	});
}

export function arreterServeur(processus: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (processus.exitCode !== null) return resolve();
		processus.once('exit', () => resolve());
		processus.kill('SIGTERM');
		setTimeout(() => processus.kill('SIGKILL'), 10_000).unref();
	});
}

export default async function setup(project: TestProject) {
	const contenu = copierContenu();
	// A draft must never be shown to readers: the server gets one to prove it.
	contenu.ecrire(
		`fiches/${FICHE_BROUILLON}.md`,
		contenu
			.lire('fiches/plateforme-jeunes-engagement-citoyen.md')
			.replace(/^statut: .*$/m, 'statut: brouillon')
			.replace(/^titre: .*$/m, 'titre: "Une fiche encore en brouillon"')
	);
	const donnees = mkdtempSync(path.join(tmpdir(), 'terrinclus-e2e-'));
	const serveurPg = process.env.DATABASE_URL?.trim();
	const basePg = serveurPg ? await creerBasePostgres(serveurPg, 'terrinclus_e2e') : undefined;
	const boite = await demarrerBoiteAuxLettres(path.join(donnees, 'courriels'));
	const port = await portLibre();
	const { processus } = await demarrerServeur({
		PORT: String(port),
		CONTENT_DIR: contenu.dossier,
		DATA_DIR: donnees,
		DATABASE_URL: basePg?.url ?? '',
		SMTP_URL: boite.url,
		MAIL_FROM: 'Terrinclus <ne-pas-repondre@terrinclus.test>',
		// One administrator per test file that needs one: an address signs up once.
		ADMINISTRATEURS: 'admin-matrice@terrinclus.test,admin-e2e@terrinclus.test,admin-donnees@terrinclus.test'
	});
	project.provide('baseURL', `http://127.0.0.1:${port}`);
	project.provide('ficheBrouillon', FICHE_BROUILLON);
	project.provide('boiteAuxLettres', path.join(donnees, 'courriels'));

	return async () => {
		await arreterServeur(processus);
		await boite.arreter();
		await basePg?.supprimer();
		rmSync(donnees, { recursive: true, force: true });
		contenu.nettoyer();
	};
}
