import path from 'node:path';
import { projectRoot, type Connection } from './index.ts';

/**
 * Applies the migrations of ./drizzle with drizzle-orm's own migrator (drizzle-kit's cannot
 * load PGlite's extensions), then the data migrations written in TypeScript.
 */
export async function applyMigrations(connection: Connection): Promise<void> {
	const migrationsFolder = path.resolve(projectRoot(), 'drizzle');
	if (connection.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(connection.db as never, { migrationsFolder });
	} else {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(connection.db as never, { migrationsFolder });
	}
	const { migrerLesProjets } = await import('../projets/mise-a-niveau.ts');
	await migrerLesProjets(connection.db);
}
