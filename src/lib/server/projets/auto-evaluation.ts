// Self-assessment: the kit's questions per stage, the answers a team gives over time, the
// scores and, for weak points, what to read. A taking is filled stage by stage (each stage
// saved on its own, so that nothing is lost and the team resumes where it stopped), then
// finished; finished takings are kept to show progress.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { ecartees, estNiveau, lireReponse, score, scoreGlobal, SEUIL_FAIBLE, totalEcartees, type ScoreEtape } from '#lib/projets/auto-evaluation.ts';
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
export type EtapeQuestionnaire = Questionnaire[number];

export const LONGUEUR_MAX_COMMENTAIRE = 1000;
const CONTROLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Reads one stage's form: each question answered on the scale or beside it (« sans objet »,
 * « je ne sais pas »), or left unanswered for now; a comment is kept only with an answer.
 */
export function lireEtape(e: EtapeQuestionnaire, form: FormData) {
	const erreurs: Record<string, string> = {};
	const reponses: ReponseAutoEvaluation[] = [];
	const valeurs: Record<string, string> = {};
	for (const question of e.questions) {
		const brut = form.get(`q${question.id}`);
		const c = form.get(`c${question.id}`);
		const commentaire = typeof c === 'string' ? c.trim() : '';
		valeurs[`q${question.id}`] = typeof brut === 'string' ? brut : '';
		valeurs[`c${question.id}`] = typeof c === 'string' ? c : '';
		const niveau = brut === null || brut === '' ? null : lireReponse(brut);
		if (niveau === undefined) erreurs[`q${question.id}`] = 'Choisissez une des réponses proposées.';
		if (commentaire.length > LONGUEUR_MAX_COMMENTAIRE) erreurs[`c${question.id}`] = `Le commentaire ne peut dépasser 1\u00a0000 caractères (${commentaire.length} saisis).`;
		else if (CONTROLE.test(commentaire)) erreurs[`c${question.id}`] = 'Ce commentaire contient des caractères de contrôle invisibles ; retirez-les.';
		else if (commentaire && niveau === null) erreurs[`q${question.id}`] = 'Choisissez une réponse pour garder votre commentaire.';
		if (niveau) reponses.push({ question: question.id, niveau, commentaire });
	}
	return Object.keys(erreurs).length ? ({ ok: false, erreurs, valeurs } as const) : ({ ok: true, reponses } as const);
}

/** The taking in progress of a project, if any. */
export async function enCours(db: Database, projetId: number) {
	const [r] = await db
		.select({ id: projetsAutoEvaluations.id, reponses: projetsAutoEvaluations.reponses, auteur: utilisateurs.name, creeLe: projetsAutoEvaluations.creeLe, modifieLe: projetsAutoEvaluations.modifieLe })
		.from(projetsAutoEvaluations)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsAutoEvaluations.auteurId))
		.where(and(eq(projetsAutoEvaluations.projetId, projetId), eq(projetsAutoEvaluations.statut, 'en-cours')));
	return r;
}

/** Locks the project's taking in progress, starting one when there is none (one per project). */
async function verrouillerEnCours(tx: Database, projetId: number, auteurId: string) {
	const lire = () =>
		tx
			.select({ id: projetsAutoEvaluations.id, reponses: projetsAutoEvaluations.reponses })
			.from(projetsAutoEvaluations)
			.where(and(eq(projetsAutoEvaluations.projetId, projetId), eq(projetsAutoEvaluations.statut, 'en-cours')))
			.for('update');
	let [r] = await lire();
	if (!r) {
		// Two first answers at once: the unique index keeps one taking, both write into it.
		await tx.insert(projetsAutoEvaluations).values({ projetId, auteurId, reponses: [], statut: 'en-cours' }).onConflictDoNothing();
		[r] = await lire();
	}
	return r!;
}

/**
 * Saves one stage's answers into the taking in progress: the other stages' answers, and those
 * written meanwhile by a teammate, stay as they are.
 */
export async function enregistrerEtape(db: Database, projetId: number, auteurId: string, e: EtapeQuestionnaire, reponses: ReponseAutoEvaluation[]) {
	const ids = new Set(e.questions.map((q) => q.id));
	await db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		const r = await verrouillerEnCours(t, projetId, auteurId);
		const fusion = [...r.reponses.filter((x) => !ids.has(x.question)), ...reponses.filter((x) => ids.has(x.question))];
		await tx.update(projetsAutoEvaluations).set({ reponses: fusion, modifieLe: sql`now()` }).where(eq(projetsAutoEvaluations.id, r.id));
	});
}

/** Where a taking stands, stage by stage: how many questions answered. */
export function avancement(q: Questionnaire, reponses: readonly ReponseAutoEvaluation[]) {
	const repondues = new Set(reponses.map((r) => r.question));
	const etapesAvancement = q.map((e) => {
		const faites = e.questions.filter((x) => repondues.has(x.id)).length;
		return { numero: e.numero, titre: e.titre, faites, total: e.questions.length, complete: faites === e.questions.length };
	});
	return { etapes: etapesAvancement, reprendre: etapesAvancement.find((e) => !e.complete)?.numero ?? null, complete: etapesAvancement.every((e) => e.complete) };
}

export type Fin = { ok: true } | { ok: false; manquantes: { numero: number; titre: string; restent: number }[] };

/** Finishes the taking in progress once every question has an answer (on the scale or beside it). */
export async function terminerAutoEvaluation(db: Database, projetId: number, auteurId: string, q: Questionnaire): Promise<Fin> {
	return db.transaction(async (tx) => {
		const [r] = await tx
			.select({ id: projetsAutoEvaluations.id, reponses: projetsAutoEvaluations.reponses })
			.from(projetsAutoEvaluations)
			.where(and(eq(projetsAutoEvaluations.projetId, projetId), eq(projetsAutoEvaluations.statut, 'en-cours')))
			.for('update');
		const a = avancement(q, r?.reponses ?? []);
		if (!r || !a.complete) return { ok: false, manquantes: a.etapes.filter((e) => !e.complete).map((e) => ({ numero: e.numero, titre: e.titre, restent: e.total - e.faites })) };
		await tx.update(projetsAutoEvaluations).set({ statut: 'terminee', auteurId, modifieLe: sql`now()` }).where(eq(projetsAutoEvaluations.id, r.id));
		return { ok: true };
	});
}

/** The scores of one taking, per stage and overall, with the answers set aside. */
export function scores(q: Questionnaire, reponses: readonly ReponseAutoEvaluation[]) {
	const parQuestion = new Map(reponses.map((r) => [r.question, r]));
	const parEtape: ScoreEtape[] = q.map((e) => {
		const siennes = e.questions.flatMap((x) => (parQuestion.has(x.id) ? [parQuestion.get(x.id)!.niveau] : []));
		return { numero: e.numero, titre: e.titre, score: score(siennes), ecartees: ecartees(siennes) };
	});
	return { parEtape, global: scoreGlobal(parEtape), ecartees: totalEcartees(parEtape) };
}

type Lecture = { etape: { numero: number; slug: string; titre: string }; question: string; commentaire: string; recommandation: { numero: number; titre: string } | null };

const aLire = (e: EtapeQuestionnaire, x: EtapeQuestionnaire['questions'][number], r: ReponseAutoEvaluation): Lecture & { niveau: ReponseAutoEvaluation['niveau'] } => ({
	etape: { numero: e.numero, slug: e.slug, titre: e.titre },
	question: x.question,
	niveau: r.niveau,
	commentaire: r.commentaire,
	recommandation: x.recoNumero ? { numero: x.recoNumero, titre: x.recoTitre! } : null
});

/** The weak answers on the scale, each with the recommendation to read. */
export function pointsFaibles(q: Questionnaire, reponses: readonly ReponseAutoEvaluation[]) {
	const parQuestion = new Map(reponses.map((r) => [r.question, r]));
	return q.flatMap((e) =>
		e.questions.flatMap((x) => {
			const r = parQuestion.get(x.id);
			return r && estNiveau(r.niveau) && r.niveau <= SEUIL_FAIBLE ? [aLire(e, x, r)] : [];
		})
	);
}

/** The questions the team could not answer (« je ne sais pas »): worth finding out, with what to read. */
export function aEclaircir(q: Questionnaire, reponses: readonly ReponseAutoEvaluation[]) {
	const parQuestion = new Map(reponses.map((r) => [r.question, r]));
	return q.flatMap((e) => e.questions.flatMap((x) => (parQuestion.get(x.id)?.niveau === 'ne-sait-pas' ? [aLire(e, x, parQuestion.get(x.id)!)] : [])));
}

/** Every finished taking, newest first; `termineeLe` is when the team finished it. */
export async function historique(db: Database, projetId: number) {
	return db
		.select({ id: projetsAutoEvaluations.id, reponses: projetsAutoEvaluations.reponses, auteur: utilisateurs.name, creeLe: projetsAutoEvaluations.creeLe, termineeLe: projetsAutoEvaluations.modifieLe })
		.from(projetsAutoEvaluations)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsAutoEvaluations.auteurId))
		.where(and(eq(projetsAutoEvaluations.projetId, projetId), eq(projetsAutoEvaluations.statut, 'terminee')))
		.orderBy(desc(projetsAutoEvaluations.modifieLe), desc(projetsAutoEvaluations.id));
}
