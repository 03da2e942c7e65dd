// A throwaway database for a test file: embedded PGlite in memory by default, or a fresh
// database created on the PostgreSQL server named by DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Connection } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrate.ts';

export interface BaseDeTest extends Connection {
	/** The connection string of the fresh PostgreSQL database, when on PostgreSQL. */
	url?: string;
	detruire(): Promise<void>;
}

/** Creates an empty database on the server of `url` and returns its connection string. */
export async function creerBasePostgres(url: string, prefixe = 'terrinclus_test'): Promise<{ url: string; supprimer(): Promise<void> }> {
	const nom = `${prefixe}_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`create database ${nom}`);
	await admin.end();
	const u = new URL(url);
	u.pathname = `/${nom}`;
	return {
		url: u.toString(),
		async supprimer() {
			const a = new pg.Client({ connectionString: url });
			await a.connect();
			await a.query(`drop database if exists ${nom} with (force)`);
			await a.end();
		}
	};
}

/** `journal`: told every SQL query run (tests that count queries). */
export async function baseDeTest(options: { journal?: (requete: string) => void } = {}): Promise<BaseDeTest> {
	const serveur = process.env.DATABASE_URL?.trim();
	if (!serveur) {
		// From the migrated dump of the global setup (modele-base.ts), when there is one.
		const modele = inject('modeleBase');
		const connexion = await openDatabase({ directory: 'memory://', loadDataDir: modele ? new Blob([readFileSync(modele)]) : undefined, journal: options.journal });
		await applyMigrations(connexion);
		return { ...connexion, detruire: () => connexion.close() };
	}
	const base = await creerBasePostgres(serveur);
	const connexion = await openDatabase({ url: base.url, journal: options.journal });
	await applyMigrations(connexion);
	return {
		...connexion,
		url: base.url,
		async detruire() {
			await connexion.close();
			await base.supprimer();
		}
	};
}
