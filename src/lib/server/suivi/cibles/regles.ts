// Targets per period, without the database: which can be set (an indicator in figures, each of
// its sides, each period), how they are read from the form, and how a period's value compares.
import { lireNombre } from '../../projets/saisie.ts';
import type { CoteSuivi } from '../../db/schema.ts';
import type { Indicateur } from '../valeurs/regles.ts';

export interface CibleDePeriode {
	indicateur: string;
	cote: CoteSuivi;
	periodeId: number;
	cible: number;
}

/** The form field of one target. Row ids are [A-Za-z0-9_-] (never a dot); sides and period ids too. */
export const champCible = (indicateur: string, cote: string, periodeId: number) => `cible.${indicateur}.${cote}.${periodeId}`;

/** Only figures have targets per period; a qualitative indicator keeps its words in the logical framework. */
export const avecCibles = (indicateurs: readonly Indicateur[]) => indicateurs.filter((i) => i.type === 'nombre' || i.type === 'pourcentage');

export type LectureCibles = { ok: true; cibles: CibleDePeriode[] } | { ok: false; erreurs: Record<string, string> };

/** Every target of the form: blank means none; a number otherwise (a percentage from 0 to 100). */
export function lireCibles(indicateurs: readonly Indicateur[], periodes: readonly { id: number }[], saisie: Record<string, string | undefined>): LectureCibles {
	const cibles: CibleDePeriode[] = [];
	const erreurs: Record<string, string> = {};
	for (const i of avecCibles(indicateurs))
		for (const cote of i.cotes)
			for (const p of periodes) {
				const nom = champCible(i.id, cote, p.id);
				const brut = (saisie[nom] ?? '').trim().replace(/\s*%$/, '');
				if (!brut) continue;
				const n = lireNombre(brut);
				if (Number.isNaN(n)) erreurs[nom] = 'Indiquez la cible en chiffres, par exemple 24 ou 12,5, ou laissez vide.';
				else if (i.type === 'pourcentage' && (n < 0 || n > 100)) erreurs[nom] = 'Un pourcentage va de 0 à 100.';
				else if (Math.abs(n) > 1e12) erreurs[nom] = 'Ce nombre est trop grand.';
				else cibles.push({ indicateur: i.id, cote, periodeId: p.id, cible: n });
			}
	return Object.keys(erreurs).length ? { ok: false, erreurs } : { ok: true, cibles };
}

/** Whether a period's figure meets its target, whichever way is better (higher unless said lower). */
export const atteint = (sens: Indicateur['sens'], valeur: number, cible: number) => (sens === 'baisse' ? valeur <= cible : valeur >= cible);
