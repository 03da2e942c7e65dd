import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { CONTENU_REEL } from '../../../../tests/support/contenu.ts';
import { importerContenu } from '../contenu/import.ts';
import { lireContenu } from '../contenu/lecture.ts';
import { ficheParSlug } from './fiche.ts';
import { dernieresFiches, lireFiltres, listerFiches, optionsFiltres } from './liste.ts';

const kit = lireContenu(CONTENU_REEL);
const publiees = kit.fiches.filter((f) => f.statut === 'publiee');
const slugs = (garder: (f: (typeof kit.fiches)[number]) => boolean) => publiees.filter(garder).map((f) => f.slug).sort();

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	await importerContenu(base.db, kit);
});
afterAll(() => base.detruire());

describe('the fiche list', () => {
	it('lists every published fiche, the most recent first', async () => {
		const liste = await listerFiches(base.db, {});
		expect(liste.map((f) => f.slug).sort()).toEqual(slugs(() => true));
		const debuts = liste.map((f) => f.periodeDebut);
		expect(debuts).toEqual([...debuts].sort().reverse());
	});

	it('filters by theme, stage, public and country, and combines them', async () => {
		const parTheme = await listerFiches(base.db, { theme: 'inclusion-economique' });
		expect(parTheme.map((f) => f.slug).sort()).toEqual(slugs((f) => f.themes.includes('inclusion-economique')));
		expect(parTheme.length).toBeGreaterThan(1);

		const parEtape = await listerFiches(base.db, { etape: 4 });
		expect(parEtape.map((f) => f.slug).sort()).toEqual(slugs((f) => f.etapes.includes(4)));

		const parPublic = await listerFiches(base.db, { public: 'personnes-agees' });
		expect(parPublic.map((f) => f.slug).sort()).toEqual(slugs((f) => f.publics.includes('personnes-agees')));

		const combines = await listerFiches(base.db, { theme: 'inclusion-economique', pays: 'LB' });
		expect(combines.map((f) => f.slug)).toEqual(slugs((f) => f.themes.includes('inclusion-economique') && f.pays.includes('LB')));
		expect(combines.length).toBeLessThan(parTheme.length);
	});

	it('gives each card its themes and territories by name', async () => {
		const [carte] = await listerFiches(base.db, { pays: 'HT' });
		expect(carte!.pays).toEqual([{ code: 'HT', nom: 'Haïti' }]);
		// An example fiche names its region only, never a département.
		expect(carte!.departements).toEqual([]);
		expect(carte!.regions).toEqual([{ code: '11', nom: 'Île-de-France' }]);
		expect(carte!.exemple).toBe(true);
		expect(carte!.themes.length).toBeGreaterThan(0);
	});

	it('counts the fiches behind each filter value', async () => {
		const options = await optionsFiltres(base.db);
		const theme = options.themes.find((t) => t.valeur === 'acces-aux-droits')!;
		expect(theme.nombre).toBe(slugs((f) => f.themes.includes('acces-aux-droits')).length);
		expect(options.pays.map((p) => p.valeur).sort()).toEqual([...new Set(publiees.flatMap((f) => f.pays))].sort());
		expect(options.etapes.map((e) => e.valeur)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
	});

	it('drops filter values the kit does not have, saying so in French', async () => {
		const options = await optionsFiltres(base.db);
		const { filtres, avertissements } = lireFiltres(
			new URLSearchParams({ theme: 'acces-aux-droits', public: 'inconnu', pays: 'sn', etape: '99' }),
			options
		);
		expect(filtres).toEqual({ theme: 'acces-aux-droits', pays: 'SN' });
		expect(avertissements).toEqual([
			"L'étape « 99 » n'existe pas dans le kit : ce filtre a été ignoré.",
			"Le public « inconnu » n'existe pas dans le kit : ce filtre a été ignoré."
		]);
		const tropLong = lireFiltres(new URLSearchParams({ theme: 'x'.repeat(10_000) }), options);
		expect(tropLong.filtres).toEqual({});
		expect(tropLong.avertissements).toEqual(['Certains filtres de l’adresse sont illisibles : ils ont été ignorés.']);
	});

	it('shows the most recent fiches on the home page', async () => {
		const dernieres = await dernieresFiches(base.db, 3);
		const attendues = [...publiees].sort((a, b) => b.periodeDebut.localeCompare(a.periodeDebut) || a.titre.localeCompare(b.titre));
		expect(dernieres.map((f) => f.periodeDebut)).toEqual(attendues.slice(0, 3).map((f) => f.periodeDebut));
	});
});

describe('a fiche', () => {
	it('has its sections, SDG targets with official French wording, stages and recommendations', async () => {
		const source = publiees[0]!;
		const fiche = (await ficheParSlug(base.db, source.slug))!;
		expect(fiche.sections.map((s) => s.titre)).toEqual([
			'Contexte et enjeux',
			'Objectifs',
			'La démarche pas à pas',
			'Acteurs et gouvernance',
			'Implication des publics',
			'Transversalité',
			'Résultats et effets ici',
			'Résultats et effets là-bas',
			'Difficultés',
			'Enseignements',
			'Recommandations',
			'Conditions de transférabilité'
		]);
		expect(fiche.sections.every((s) => s.html.startsWith('<'))).toBe(true);
		expect(fiche.odd.map((c) => c.code).sort()).toEqual(source.odd.map((o) => o.cible).sort());
		expect(fiche.odd[0]!.titre).toMatch(/^[A-ZÉ]/);
		expect(fiche.etapes.map((e) => e.numero)).toEqual([...source.etapes].sort((a, b) => a - b));
		expect(fiche.recommandations.map((r) => `${r.etapeNumero}.${r.numero}`).sort()).toEqual([...source.recommandations].sort());
	});

	it('escapes raw HTML written in a fiche', async () => {
		const copie = structuredClone(kit);
		copie.fiches[0]!.contexte = 'Avant <script>alert("x")</script> après';
		await importerContenu(base.db, copie);
		const fiche = (await ficheParSlug(base.db, copie.fiches[0]!.slug))!;
		expect(fiche.sections[0]!.html).toContain('&lt;script&gt;');
		expect(fiche.sections[0]!.html).not.toContain('<script>');
		await importerContenu(base.db, kit);
	});
});
