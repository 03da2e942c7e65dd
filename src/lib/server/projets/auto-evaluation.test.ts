// The self-assessment on the real database: answered stage by stage, resumed, finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { etapes, questionsAutoEvaluation, utilisateurs } from '../db/schema.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import { aEclaircir, avancement, enCours, enregistrerEtape, historique, lireEtape, pointsFaibles, questionnaire, scores, terminerAutoEvaluation, type Questionnaire } from './auto-evaluation.ts';
import { creerProjet } from './projets.ts';

let base: BaseDeTest;
let organisationId: number;
let q: Questionnaire;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values(['camille', 'awa'].map((id) => ({ id, name: id, email: `${id}@exemple.test`, emailVerified: true })));
	organisationId = (await nouvelleOrganisation(base.db, { nom: 'Association des tests', type: 'association', pays: 'FR', codeTerritoire: null, description: '' }, 'camille')).id;
	const [e1, e2] = await base.db
		.insert(etapes)
		.values([1, 2].map((numero) => ({ numero, slug: `etape-${numero}`, titre: `Étape ${numero}`, resume: '', pourquoi: '', questionsCles: [], ecueils: [] })))
		.returning();
	await base.db.insert(questionsAutoEvaluation).values([
		{ etapeId: e1!.id, ordre: 1, question: 'Le diagnostic est-il partagé ?' },
		{ etapeId: e1!.id, ordre: 2, question: 'Les besoins de là-bas sont-ils dits par le partenaire ?' },
		{ etapeId: e2!.id, ordre: 1, question: 'Le partenariat a-t-il une convention ?' }
	]);
	q = await questionnaire(base.db);
});
afterAll(() => base.detruire());

const formulaire = (champs: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(champs)) f.append(k, v);
	return f;
};

describe('the self-assessment', () => {
	it('reads a stage’s answers, on the scale or beside it, and refuses anything else in French', () => {
		const [a, b] = q[0]!.questions;
		expect(lireEtape(q[0]!, formulaire({ [`q${a!.id}`]: '3', [`c${a!.id}`]: ' Fait à Nantes ', [`q${b!.id}`]: 'ne-sait-pas' }))).toEqual({
			ok: true,
			reponses: [
				{ question: a!.id, niveau: 3, commentaire: 'Fait à Nantes' },
				{ question: b!.id, niveau: 'ne-sait-pas', commentaire: '' }
			]
		});
		// Unanswered for now: nothing to save, no error.
		expect(lireEtape(q[0]!, formulaire({}))).toEqual({ ok: true, reponses: [] });
		const refus = lireEtape(q[0]!, formulaire({ [`q${a!.id}`]: '5', [`c${b!.id}`]: 'Un commentaire sans réponse' }));
		expect(refus).toMatchObject({ ok: false, erreurs: { [`q${a!.id}`]: 'Choisissez une des réponses proposées.', [`q${b!.id}`]: 'Choisissez une réponse pour garder votre commentaire.' } });
		expect(refus.ok === false && refus.valeurs[`c${b!.id}`]).toBe('Un commentaire sans réponse');
		expect(lireEtape(q[0]!, formulaire({ [`q${a!.id}`]: '1', [`c${a!.id}`]: 'x'.repeat(1001) }))).toMatchObject({ ok: false, erreurs: { [`c${a!.id}`]: expect.stringContaining('1\u00a0000 caractères') } });
	});

	it('saves each stage on its own, keeps the others, resumes where the team stopped, and finishes only when complete', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Auto-évaluation' }, 'camille');
		const [a, b] = q[0]!.questions;
		const [c] = q[1]!.questions;
		expect(await enCours(base.db, p.id)).toBeUndefined();
		expect(await terminerAutoEvaluation(base.db, p.id, 'camille', q)).toEqual({ ok: false, manquantes: [{ numero: 1, titre: 'Étape 1', restent: 2 }, { numero: 2, titre: 'Étape 2', restent: 1 }] });

		await enregistrerEtape(base.db, p.id, 'camille', q[0]!, [{ question: a!.id, niveau: 1, commentaire: '' }]);
		// A teammate answers stage 2 meanwhile: stage 1 is untouched.
		await enregistrerEtape(base.db, p.id, 'awa', q[1]!, [{ question: c!.id, niveau: 'sans-objet', commentaire: 'Pas de convention prévue' }]);
		let courante = (await enCours(base.db, p.id))!;
		expect(courante.reponses).toHaveLength(2);
		expect(avancement(q, courante.reponses)).toMatchObject({ reprendre: 1, complete: false, etapes: [{ numero: 1, faites: 1, total: 2 }, { numero: 2, faites: 1, total: 1, complete: true }] });
		expect(await terminerAutoEvaluation(base.db, p.id, 'camille', q)).toEqual({ ok: false, manquantes: [{ numero: 1, titre: 'Étape 1', restent: 1 }] });

		// Saving stage 1 again replaces its answers only.
		await enregistrerEtape(base.db, p.id, 'camille', q[0]!, [{ question: a!.id, niveau: 2, commentaire: '' }, { question: b!.id, niveau: 'ne-sait-pas', commentaire: '' }]);
		courante = (await enCours(base.db, p.id))!;
		expect(courante.reponses.map((r) => r.niveau).sort()).toEqual([2, 'ne-sait-pas', 'sans-objet'].sort());
		expect(avancement(q, courante.reponses).complete).toBe(true);
		expect(await historique(base.db, p.id)).toEqual([]);

		expect(await terminerAutoEvaluation(base.db, p.id, 'awa', q)).toEqual({ ok: true });
		expect(await enCours(base.db, p.id)).toBeUndefined();
		const [finie] = await historique(base.db, p.id);
		expect(finie!.auteur).toBe('awa');
		// Stage 1: only « en partie » is scored (33); stage 2, answered « sans objet », has no score.
		expect(scores(q, finie!.reponses)).toEqual({
			parEtape: [
				{ numero: 1, titre: 'Étape 1', score: 33, ecartees: { sansObjet: 0, neSaitPas: 1 } },
				{ numero: 2, titre: 'Étape 2', score: null, ecartees: { sansObjet: 1, neSaitPas: 0 } }
			],
			global: 33,
			ecartees: { sansObjet: 1, neSaitPas: 1 }
		});
		expect(pointsFaibles(q, finie!.reponses).map((f) => f.question)).toEqual(['Le diagnostic est-il partagé ?']);
		expect(aEclaircir(q, finie!.reponses).map((f) => f.question)).toEqual(['Les besoins de là-bas sont-ils dits par le partenaire ?']);

		// The next taking starts afresh.
		await enregistrerEtape(base.db, p.id, 'camille', q[1]!, [{ question: c!.id, niveau: 4, commentaire: '' }]);
		expect((await enCours(base.db, p.id))!.reponses).toEqual([{ question: c!.id, niveau: 4, commentaire: '' }]);
	});

	it('keeps one taking in progress when two first answers arrive at once', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Simultané' }, 'camille');
		const [a, b] = q[0]!.questions;
		const [c] = q[1]!.questions;
		await Promise.all([
			enregistrerEtape(base.db, p.id, 'camille', q[0]!, [{ question: a!.id, niveau: 4, commentaire: '' }, { question: b!.id, niveau: 4, commentaire: '' }]),
			enregistrerEtape(base.db, p.id, 'awa', q[1]!, [{ question: c!.id, niveau: 3, commentaire: '' }])
		]);
		expect((await enCours(base.db, p.id))!.reponses).toHaveLength(3);
	});
});
