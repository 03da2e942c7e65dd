import { and, asc, count, countDistinct, desc, eq, exists, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/index.ts';
import {
	etapes,
	fiches,
	fichesEtapes,
	fichesPublics,
	fichesTerritoires,
	fichesThemes,
	publics,
	themes
} from '../db/schema.ts';
import { nomPays } from '../referentiels/territoires.ts';
import { cartesFiches } from './cartes.ts';
import { typographier } from '../../typographie.ts';

/** The filters of the fiche list, as they appear in its address (?theme=…&etape=…). */
export const filtresSchema = z.object({
	theme: z.string().trim().max(100).optional(),
	etape: z.string().trim().max(10).optional(),
	public: z.string().trim().max(100).optional(),
	pays: z.string().trim().max(10).optional()
});
export type Filtres = { theme?: string; etape?: number; public?: string; pays?: string };

export interface OptionsFiltres {
	themes: { valeur: string; libelle: string; nombre: number }[];
	etapes: { valeur: string; libelle: string; nombre: number }[];
	publics: { valeur: string; libelle: string; nombre: number }[];
	pays: { valeur: string; libelle: string; nombre: number }[];
}

const publiee = eq(fiches.statut, 'publiee');

/** The values a reader can filter on, each with its number of published fiches. */
export async function optionsFiltres(db: Database): Promise<OptionsFiltres> {
	const [t, e, p, pays] = await Promise.all([
		db
			.select({ valeur: themes.slug, libelle: themes.nom, nombre: countDistinct(fiches.id) })
			.from(themes)
			.leftJoin(fichesThemes, eq(fichesThemes.theme, themes.slug))
			.leftJoin(fiches, and(eq(fiches.id, fichesThemes.ficheId), publiee))
			.groupBy(themes.slug, themes.nom, themes.ordre)
			.orderBy(asc(themes.ordre)),
		db
			.select({ numero: etapes.numero, titre: etapes.titre, nombre: countDistinct(fiches.id) })
			.from(etapes)
			.leftJoin(fichesEtapes, eq(fichesEtapes.etapeId, etapes.id))
			.leftJoin(fiches, and(eq(fiches.id, fichesEtapes.ficheId), publiee))
			.groupBy(etapes.numero, etapes.titre)
			.orderBy(asc(etapes.numero)),
		db
			.select({ valeur: publics.slug, libelle: publics.nom, nombre: countDistinct(fiches.id) })
			.from(publics)
			.leftJoin(fichesPublics, eq(fichesPublics.public, publics.slug))
			.leftJoin(fiches, and(eq(fiches.id, fichesPublics.ficheId), publiee))
			.groupBy(publics.slug, publics.nom, publics.ordre)
			.orderBy(asc(publics.ordre)),
		db
			.select({ code: fichesTerritoires.code, nombre: count() })
			.from(fichesTerritoires)
			.innerJoin(fiches, and(eq(fiches.id, fichesTerritoires.ficheId), publiee))
			.where(eq(fichesTerritoires.type, 'pays'))
			.groupBy(fichesTerritoires.code)
	]);
	return {
		themes: t.map((x) => ({ ...x, libelle: typographier(x.libelle) })),
		etapes: e.map((x) => ({ valeur: String(x.numero), libelle: typographier(`${x.numero}. ${x.titre}`), nombre: x.nombre })),
		publics: p.map((x) => ({ ...x, libelle: typographier(x.libelle) })),
		pays: pays
			.map((x) => ({ valeur: x.code, libelle: nomPays(x.code) ?? x.code, nombre: x.nombre }))
			.sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'))
	};
}

/**
 * Reads the filters of a request. A value that matches nothing the kit has is dropped with a
 * French notice, so a mistyped or outdated link still shows fiches.
 */
export function lireFiltres(
	params: URLSearchParams,
	options: OptionsFiltres
): { filtres: Filtres; avertissements: string[] } {
	const brut = filtresSchema.safeParse(Object.fromEntries(params));
	const valeurs = brut.success ? brut.data : {};
	const filtres: Filtres = {};
	const avertissements: string[] = [];
	const garder = (cle: keyof typeof valeurs, liste: { valeur: string }[], libelle: string) => {
		const v = valeurs[cle];
		if (!v) return undefined;
		if (liste.some((o) => o.valeur === v)) return v;
		avertissements.push(`${libelle} « ${v} » n'existe pas dans le kit : ce filtre a été ignoré.`);
		return undefined;
	};
	const theme = garder('theme', options.themes, 'Le thème');
	if (theme) filtres.theme = theme;
	const etape = garder('etape', options.etapes, "L'étape");
	if (etape) filtres.etape = Number(etape);
	const pub = garder('public', options.publics, 'Le public');
	if (pub) filtres.public = pub;
	const pays = valeurs.pays?.toUpperCase();
	if (pays) {
		if (options.pays.some((o) => o.valeur === pays)) filtres.pays = pays;
		else
			avertissements.push(
				nomPays(pays)
					? `Aucune fiche ne concerne le pays « ${nomPays(pays)} » : ce filtre a été ignoré.`
					: `Le pays « ${valeurs.pays} » n'existe pas : ce filtre a été ignoré.`
			);
	}
	if (!brut.success) avertissements.push('Certains filtres de l’adresse sont illisibles : ils ont été ignorés.');
	return { filtres, avertissements };
}

/** Published fiches matching every filter, the most recent first. */
export async function listerFiches(db: Database, filtres: Filtres) {
	const conditions: SQL[] = [publiee];
	if (filtres.theme) {
		conditions.push(
			exists(
				db
					.select({ x: fichesThemes.ficheId })
					.from(fichesThemes)
					.where(and(eq(fichesThemes.ficheId, fiches.id), eq(fichesThemes.theme, filtres.theme)))
			)
		);
	}
	if (filtres.public) {
		conditions.push(
			exists(
				db
					.select({ x: fichesPublics.ficheId })
					.from(fichesPublics)
					.where(and(eq(fichesPublics.ficheId, fiches.id), eq(fichesPublics.public, filtres.public)))
			)
		);
	}
	if (filtres.etape) {
		conditions.push(
			exists(
				db
					.select({ x: fichesEtapes.ficheId })
					.from(fichesEtapes)
					.innerJoin(etapes, eq(etapes.id, fichesEtapes.etapeId))
					.where(and(eq(fichesEtapes.ficheId, fiches.id), eq(etapes.numero, filtres.etape)))
			)
		);
	}
	if (filtres.pays) {
		conditions.push(
			exists(
				db
					.select({ x: fichesTerritoires.ficheId })
					.from(fichesTerritoires)
					.where(
						and(
							eq(fichesTerritoires.ficheId, fiches.id),
							eq(fichesTerritoires.type, 'pays'),
							eq(fichesTerritoires.code, filtres.pays)
						)
					)
			)
		);
	}
	const ids = await db
		.select({ id: fiches.id })
		.from(fiches)
		.where(and(...conditions))
		.orderBy(desc(fiches.periodeDebut), asc(fiches.titre));
	return cartesFiches(db, ids.map((r) => r.id));
}

/** The most recent published fiches. */
export async function dernieresFiches(db: Database, nombre: number) {
	const ids = await db
		.select({ id: fiches.id })
		.from(fiches)
		.where(publiee)
		.orderBy(desc(fiches.periodeDebut), asc(fiches.titre))
		.limit(nombre);
	return cartesFiches(db, ids.map((r) => r.id));
}
