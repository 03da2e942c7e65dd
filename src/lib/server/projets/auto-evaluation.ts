// Self-assessment: the kit's questions per stage, the answers a team gives over time, the
// scores and, for weak points, what to read.
import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { score, scoreGlobal, SEUIL_FAIBLE, type Niveau, type ScoreEtape } from '#lib/projets/auto-evaluation.ts';
import type { Database } from '../db/index.ts';
import { etapes, projetsAutoEvaluations, questionsAutoEvaluation, recommandations, utilisateurs, type ReponseAutoEvaluation } from '../db/schema.ts';

export async function questionnaire(db: Database) {
	const [lesEtapes, questions] = await Promise.all([
		db.select({ id: etapes.id, numero: etapes.numero, slug: etapes.slug, titre: etapes.titre }).from(etapes).orderBy(asc(etapes.numero)),
		db
			.select({ id: questionsAutoEvaluation.id, etapeId: questionsAutoEvaluation.etapeId, question: questionsAutoEvaluation.question, recoNumero: recommandations.numero, recoTitre: recommandations.titre })
			.from(questionsAutoEvaluation)
			.leftJoin(recommandations, eq(recommandations.id, questionsAutoEvaluation.recommandationId))
			.orderBy(asc(questionsAutoEvaluation.ordre))
	]);
	return lesEtapes.map((e) => ({ ...e, questions: questions.filter((q) => q.etapeId === e.id).map(({ etapeId: _, ...q }) => q) }));
}
export type Questionnaire = Awaited<ReturnType<typeof questionnaire>>;

/** Reads the form: every question answered on the scale, comments optional. */
export function lireReponses(q: Questionnaire, form: FormData) {
	const erreurs: Record<string, string> = {};
	const reponses: ReponseAutoEvaluation[] = [];
	const valeurs: Record<string, string> = {};
	const commentaire = z.string().trim().max(1000);
	for (const e of q)
		for (const question of e.questions) {
			const n = String(form.get(`q${question.id}`) ?? '');
			const c = String(form.get(`c${question.id}`) ?? '');
			valeurs[`q${question.id}`] = n;
			valeurs[`c${question.id}`] = c;
			if (!/^[1-4]$/.test(n)) erreurs[`q${question.id}`] = 'Choisissez une réponse.';
			const cc = commentaire.safeParse(c);
			if (!cc.success) erreurs[`c${question.id}`] = 'Le commentaire ne peut dépasser 1 000 caractères.';
			else if (/^[1-4]$/.test(n)) reponses.push({ question: question.id, niveau: Number(n) as Niveau, commentaire: cc.data });
		}
	return Object.keys(erreurs).length ? ({ ok: false, erreurs, valeurs } as const) : ({ ok: true, reponses } as const);
}

export async function enregistrerAutoEvaluation(db: Database, projetId: number, auteurId: string, reponses: ReponseAutoEvaluation[]) {
	const [r] = await db.insert(projetsAutoEvaluations).values({ projetId, auteurId, reponses }).returning({ id: projetsAutoEvaluations.id });
	return r!.id;
}

/** The scores of one taking, per stage and overall. */
export function scores(q: Questionnaire, reponses: ReponseAutoEvaluation[]) {
	const parQuestion = new Map(reponses.map((r) => [r.question, r]));
	const parEtape: ScoreEtape[] = q.map((e) => ({
		numero: e.numero,
		titre: e.titre,
		score: score(e.questions.flatMap((x) => (parQuestion.has(x.id) ? [parQuestion.get(x.id)!.niveau] : [])))
	}));
	return { parEtape, global: scoreGlobal(parEtape) };
}

/** The weak answers, each with the recommendation to read. */
export function pointsFaibles(q: Questionnaire, reponses: ReponseAutoEvaluation[]) {
	const parQuestion = new Map(reponses.map((r) => [r.question, r]));
	return q.flatMap((e) =>
		e.questions
			.filter((x) => (parQuestion.get(x.id)?.niveau ?? 4) <= SEUIL_FAIBLE)
			.map((x) => ({ etape: { numero: e.numero, slug: e.slug, titre: e.titre }, question: x.question, niveau: parQuestion.get(x.id)!.niveau, commentaire: parQuestion.get(x.id)!.commentaire, recommandation: x.recoNumero ? { numero: x.recoNumero, titre: x.recoTitre! } : null }))
	);
}

/** Every taking, newest first. */
export async function historique(db: Database, projetId: number) {
	return db
		.select({ id: projetsAutoEvaluations.id, reponses: projetsAutoEvaluations.reponses, auteur: utilisateurs.name, creeLe: projetsAutoEvaluations.creeLe })
		.from(projetsAutoEvaluations)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsAutoEvaluations.auteurId))
		.where(eq(projetsAutoEvaluations.projetId, projetId))
		.orderBy(desc(projetsAutoEvaluations.creeLe), desc(projetsAutoEvaluations.id));
}
