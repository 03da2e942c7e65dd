import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../db/index.ts';
import type { Traductions } from '../db/schema.ts';

export const LANGUES_ODD = ['fr', 'en', 'es', 'ar'] as const;

export interface ObjectifOdd {
	numero: number;
	titre: Traductions;
	intituleCourt: Traductions;
}
export interface CibleOdd {
	code: string;
	objectif: number;
	ordre: number;
	titre: Traductions;
}

let cache: { objectifs: ObjectifOdd[]; cibles: CibleOdd[] } | undefined;

/** The 17 SDGs and their 169 targets, from reference/sdg (open-sdg sdg-translations, MIT). */
export function referentielOdd() {
	if (cache) return cache;
	const fichiers = Object.fromEntries(
		LANGUES_ODD.map((langue) => {
			const lire = (nom: string) =>
				parse(readFileSync(path.join(projectRoot(), 'reference/sdg', langue, nom), 'utf8')) as Record<
					string,
					string
				>;
			return [langue, { goals: lire('global_goals.yml'), targets: lire('global_targets.yml') }];
		})
	) as Record<(typeof LANGUES_ODD)[number], { goals: Record<string, string>; targets: Record<string, string> }>;

	// Part of the upstream files is in decomposed Unicode (« é » as e + U+0301): composed here,
	// so that the titles compare, search and print like any other text. Spaces are collapsed too.
	const propre = (v: string | undefined) => v?.normalize('NFC').replace(/\s+/g, ' ').trim();
	const traductions = (fichier: 'goals' | 'targets', cle: string): Traductions => {
		const t: Traductions = { fr: propre(fichiers.fr[fichier][cle])! };
		for (const langue of ['en', 'es', 'ar'] as const) {
			const valeur = propre(fichiers[langue][fichier][cle]);
			if (valeur) t[langue] = valeur;
		}
		return t;
	};

	const objectifs: ObjectifOdd[] = [];
	for (let numero = 1; numero <= 17; numero++) {
		objectifs.push({
			numero,
			titre: traductions('goals', `${numero}-title`),
			intituleCourt: traductions('goals', `${numero}-short`)
		});
	}
	// Keys look like « 1-2-title » or « 1-a-title »; numbered targets come before lettered ones.
	const cibles: CibleOdd[] = Object.keys(fichiers.fr.targets)
		.map((cle) => /^(\d+)-([0-9a-z]+)-title$/.exec(cle))
		.filter((m): m is RegExpExecArray => m !== null)
		.map((m) => ({ objectif: Number(m[1]), suffixe: m[2]!, cle: m[0] }))
		.sort((a, b) => a.objectif - b.objectif || rangSuffixe(a.suffixe) - rangSuffixe(b.suffixe))
		.map((c, i) => ({
			code: `${c.objectif}.${c.suffixe}`,
			objectif: c.objectif,
			ordre: i + 1,
			titre: traductions('targets', c.cle)
		}));
	cache = { objectifs, cibles };
	return cache;
}

const rangSuffixe = (s: string) => (/^\d+$/.test(s) ? Number(s) : 100 + s.charCodeAt(0));
