import { and, asc, count, countDistinct, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	etapes,
	fiches,
	fichesEtapes,
	fichesRecommandations,
	outils,
	questionsAutoEvaluation,
	recommandations
} from '../db/schema.ts';
import { cartesFiches, type CarteFiche } from '../fiches/cartes.ts';
import { rendreMarkdown } from '../markdown.ts';
import { typographier as t } from '../../typographie.ts';

const fichesPubliees = eq(fiches.statut, 'publiee');

/** The kit's key numbers, for the home page. */
export async function chiffresCles(db: Database) {
	const [[e], [r], [f]] = await Promise.all([
		db.select({ n: count() }).from(etapes),
		db.select({ n: count() }).from(recommandations),
		db.select({ n: count() }).from(fiches).where(fichesPubliees)
	]);
	return { etapes: e?.n ?? 0, recommandations: r?.n ?? 0, fiches: f?.n ?? 0 };
}

export async function listerEtapes(db: Database) {
	const [liste, nbRecommandations, nbFiches] = await Promise.all([
		db
			.select({ id: etapes.id, numero: etapes.numero, slug: etapes.slug, titre: etapes.titre, resume: etapes.resume })
			.from(etapes)
			.orderBy(asc(etapes.numero)),
		db
			.select({ etapeId: recommandations.etapeId, n: count() })
			.from(recommandations)
			.groupBy(recommandations.etapeId),
		db
			.select({ etapeId: fichesEtapes.etapeId, n: countDistinct(fichesEtapes.ficheId) })
			.from(fichesEtapes)
			.innerJoin(fiches, and(eq(fiches.id, fichesEtapes.ficheId), fichesPubliees))
			.groupBy(fichesEtapes.etapeId)
	]);
	const nb = (rows: { etapeId: number; n: number }[], id: number) => rows.find((r) => r.etapeId === id)?.n ?? 0;
	return liste.map(({ id, ...e }) => ({
		...e,
		titre: t(e.titre),
		resume: t(e.resume),
		nbRecommandations: nb(nbRecommandations, id),
		nbFiches: nb(nbFiches, id)
	}));
}

export type EtapeResume = Awaited<ReturnType<typeof listerEtapes>>[number];

/**
 * The published fiches that illustrate each of the given recommendations, the closest first:
 * ranked by how much their text speaks of the recommendation's title (any of its words).
 */
async function fichesParRecommandation(db: Database, ids: number[]) {
	if (ids.length === 0) return new Map<number, { slug: string; titre: string }[]>();
	const motsDuTitre = sql`replace(plainto_tsquery('public.francais', ${recommandations.titre})::text, ' & ', ' | ')::tsquery`;
	const lignes = await db
		.select({ recommandationId: fichesRecommandations.recommandationId, slug: fiches.slug, titre: fiches.titre })
		.from(fichesRecommandations)
		.innerJoin(fiches, and(eq(fiches.id, fichesRecommandations.ficheId), fichesPubliees))
		.innerJoin(recommandations, eq(recommandations.id, fichesRecommandations.recommandationId))
		.where(inArray(fichesRecommandations.recommandationId, ids))
		.orderBy(desc(sql`ts_rank(${fiches.recherche}, ${motsDuTitre})`), asc(fiches.titre));
	const parRecommandation = new Map<number, { slug: string; titre: string }[]>();
	for (const { recommandationId, slug, titre } of lignes) {
		parRecommandation.set(recommandationId, [...(parRecommandation.get(recommandationId) ?? []), { slug, titre: t(titre) }]);
	}
	return parRecommandation;
}

export async function etapeParSlug(db: Database, slug: string) {
	const [etape] = await db.select().from(etapes).where(eq(etapes.slug, slug));
	if (!etape) return undefined;

	const [recos, outilsEtape, questions, voisines, illustrations] = await Promise.all([
		db.select().from(recommandations).where(eq(recommandations.etapeId, etape.id)).orderBy(asc(recommandations.numero)),
		db.select().from(outils).where(eq(outils.etapeId, etape.id)).orderBy(asc(outils.ordre)),
		db
			.select({
				question: questionsAutoEvaluation.question,
				recommandation: recommandations.numero
			})
			.from(questionsAutoEvaluation)
			.leftJoin(recommandations, eq(recommandations.id, questionsAutoEvaluation.recommandationId))
			.where(eq(questionsAutoEvaluation.etapeId, etape.id))
			.orderBy(asc(questionsAutoEvaluation.ordre)),
		db
			.select({ numero: etapes.numero, slug: etapes.slug, titre: etapes.titre })
			.from(etapes)
			.where(inArray(etapes.numero, [etape.numero - 1, etape.numero + 1])),
		// Fiches of this stage, those illustrating more of its recommendations first.
		db
			.select({
				id: fiches.id,
				pertinence: sql<number>`(
					select count(*)::int from ${fichesRecommandations}
					join ${recommandations} on ${recommandations.id} = ${fichesRecommandations.recommandationId}
					where ${fichesRecommandations.ficheId} = ${fiches.id} and ${recommandations.etapeId} = ${etape.id}
				)`.as('pertinence')
			})
			.from(fichesEtapes)
			.innerJoin(fiches, and(eq(fiches.id, fichesEtapes.ficheId), fichesPubliees))
			.where(eq(fichesEtapes.etapeId, etape.id))
			.orderBy(desc(sql`pertinence`), asc(fiches.titre))
	]);
	const fichesParReco = await fichesParRecommandation(db, recos.map((r) => r.id));
	const voisin = (numero: number) => {
		const v = voisines.find((x) => x.numero === numero);
		return v ? { ...v, titre: t(v.titre) } : null;
	};

	return {
		numero: etape.numero,
		slug: etape.slug,
		titre: t(etape.titre),
		resume: t(etape.resume),
		pourquoiHtml: rendreMarkdown(etape.pourquoi),
		questionsCles: etape.questionsCles.map(t),
		ecueils: etape.ecueils.map((e) => ({ titre: t(e.titre), descriptionHtml: rendreMarkdown(e.description) })),
		recommandations: recos.map((r) => ({
			numero: r.numero,
			titre: t(r.titre),
			pourquoiHtml: rendreMarkdown(r.pourquoi),
			enPratiqueHtml: r.enPratique ? rendreMarkdown(r.enPratique) : null,
			fiches: fichesParReco.get(r.id) ?? []
		})),
		outils: outilsEtape.map((o) => ({
			titre: t(o.titre),
			type: o.type,
			description: t(o.description),
			contenuHtml: rendreMarkdown(o.contenu)
		})),
		autoEvaluation: questions.map((q) => ({ ...q, question: t(q.question) })),
		precedente: voisin(etape.numero - 1),
		suivante: voisin(etape.numero + 1),
		fiches: await cartesFiches(db, illustrations.map((i) => i.id))
	};
}

export type EtapeDetail = NonNullable<Awaited<ReturnType<typeof etapeParSlug>>>;
export type { CarteFiche };

/** Every recommendation, grouped by stage, with the fiches that illustrate it. */
export async function indexRecommandations(db: Database) {
	const [listeEtapes, recos] = await Promise.all([
		db.select({ id: etapes.id, numero: etapes.numero, slug: etapes.slug, titre: etapes.titre }).from(etapes).orderBy(asc(etapes.numero)),
		db
			.select({ id: recommandations.id, etapeId: recommandations.etapeId, numero: recommandations.numero, titre: recommandations.titre })
			.from(recommandations)
			.orderBy(asc(recommandations.numero))
	]);
	const fichesParReco = await fichesParRecommandation(db, recos.map((r) => r.id));
	return listeEtapes.map(({ id, ...e }) => ({
		...e,
		titre: t(e.titre),
		recommandations: recos
			.filter((r) => r.etapeId === id)
			.map((r) => ({ numero: r.numero, titre: t(r.titre), fiches: fichesParReco.get(r.id) ?? [] }))
	}));
}
