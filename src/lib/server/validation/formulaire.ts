// What every form action needs: its fields as strings, and one French message per field.
import type { z } from 'zod';

export type Erreurs = Partial<Record<string, string>>;

/** A form's fields from its data, as strings; files and repeated keys are ignored. */
export function champs(donnees: FormData): Record<string, string> {
	const r: Record<string, string> = {};
	for (const [cle, valeur] of donnees) if (typeof valeur === 'string' && !(cle in r)) r[cle] = valeur;
	return r;
}

/** The first message per field of a failed validation. */
export function erreursDe(issues: readonly z.core.$ZodIssue[]): Erreurs {
	const r: Erreurs = {};
	for (const i of issues) {
		const cle = String(i.path[0] ?? 'formulaire');
		r[cle] ??= i.message;
	}
	return r;
}
