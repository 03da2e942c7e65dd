// Global setup of the browser tests: starts the built server (npm run build first) on a
// throwaway database — PGlite in a temporary directory, or a fresh database on the
// PostgreSQL server of DATABASE_URL — with the kit's content plus one draft fiche.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrate.ts';
import { creerBasePostgres } from '../support/base-de-test.ts';
import { demarrerBoiteAuxLettres } from '../support/boite-aux-lettres.ts';
import { copierContenu, type CopieContenu } from '../support/contenu.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		ficheBrouillon: string;
		/** Where the test SMTP server keeps the mails the app sent (boite-aux-lettres.ts). */
		boiteAuxLettres: string;
		/** An embedded database with every migration applied, to copy instead of creating one. */
		modelePglite: string;
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
		// Generous: a loaded machine slows the first start (migrations, import of the kit).
		const delai = setTimeout(() => reject(new Error(`Le serveur n'a pas démarré :\n${sortie}`)), 180_000);
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

/**
 * A data directory for a server: a copy of the migrated template when one is given, so that
 * the server skips PGlite's initdb (seconds on a loaded machine).
 */
export function dossierDeDonnees(modele?: string): string {
	const donnees = mkdtempSync(path.join(tmpdir(), 'terrinclus-e2e-'));
	if (modele) cpSync(modele, path.join(donnees, 'pglite'), { recursive: true });
	return donnees;
}

export interface ServeurDeTest {
	url: string;
	port: number;
	boiteAuxLettres: string;
	donnees: string;
	contenu: CopieContenu;
	processus: ChildProcess;
	/** What the server printed, over all its starts. */
	sortie: () => string;
	/** Stops the server (the database stays) and starts it again on the same data and port. */
	redemarrer(): Promise<void>;
	/** Where the database is, to open it once the server stopped: a PostgreSQL URL, or undefined for PGlite in `donnees`. */
	basePostgres?: string;
	arreter(): Promise<void>;
	nettoyer(): Promise<void>;
}

/**
 * A whole server of its own, for tests that must not disturb the shared one (rate limits,
 * proxy settings, counting every row of the database): its database (PGlite from the
 * template, or a fresh PostgreSQL database), a copy of the content, an SMTP server.
 */
export async function demarrerServeurDeTest(options: { env?: NodeJS.ProcessEnv; modele?: string; preparerContenu?: (c: CopieContenu) => void } = {}): Promise<ServeurDeTest> {
	const contenu = copierContenu();
	options.preparerContenu?.(contenu);
	const donnees = dossierDeDonnees(options.modele);
	const serveurPg = process.env.DATABASE_URL?.trim();
	const basePg = serveurPg ? await creerBasePostgres(serveurPg, 'terrinclus_e2e') : undefined;
	const boite = await demarrerBoiteAuxLettres(path.join(donnees, 'courriels'));
	const port = await portLibre();
	const env = {
		PORT: String(port),
		CONTENT_DIR: contenu.dossier,
		DATA_DIR: donnees,
		DATABASE_URL: basePg?.url ?? '',
		SMTP_URL: boite.url,
		MAIL_FROM: 'Terrinclus <ne-pas-repondre@terrinclus.test>',
		...options.env
	};
	let courant = await demarrerServeur(env);
	let avant = '';
	let arrete = false;
	const arreter = async () => {
		if (arrete) return;
		arrete = true;
		await arreterServeur(courant.processus);
	};
	const serveur: ServeurDeTest = {
		url: `http://127.0.0.1:${port}`,
		port,
		boiteAuxLettres: path.join(donnees, 'courriels'),
		donnees,
		contenu,
		get processus() {
			return courant.processus;
		},
		sortie: () => avant + courant.sortie(),
		async redemarrer() {
			await arreter();
			avant += courant.sortie();
			courant = await demarrerServeur(env);
			arrete = false;
		},
		basePostgres: basePg?.url,
		arreter,
		async nettoyer() {
			await arreter();
			await boite.arreter();
			await basePg?.supprimer();
			rmSync(donnees, { recursive: true, force: true });
			contenu.nettoyer();
		}
	};
	return serveur;
}

/** An embedded database with the migrations applied, closed, ready to be copied. */
async function creerModelePglite(): Promise<string> {
	const dossier = path.join(mkdtempSync(path.join(tmpdir(), 'terrinclus-modele-')), 'pglite');
	const connexion = await openDatabase({ directory: dossier });
	await applyMigrations(connexion);
	await connexion.close();
	return dossier;
}

export default async function setup(project: TestProject) {
	const modele = await creerModelePglite();
	project.provide('modelePglite', modele);
	const serveur = await demarrerServeurDeTest({
		modele,
		// A draft must never be shown to readers: the server gets one to prove it.
		preparerContenu: (contenu) =>
			contenu.ecrire(
				`fiches/${FICHE_BROUILLON}.md`,
				contenu
					.lire('fiches/plateforme-jeunes-engagement-citoyen.md')
					.replace(/^statut: .*$/m, 'statut: brouillon')
					.replace(/^titre: .*$/m, 'titre: "Une fiche encore en brouillon"')
			),
		env: {
			// One administrator per test file that needs one: an address signs up once.
			ADMINISTRATEURS: 'admin-matrice@terrinclus.test,admin-e2e@terrinclus.test,admin-donnees@terrinclus.test,admin-parcours@terrinclus.test'
		}
	});
	project.provide('baseURL', serveur.url);
	project.provide('ficheBrouillon', FICHE_BROUILLON);
	project.provide('boiteAuxLettres', serveur.boiteAuxLettres);

	return async () => {
		await serveur.nettoyer();
		rmSync(path.dirname(modele), { recursive: true, force: true });
	};
}
