import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Connection {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** Where the data is, for messages (never contains a password). */
	where: string;
	close(): Promise<void>;
}

/** Raised when the database cannot be opened or reached; its message is one French sentence. */
export class DatabaseUnavailableError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'DatabaseUnavailableError';
	}
}

export const projectRoot = () => process.env.TERRINCLUS_ROOT ?? process.cwd();

/** The embedded database's directory: DATA_DIR/pglite, DATA_DIR defaulting to ./data. */
export const pgliteDirectory = () =>
	path.resolve(projectRoot(), process.env.DATA_DIR ?? 'data', 'pglite');

export interface OpenOptions {
	/** A PostgreSQL connection string; when absent, the embedded PGlite database is used. */
	url?: string;
	/** PGlite data directory; `memory://` for a throwaway database. */
	directory?: string;
	/** A PGlite data directory dump to start from (tests). */
	loadDataDir?: Blob;
	/** Told every SQL query run (tests count them). */
	journal?: (requete: string) => void;
}

/** Opens the database named by the environment: DATABASE_URL, or PGlite under DATA_DIR. */
export function openFromEnvironment(): Promise<Connection> {
	const url = process.env.DATABASE_URL?.trim();
	return url ? openDatabase({ url }) : openDatabase({ directory: pgliteDirectory() });
}

const journalDe = (journal: OpenOptions['journal']) => (journal ? { logQuery: (requete: string) => journal(requete) } : undefined);

export async function openDatabase(options: OpenOptions): Promise<Connection> {
	return options.url ? openPostgres(options.url, options.journal) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Connection> {
	const directory = options.directory ?? pgliteDirectory();
	const inMemory = directory.startsWith('memory://');
	const where = inMemory ? 'en mémoire' : directory;
	const [{ PGlite }, { unaccent }, { pg_trgm }, { drizzle }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('@electric-sql/pglite/contrib/unaccent'),
		import('@electric-sql/pglite/contrib/pg_trgm'),
		import('drizzle-orm/pglite')
	]);
	let client;
	let unlock = () => {};
	try {
		// PGlite cannot create a data directory whose parent is missing.
		if (!inMemory) {
			mkdirSync(path.dirname(directory), { recursive: true });
			unlock = lockDirectory(directory);
		}
		client = await PGlite.create({
			dataDir: inMemory ? undefined : directory,
			loadDataDir: options.loadDataDir,
			extensions: { unaccent, pg_trgm }
		});
		await client.query('select 1');
	} catch (error) {
		if (error instanceof DatabaseUnavailableError) throw error;
		unlock();
		throw new DatabaseUnavailableError(
			`Impossible d'ouvrir la base embarquée PGlite (${where}) : ${reason(error)}. ` +
				`Vérifiez que le dossier est accessible en écriture et qu'aucun autre processus Terrinclus ne l'utilise.`,
			{ cause: error }
		);
	}
	const pglite = client;
	return {
		db: drizzle({ client: pglite, schema, logger: journalDe(options.journal) }) as unknown as Database,
		kind: 'pglite',
		where,
		close: async () => {
			if (!pglite.closed) await pglite.close();
			unlock();
		}
	};
}

/**
 * PGlite is a single-process database and does not lock its directory itself: two processes
 * writing to it (the server and `npm run content:import`) would corrupt it.
 */
function lockDirectory(directory: string): () => void {
	const lockFile = `${directory}.lock`;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(lockFile, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => {
				try {
					if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
				} catch {
					// already gone
				}
			};
		} catch (error) {
			if ((error as { code?: string }).code !== 'EEXIST') throw error;
			const pid = Number(readFileSync(lockFile, 'utf8'));
			if (pid && pid !== process.pid && isAlive(pid)) {
				throw new DatabaseUnavailableError(
					`La base embarquée PGlite (${directory}) est déjà utilisée par un autre processus (pid ${pid}) : ` +
						`arrêtez le serveur Terrinclus avant de lancer cette commande.`
				);
			}
			unlinkSync(lockFile); // left by a process that ended without closing
		}
	}
	throw new DatabaseUnavailableError(`Impossible de verrouiller la base embarquée PGlite (${directory}).`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as { code?: string }).code === 'EPERM';
	}
}

async function openPostgres(url: string, journal?: OpenOptions['journal']): Promise<Connection> {
	const where = describeUrl(url);
	const [{ default: pg }, { drizzle }] = await Promise.all([
		import('pg'),
		import('drizzle-orm/node-postgres')
	]);
	const pool = new pg.Pool({
		connectionString: url,
		max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
		connectionTimeoutMillis: 5000
	});
	// An idle client's error must not crash the process; the next query reports it.
	pool.on('error', () => {});
	try {
		await pool.query('select 1');
	} catch (error) {
		await pool.end().catch(() => {});
		throw new DatabaseUnavailableError(
			`Impossible de joindre le serveur PostgreSQL ${where} (DATABASE_URL) : ${reason(error)}.`,
			{ cause: error }
		);
	}
	return {
		db: drizzle({ client: pool, schema, logger: journalDe(journal) }) as unknown as Database,
		kind: 'postgres',
		where,
		close: () => pool.end()
	};
}

/** host:port/database of a connection string, without credentials. */
export function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
	} catch {
		return '(adresse DATABASE_URL illisible)';
	}
}

function reason(error: unknown): string {
	if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
	const e = error as { code?: string; message?: string };
	const known: Record<string, string> = {
		ECONNREFUSED: 'connexion refusée (le serveur est-il démarré ?)',
		ENOTFOUND: 'hôte introuvable',
		ETIMEDOUT: 'délai de connexion dépassé',
		EACCES: 'permission refusée',
		'28P01': 'mot de passe refusé',
		'28000': 'authentification refusée',
		'3D000': "cette base de données n'existe pas"
	};
	if (e?.code && known[e.code]) return known[e.code]!;
	const message = (e?.message ?? String(error)).split('\n')[0]!.trim();
	return message || 'erreur inconnue';
}

/** A filter on one project's rows or several's: the readers a dashboard of many projects shares. */
export const dansProjets = (colonne: AnyPgColumn, projets: number | readonly number[]) => (typeof projets === 'number' ? eq(colonne, projets) : inArray(colonne, [...projets]));
