import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { CONTENU_REEL } from '../../../../tests/support/contenu.ts';
import { importerContenu } from '../contenu/import.ts';
import { lireContenu } from '../contenu/lecture.ts';
import { chiffresCles, etapeParSlug, indexRecommandations, listerEtapes } from './etapes.ts';
import { pageParSlug } from './pages.ts';
import { typographier } from '../../typographie.ts';

const kit = lireContenu(CONTENU_REEL);
let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	await importerContenu(base.db, kit);
});
afterAll(() => base.detruire());

describe('the method', () => {
	it('counts the kit for the home page', async () => {
		expect(await chiffresCles(base.db)).toEqual({
			etapes: 8,
			recommandations: kit.etapes.reduce((n, e) => n + e.recommandations.length, 0),
			fiches: kit.fiches.filter((f) => f.statut === 'publiee').length
		});
	});

	it('lists the stages in order with their numbers of recommendations and fiches', async () => {
		const etapes = await listerEtapes(base.db);
		expect(etapes.map((e) => e.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		for (const e of etapes) {
			const source = kit.etapes.find((s) => s.numero === e.numero)!;
			expect(e.nbRecommandations).toBe(source.recommandations.length);
			expect(e.nbFiches).toBe(kit.fiches.filter((f) => f.statut === 'publiee' && f.etapes.includes(e.numero)).length);
		}
	});

	it('shows a stage with its recommendations, tools, questions and illustrating fiches, most relevant first', async () => {
		const source = kit.etapes.find((e) => e.numero === 7)!;
		const etape = (await etapeParSlug(base.db, source.slug))!;
		expect(etape.recommandations.map((r) => r.titre)).toEqual(source.recommandations.map((r) => r.titre));
		expect(etape.outils).toHaveLength(source.outils.length);
		expect(etape.autoEvaluation.map((q) => q.recommandation)).toEqual(source.autoEvaluation.map((q) => q.recommandation));
		expect(etape.precedente?.numero).toBe(6);
		expect(etape.suivante?.numero).toBe(8);

		const pertinence = (slug: string) =>
			kit.fiches.find((f) => f.slug === slug)!.recommandations.filter((c) => c.startsWith('7.')).length;
		const ordre = etape.fiches.map((f) => pertinence(f.slug));
		expect(ordre).toEqual([...ordre].sort((a, b) => b - a));
		expect(etape.fiches.map((f) => f.slug).sort()).toEqual(
			kit.fiches.filter((f) => f.etapes.includes(7)).map((f) => f.slug).sort()
		);
		// Each recommendation lists the fiches that cite it.
		const r2 = etape.recommandations.find((r) => r.numero === 2)!;
		expect(r2.fiches.map((f) => f.slug).sort()).toEqual(
			kit.fiches.filter((f) => f.recommandations.includes('7.2')).map((f) => f.slug).sort()
		);
	});

	// « Illustrée par » is never written by hand: it is the fiches tagged with the stage or recommendation.
	it.each(kit.etapes.map((e) => [e.numero, e] as const))('stage %i and each of its recommendations list exactly the fiches tagged with them', async (numero, source) => {
		const publiees = kit.fiches.filter((f) => f.statut === 'publiee');
		const etape = (await etapeParSlug(base.db, source.slug))!;
		expect(etape.fiches.map((f) => f.slug).sort()).toEqual(publiees.filter((f) => f.etapes.includes(numero)).map((f) => f.slug).sort());
		const index = (await indexRecommandations(base.db)).find((e) => e.numero === numero)!;
		for (const r of etape.recommandations) {
			const attendues = publiees.filter((f) => f.recommandations.includes(`${numero}.${r.numero}`)).map((f) => f.slug).sort();
			expect(r.fiches.map((f) => f.slug).sort(), `${numero}.${r.numero}`).toEqual(attendues);
			expect(index.recommandations.find((x) => x.numero === r.numero)!.fiches.map((f) => f.slug).sort()).toEqual(attendues);
		}
	});

	it('gives what it shows French typography, without changing what is stored', async () => {
		const source = kit.etapes.find((e) => e.numero === 1)!;
		const etape = (await etapeParSlug(base.db, source.slug))!;
		expect(etape.titre).toBe(typographier(source.titre));
		expect(etape.titre).toContain('’');
		expect(etape.questionsCles[0]).toMatch(/\u202F\?$/);
		expect(etape.pourquoiHtml).not.toMatch(/\p{L}'\p{L}/u);
		expect((await pageParSlug(base.db, 'pourquoi-s-engager'))!.titre).toBe('Pourquoi s’engager\u202F?');
	});

	it('indexes every recommendation by stage', async () => {
		const index = await indexRecommandations(base.db);
		expect(index.map((e) => e.recommandations.length)).toEqual(kit.etapes.map((e) => e.recommandations.length));
	});

	it('lists first, under each recommendation, the fiches whose text speaks most of it', async () => {
		const index = await indexRecommandations(base.db);
		const fichesDe = (etape: number, numero: number) =>
			index.find((e) => e.numero === etape)!.recommandations.find((r) => r.numero === numero)!.fiches.map((f) => f.slug);
		// « Associer les associations et ONG pour leur expertise de terrain »: the Mali fiche is
		// about a migrants' association; alphabetical order would put it last.
		expect(fichesDe(2, 2)[0]).toBe('migrants-acces-aux-droits-mali');
		// « Lever les freins concrets… garde d'enfants… »: the women's cooperatives.
		expect(fichesDe(3, 3)[0]).toBe('cooperatives-femmes-burkina');
		expect(fichesDe(3, 3)).toHaveLength(3);
	});

	it('answers undefined for an unknown stage or page', async () => {
		expect(await etapeParSlug(base.db, 'inconnue')).toBeUndefined();
		expect(await pageParSlug(base.db, 'inconnue')).toBeUndefined();
		expect((await pageParSlug(base.db, 'pourquoi-s-engager'))!.corpsHtml).toContain('<h2');
	});
});
