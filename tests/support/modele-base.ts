// Global setup of the unit tests: one embedded database with every migration applied, dumped
// once, that each test file loads instead of running PGlite's initdb and the migrations again
// (seconds each on a loaded machine). On PostgreSQL nothing is needed: creating a database is quick.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrate.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A dump of a migrated embedded database (PGlite's dumpDataDir), or '' on PostgreSQL. */
		modeleBase: string;
	}
}

export default async function setup(project: TestProject) {
	if (process.env.DATABASE_URL?.trim()) {
		project.provide('modeleBase', '');
		return;
	}
	const connexion = await openDatabase({ directory: 'memory://' });
	await applyMigrations(connexion);
	const client = (connexion.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
	const dossier = mkdtempSync(path.join(tmpdir(), 'terrinclus-modele-'));
	const fichier = path.join(dossier, 'base.tar');
	writeFileSync(fichier, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
	await connexion.close();
	project.provide('modeleBase', fichier);
	return () => rmSync(dossier, { recursive: true, force: true });
}
