import path from 'node:path';
import { ContenuInvalide } from './contenu/lecture.ts';
import { synchroniserContenu } from './contenu/synchronisation.ts';
import { DatabaseUnavailableError, openFromEnvironment, projectRoot, type Connection, type Database } from './db/index.ts';
import { applyMigrations } from './db/migrate.ts';

let connection: Connection | undefined;

/** The application's database, opened at start by `demarrer`. */
export function db(): Database {
	if (!connection) throw new Error('La base de données n’est pas ouverte (demarrer() n’a pas été appelé).');
	return connection.db;
}

export const dossierContenu = () => path.resolve(projectRoot(), process.env.CONTENT_DIR ?? 'content');

/**
 * Opens the database, applies the migrations and imports the content when needed.
 * Failures a person can fix end the process with one French line, not a stack trace.
 */
export async function demarrer(): Promise<void> {
	if (connection) return;
	try {
		connection = await openFromEnvironment();
		await applyMigrations(connection);
		const resultat = await synchroniserContenu(connection.db, dossierContenu());
		const base = connection.kind === 'pglite' ? `PGlite (${connection.where})` : `PostgreSQL (${connection.where})`;
		if (resultat.etat === 'invalide') {
			console.error(`${resultat.erreur.message}\nLe kit importé précédemment reste en ligne ; corrigez les fichiers puis redémarrez.`);
		}
		console.log(
			resultat.etat === 'importe'
				? `Terrinclus : base ${base} prête, contenu importé (${resultat.resume}).`
				: resultat.etat === 'a-jour'
					? `Terrinclus : base ${base} prête, contenu à jour.`
					: `Terrinclus : base ${base} prête, contenu précédent conservé.`
		);
	} catch (error) {
		if (error instanceof DatabaseUnavailableError || error instanceof ContenuInvalide) {
			console.error(error.message);
			await arreter();
			process.exit(1);
		}
		throw error;
	}
}

export async function arreter(): Promise<void> {
	const c = connection;
	connection = undefined;
	await c?.close();
}
