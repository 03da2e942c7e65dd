import { count } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { etapes } from '../db/schema.ts';
import { empreinteImportee, importerContenu, type BilanImport } from './import.ts';
import { lireContenu } from './lecture.ts';

export type ResultatSynchronisation =
	| { etat: 'a-jour' }
	| { etat: 'importe'; bilan: BilanImport; resume: string };

/**
 * Imports content/ when the database has no kit yet or when the files changed since the
 * last import. Throws ContenuInvalide if the files are invalid.
 */
export async function synchroniserContenu(db: Database, dossier: string, racine?: string): Promise<ResultatSynchronisation> {
	const kit = lireContenu(dossier, racine);
	const [{ n }] = (await db.select({ n: count() }).from(etapes)) as [{ n: number }];
	if (n > 0 && (await empreinteImportee(db)) === kit.empreinte) return { etat: 'a-jour' };
	const bilan = await importerContenu(db, kit);
	return { etat: 'importe', bilan, resume: resumerBilan(bilan) };
}

export const resumerBilan = (b: BilanImport) =>
	b.ajouts + b.modifications + b.suppressions === 0
		? 'aucun changement'
		: `${b.ajouts} ajout(s), ${b.modifications} modification(s), ${b.suppressions} suppression(s)`;
