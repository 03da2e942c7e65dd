import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { copierContenu } from '../support/contenu.ts';
import { arreterServeur, demarrerServeur, dossierDeDonnees, portLibre, RACINE } from './serveur.ts';

/** Runs the server until it exits on its own; its exit code and what it printed. */
function executer(env: NodeJS.ProcessEnv): Promise<{ code: number | null; sortie: string; erreurs: string }> {
	return new Promise((resolve) => {
		const p = spawn(process.execPath, ['scripts/serve.js'], {
			cwd: RACINE,
			env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATABASE_URL: '', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let sortie = '';
		let erreurs = '';
		p.stdout.on('data', (d) => (sortie += d));
		p.stderr.on('data', (d) => (erreurs += d));
		const delai = setTimeout(() => p.kill('SIGKILL'), 60_000);
		p.on('exit', (code) => {
			clearTimeout(delai);
			resolve({ code, sortie, erreurs });
		});
	});
}

const aNettoyer: string[] = [];
const dossierTemporaire = () => {
	const d = mkdtempSync(path.join(tmpdir(), 'terrinclus-demarrage-'));
	aNettoyer.push(d);
	return d;
};
afterEach(() => {
	for (const d of aNettoyer.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('starting the server', () => {
	it('exits with one clear line when the PostgreSQL server cannot be reached', async () => {
		const port = await portLibre();
		const { code, erreurs, sortie } = await executer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/terrinclus` });
		expect(code).toBe(1);
		expect(sortie).toBe('');
		expect(erreurs.trim().split('\n')).toEqual([
			`Impossible de joindre le serveur PostgreSQL 127.0.0.1:${port}/terrinclus (DATABASE_URL) : connexion refusée (le serveur est-il démarré ?).`
		]);
	});

	it('refuses to start in production without an https public address, saying why in one French line', async () => {
		for (const env of [{ HOST: '0.0.0.0' }, { NODE_ENV: 'production' }]) {
			const { code, erreurs, sortie } = await executer({ ...env, ADRESSE_PUBLIQUE: '' });
			expect(code).toBe(1);
			expect(sortie).toBe('');
			expect(erreurs.trim().split('\n')).toHaveLength(1);
			expect(erreurs).toMatch(/^Terrinclus refuse de démarrer : en production .*ADRESSE_PUBLIQUE doit donner l’adresse publique du site/);
		}
		const http = await executer({ NODE_ENV: 'production', ADRESSE_PUBLIQUE: 'http://terrinclus.example.fr' });
		expect(http.code).toBe(1);
		expect(http.erreurs).toContain('doit commencer par https://');
		const illisible = await executer({ ADRESSE_PUBLIQUE: 'terrinclus' });
		expect(illisible.code).toBe(1);
		expect(illisible.erreurs).toContain('n’est pas une adresse de site');
	});

	it('exits with one clear line when the embedded database is used by another process', async () => {
		const donnees = dossierTemporaire();
		mkdirSync(path.join(donnees, 'pglite'));
		// The test runner itself plays the other process holding the lock.
		writeFileSync(path.join(donnees, 'pglite.lock'), String(process.pid));
		const { code, erreurs } = await executer({ DATA_DIR: donnees });
		expect(code).toBe(1);
		expect(erreurs.trim().split('\n')).toHaveLength(1);
		expect(erreurs).toContain(`est déjà utilisée par un autre processus (pid ${process.pid})`);
	});

	it('refuses invalid content on an empty database, naming the file and the field', async () => {
		const contenu = copierContenu();
		aNettoyer.push(contenu.racine);
		contenu.remplacer('fiches/protection-enfance-haiti.md', /^pays: \[.*\]$/m, 'pays: ["HTI"]');
		const donnees = dossierDeDonnees(inject('modelePglite'));
		aNettoyer.push(donnees);
		const { code, erreurs } = await executer({ DATA_DIR: donnees, CONTENT_DIR: contenu.dossier });
		expect(code).toBe(1);
		expect(erreurs).toContain("Contenu invalide (1 erreur), rien n'a été importé :");
		expect(erreurs).toContain('content/fiches/protection-enfance-haiti.md — champ « pays[0] » : code pays « HTI » inconnu');
		expect(erreurs).not.toMatch(/\n\s+at /); // no stack trace
	});

	it('stops cleanly on SIGTERM, releasing the embedded database', async () => {
		const donnees = dossierDeDonnees(inject('modelePglite'));
		aNettoyer.push(donnees);
		// The embedded database, even when the suite runs on PostgreSQL.
		const { processus } = await demarrerServeur({ PORT: String(await portLibre()), DATA_DIR: donnees, DATABASE_URL: '' });
		const debut = Date.now();
		await arreterServeur(processus);
		expect(processus.exitCode).toBe(0);
		expect(Date.now() - debut).toBeLessThan(10_000);
		// Released: a second start on the same data succeeds, without importing again.
		const second = await demarrerServeur({ PORT: String(await portLibre()), DATA_DIR: donnees, DATABASE_URL: '' });
		expect(second.sortie()).toContain('contenu à jour');
		await arreterServeur(second.processus);
	});
});
