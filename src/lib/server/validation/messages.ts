import type { z } from 'zod';

const TYPES: Record<string, string> = {
	string: 'du texte',
	number: 'un nombre',
	int: 'un nombre entier',
	boolean: 'true ou false',
	array: 'une liste',
	object: 'un ensemble de champs'
};

const list = (values: readonly unknown[]) => values.map((v) => `« ${String(v)} »`).join(', ');

/**
 * French messages for Zod issues, written for the people who edit content and fill forms
 * (Zod's own French locale speaks of « chaîne de caractères attendu, indéfini reçu »).
 */
export const messageFr: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null) return 'ce champ est obligatoire';
			return `doit être ${TYPES[issue.expected] ?? issue.expected}`;
		case 'too_small':
			if (issue.origin === 'string')
				return Number(issue.minimum) <= 1
					? 'ne doit pas être vide'
					: `doit compter au moins ${issue.minimum} caractères`;
			if (issue.origin === 'array')
				return Number(issue.minimum) <= 1
					? 'doit contenir au moins un élément'
					: `doit contenir au moins ${issue.minimum} éléments`;
			return `doit être supérieur ou égal à ${issue.minimum}`;
		case 'too_big':
			if (issue.origin === 'string') {
				const length = typeof issue.input === 'string' ? ` (actuellement ${issue.input.length})` : '';
				return `est trop long : ${issue.maximum} caractères au plus${length}`;
			}
			if (issue.origin === 'array') return `doit contenir au plus ${issue.maximum} éléments`;
			return `doit être inférieur ou égal à ${issue.maximum}`;
		case 'invalid_value':
			return `valeur ${list([issue.input])} inconnue ; valeurs possibles : ${list(issue.values)}`;
		case 'unrecognized_keys':
			return issue.keys.length > 1
				? `champs inconnus ${list(issue.keys)} (faute de frappe ?)`
				: `champ inconnu ${list(issue.keys)} (faute de frappe ?)`;
		case 'invalid_format':
			return 'format invalide';
		default:
			return undefined;
	}
};

/** `a.b[0].c` for a Zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
		.join('');
}
