import { openFromEnvironment, projectRoot } from '../db/index.ts';
import { applyMigrations } from '../db/migrate.ts';
import { importerContenu } from './import.ts';
import { lireContenu } from './lecture.ts';
import { resumerBilan } from './synchronisation.ts';

/** `npm run content:import`: validate then import, whatever the last import was. */
export async function importerDepuisEnvironnement(dossier: string): Promise<void> {
	const kit = lireContenu(dossier);
	const connection = await openFromEnvironment();
	try {
		await applyMigrations(connection);
		const bilan = await importerContenu(connection.db, kit);
		console.log(`Import terminé (${connection.where}) : ${resumerBilan(bilan)}.`);
		for (const [table, b] of Object.entries(bilan.details)) {
			console.log(`  ${table} : +${b.ajouts} ~${b.modifications} -${b.suppressions}`);
		}
	} finally {
		await connection.close();
	}
}
