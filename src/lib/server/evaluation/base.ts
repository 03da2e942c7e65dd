// Evaluations in the database. Every function takes the project: an evaluation, a finding or a
// recommendation of another project is not found.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { evaluations, evaluationsConstats, evaluationsImpacts, evaluationsRecits, evaluationsRecommandations, type Jugement, type StatutRecommandation, type TypeEvaluation } from '../db/schema.ts';

export function evaluationsDuProjet(db: Database, projetId: number) {
	return db.select({ id: evaluations.id, type: evaluations.type, titre: evaluations.titre, creeLe: evaluations.creeLe }).from(evaluations).where(eq(evaluations.projetId, projetId)).orderBy(asc(evaluations.creeLe), asc(evaluations.id));
}

export async function creerEvaluation(db: Database, p: { projetId: number; type: TypeEvaluation; titre: string; auteurId: string }) {
	const [e] = await db.insert(evaluations).values({ projetId: p.projetId, type: p.type, titre: p.titre, creePar: p.auteurId }).returning({ id: evaluations.id });
	return e!.id;
}

/** One evaluation of the project with its findings, impacts and recommendations (four queries). */
export async function evaluationDuProjet(db: Database, projetId: number, id: number) {
	const [e] = await db.select({ id: evaluations.id, type: evaluations.type, titre: evaluations.titre }).from(evaluations).where(and(eq(evaluations.projetId, projetId), eq(evaluations.id, id)));
	if (!e) return undefined;
	const [constats, impacts, recommandations] = await Promise.all([
		db.select().from(evaluationsConstats).where(eq(evaluationsConstats.evaluationId, id)),
		db.select().from(evaluationsImpacts).where(eq(evaluationsImpacts.evaluationId, id)).orderBy(asc(evaluationsImpacts.id)),
		db.select().from(evaluationsRecommandations).where(eq(evaluationsRecommandations.evaluationId, id)).orderBy(asc(evaluationsRecommandations.id))
	]);
	return { ...e, constats, impacts, recommandations };
}

export async function enregistrerConstat(db: Database, p: { evaluationId: number; question: string; constat: string; preuves: string; jugement: Jugement | null; avecQui: string; personnesConcernees: boolean; auteurId: string }) {
	const { auteurId, ...v } = p;
	await db
		.insert(evaluationsConstats)
		.values({ ...v, modifiePar: auteurId })
		.onConflictDoUpdate({ target: [evaluationsConstats.evaluationId, evaluationsConstats.question], set: { constat: v.constat, preuves: v.preuves, jugement: v.jugement, avecQui: v.avecQui, personnesConcernees: v.personnesConcernees, modifiePar: auteurId, modifieLe: sql`now()` } });
}

export async function ajouterImpact(db: Database, p: { evaluationId: number; cote: 'ici' | 'la-bas'; description: string; prevu: boolean; positif: boolean; auteurId: string }) {
	const { auteurId, ...v } = p;
	await db.insert(evaluationsImpacts).values({ ...v, creePar: auteurId });
}

/** Removes an impact of this evaluation; false when it is not one. */
export async function retirerImpact(db: Database, evaluationId: number, id: number) {
	return (await db.delete(evaluationsImpacts).where(and(eq(evaluationsImpacts.evaluationId, evaluationId), eq(evaluationsImpacts.id, id))).returning({ id: evaluationsImpacts.id })).length > 0;
}

type Recommandation = { recommandation: string; decision: string; responsable: string; echeance: string | null; statut: StatutRecommandation };

export async function ajouterRecommandation(db: Database, p: Recommandation & { evaluationId: number; auteurId: string }) {
	const { auteurId, ...v } = p;
	await db.insert(evaluationsRecommandations).values({ ...v, modifiePar: auteurId });
}

/** Changes a recommendation of this evaluation; false when it is not one. */
export async function modifierRecommandation(db: Database, evaluationId: number, id: number, v: Recommandation, auteurId: string) {
	return (await db.update(evaluationsRecommandations).set({ ...v, modifiePar: auteurId, modifieLe: sql`now()` }).where(and(eq(evaluationsRecommandations.evaluationId, evaluationId), eq(evaluationsRecommandations.id, id))).returning({ id: evaluationsRecommandations.id })).length > 0;
}

/** The recommendations of all the project's evaluations still to decide or to carry out. */
export async function recommandationsOuvertes(db: Database, projetId: number) {
	const ids = (await evaluationsDuProjet(db, projetId)).map((e) => e.id);
	if (!ids.length) return 0;
	const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(evaluationsRecommandations).where(and(inArray(evaluationsRecommandations.evaluationId, ids), inArray(evaluationsRecommandations.statut, ['a-decider', 'decidee', 'en-cours'])));
	return r!.n;
}

export function recitsDuProjet(db: Database, projetId: number) {
	return db.select().from(evaluationsRecits).where(eq(evaluationsRecits.projetId, projetId)).orderBy(asc(evaluationsRecits.domaine), asc(evaluationsRecits.id));
}

export async function ajouterRecit(db: Database, p: { projetId: number; domaine: string; recit: string; narrateur: string; cote: 'ici' | 'la-bas'; auteurId: string }) {
	const { auteurId, ...v } = p;
	await db.insert(evaluationsRecits).values({ ...v, consentement: true, creePar: auteurId });
}

/** The team's selection of a story of this project, and its reason; false when it is not one. */
export async function selectionnerRecit(db: Database, projetId: number, id: number, v: { selectionne: boolean; raison: string }) {
	return (await db.update(evaluationsRecits).set({ ...v, modifieLe: sql`now()` }).where(and(eq(evaluationsRecits.projetId, projetId), eq(evaluationsRecits.id, id))).returning({ id: evaluationsRecits.id })).length > 0;
}
