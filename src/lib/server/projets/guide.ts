// The kit beside each section: the stage's recommendations and key questions, and the fiches
// closest to the project (shared themes, publics, countries, départements), that stage first.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { lignes, liste, type Donnees } from '#lib/projets/sections.ts';
import type { Database } from '../db/index.ts';
import { tableauTexte } from '../db/motif.ts';
import { etapes, fiches, recommandations } from '../db/schema.ts';
import { cartesFiches } from '../fiches/cartes.ts';

/** The search terms (« theme:… », « pays:… ») of a project, from its identity section. */
export function termesDuProjet(identite: Donnees | undefined): string[] {
	const t = [
		...liste(identite, 'themes').map((v) => `theme:${v}`),
		...liste(identite, 'publics').map((v) => `public:${v}`),
		...lignes(identite, 'territoiresLaBas').flatMap((l) => (typeof l.pays === 'string' && l.pays ? [`pays:${l.pays}`] : [])),
		...lignes(identite, 'territoiresIci').flatMap((l) => (typeof l.departement === 'string' && l.departement ? [`departement:${l.departement}`] : []))
	];
	return [...new Set(t)];
}

/** Published fiches ranked by the terms they share with the project, those of the stage first. */
export async function fichesProches(db: Database, termes: string[], etape: number, limite = 3) {
	const communs = sql<number>`cardinality(array(select unnest(${fiches.liensFacettes}) intersect select unnest(${tableauTexte(termes)})))`;
	const rangs = await db
		.select({ id: fiches.id })
		.from(fiches)
		.where(eq(fiches.statut, 'publiee'))
		.orderBy(desc(sql`(${communs}) * 2 + (case when ${`etape:${etape}`} = any(${fiches.liensFacettes}) then 3 else 0 end)`), asc(fiches.titre))
		.limit(limite);
	return cartesFiches(db, rangs.map((r) => r.id));
}

export async function guideDeLEtape(db: Database, numero: number, identite: Donnees | undefined) {
	const [etape] = await db.select({ id: etapes.id, numero: etapes.numero, slug: etapes.slug, titre: etapes.titre, questionsCles: etapes.questionsCles }).from(etapes).where(eq(etapes.numero, numero));
	if (!etape) return undefined;
	const [recos, proches] = await Promise.all([
		db.select({ numero: recommandations.numero, titre: recommandations.titre }).from(recommandations).where(and(eq(recommandations.etapeId, etape.id))).orderBy(asc(recommandations.numero)),
		fichesProches(db, termesDuProjet(identite), numero)
	]);
	return { numero: etape.numero, slug: etape.slug, titre: etape.titre, questionsCles: etape.questionsCles, recommandations: recos, fiches: proches };
}
export type GuideEtape = NonNullable<Awaited<ReturnType<typeof guideDeLEtape>>>;
