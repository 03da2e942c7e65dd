import { count } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { etapes } from '../db/schema.ts';
import { empreinteImportee, importerContenu, type BilanImport } from './import.ts';
import { ContenuInvalide, lireContenu } from './lecture.ts';

export type ResultatSynchronisation =
	| { etat: 'a-jour' }
	| { etat: 'importe'; bilan: BilanImport; resume: string }
	/** The files are invalid but a kit was imported before: it stays served. */
	| { etat: 'invalide'; erreur: ContenuInvalide };

/**
 * Imports content/ when the database has no kit yet or when the files changed since the
 * last import. Invalid files throw ContenuInvalide on an empty database; on a database that
 * already has a kit, they are reported and the previous kit is kept, so a typo in a file
 * cannot take the site down.
 */
export async function synchroniserContenu(db: Database, dossier: string, racine?: string): Promise<ResultatSynchronisation> {
	const [{ n }] = (await db.select({ n: count() }).from(etapes)) as [{ n: number }];
	let kit;
	try {
		kit = lireContenu(dossier, racine);
	} catch (error) {
		if (error instanceof ContenuInvalide && n > 0) return { etat: 'invalide', erreur: error };
		throw error;
	}
	if (n > 0 && (await empreinteImportee(db)) === kit.empreinte) return { etat: 'a-jour' };
	const bilan = await importerContenu(db, kit);
	return { etat: 'importe', bilan, resume: resumerBilan(bilan) };
}

export const resumerBilan = (b: BilanImport) =>
	b.ajouts + b.modifications + b.suppressions === 0
		? 'aucun changement'
		: `${b.ajouts} ajout(s), ${b.modifications} modification(s), ${b.suppressions} suppression(s)`;
