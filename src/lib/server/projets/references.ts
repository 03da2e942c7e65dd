// The reference lists a project's forms choose from, and the sets that validate them.
import { asc } from 'drizzle-orm';
import { listesDuProjet, type ListesProjet } from '#lib/projets/liens.ts';
import type { Donnees, Option, Referentiel, ReferentielCommun, Section } from '#lib/projets/sections.ts';
import type { Database } from '../db/index.ts';
import { publics, themes } from '../db/schema.ts';
import { referentielOdd } from '../referentiels/odd.ts';
import { DEPARTEMENTS, listePays } from '../referentiels/territoires.ts';
import type { Valides } from './saisie.ts';

export type Listes = Record<ReferentielCommun, Option[]>;
/** The shared lists and the project's own. */
export type ListesCompletes = Listes & ListesProjet;
export const avecLeProjet = (l: Listes, sections: Partial<Record<string, Donnees>>): ListesCompletes => ({ ...l, ...listesDuProjet(sections) });

let cache: { listes: Listes; valides: Valides; expire: number } | undefined;

/** All lists, cached a minute: themes and publics change only with a content import. */
export async function listes(db: Database): Promise<{ listes: Listes; valides: Valides }> {
	if (cache && cache.expire > Date.now()) return cache;
	const [t, p] = await Promise.all([
		db.select({ valeur: themes.slug, libelle: themes.nom }).from(themes).orderBy(asc(themes.ordre)),
		db.select({ valeur: publics.slug, libelle: publics.nom }).from(publics).orderBy(asc(publics.ordre))
	]);
	const l: Listes = {
		themes: t,
		publics: p,
		departements: DEPARTEMENTS.map((d) => ({ valeur: d.code, libelle: `${d.code} — ${d.nom}` })),
		pays: listePays().map((c) => ({ valeur: c.code, libelle: c.nom })),
		cibles: referentielOdd().cibles.map((c) => ({ valeur: c.code, libelle: `${c.code} — ${c.titre.fr}` }))
	};
	const valides = Object.fromEntries(Object.entries(l).map(([k, v]) => [k, new Set(v.map((o) => o.valeur))])) as unknown as Valides;
	cache = { listes: l, valides, expire: Date.now() + 60_000 };
	return cache;
}

/** Only the lists a section uses, for its page. */
export function listesDe(s: Section, l: Partial<Record<Referentiel, Option[]>>): Partial<Record<Referentiel, Option[]>> {
	const noms = new Set<Referentiel>();
	for (const c of s.champs) {
		if ('referentiel' in c && c.referentiel) noms.add(c.referentiel);
		if (c.type === 'tableau') for (const col of c.colonnes) if ('referentiel' in col && col.referentiel) noms.add(col.referentiel);
	}
	return Object.fromEntries([...noms].map((n) => [n, l[n] ?? []]));
}
