// Search through the real database (PGlite, or PostgreSQL with DATABASE_URL) on the kit's
// example content: relevance by rank, facets, robustness to any input.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { copierContenu } from '../../../../tests/support/contenu.ts';
import { importerContenu } from '../contenu/import.ts';
import { lireContenu } from '../contenu/lecture.ts';
import { lireParametres, type ParametresRecherche } from './parametres.ts';
import { rechercher } from './recherche.ts';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	// The kit, plus one draft that no search may reveal.
	const copie = copierContenu();
	copie.ecrire(
		'fiches/brouillon-secret.md',
		copie
			.lire('fiches/protection-enfance-haiti.md')
			.replace(/^statut: .*$/m, 'statut: brouillon')
			.replace(/^titre: .*$/m, 'titre: "Zanzibar confidentiel"')
	);
	await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
	copie.nettoyer();
});
afterAll(() => base.detruire());

const chercher = (adresse: string) => rechercher(base.db, lireParametres(new URLSearchParams(adresse)), ['publiee']);
const premieres = async (q: string, n = 3) => (await chercher(`q=${encodeURIComponent(q)}`)).fiches.slice(0, n).map((f) => f.slug);

describe('relevance on the example fiches', () => {
	// Query → the fiche expected first. Accents, case, plurals, synonyms, places, several words.
	const PREMIERE: [string, string][] = [
		['mobilité des jeunes en insertion au Sénégal', 'plateforme-jeunes-engagement-citoyen'],
		['chantier insertion', 'chantier-insertion-rehabilitation-maroc'],
		['chantier d’insertion', 'chantier-insertion-rehabilitation-maroc'],
		['mobilite', 'mobilite-stages-jeunes-benin'],
		['MOBILITÉ', 'mobilite-stages-jeunes-benin'],
		['stage', 'mobilite-stages-jeunes-benin'],
		['état civil', 'acces-aux-droits-etat-civil-madagascar'],
		['etat civil', 'acces-aux-droits-etat-civil-madagascar'],
		['actes de naissance', 'acces-aux-droits-etat-civil-madagascar'],
		['Madagascar', 'acces-aux-droits-etat-civil-madagascar'],
		['handicap', 'emploi-personnes-handicap-liban'],
		['personnes handicapées', 'emploi-personnes-handicap-liban'],
		['Liban', 'emploi-personnes-handicap-liban'],
		['personnes âgées', 'autonomie-personnes-agees-algerie'],
		['seniors', 'autonomie-personnes-agees-algerie'],
		['aidants', 'autonomie-personnes-agees-algerie'],
		['familles d’accueil', 'protection-enfance-haiti'],
		['"familles d\'accueil"', 'protection-enfance-haiti'],
		['Haïti', 'protection-enfance-haiti'],
		['immersions croisées', 'regards-croises-protection-enfance-tunisie'],
		['regards croisés', 'regards-croises-protection-enfance-tunisie'],
		['Tunisie', 'regards-croises-protection-enfance-tunisie'],
		['microfinance', 'cooperatives-femmes-burkina'],
		['coopératives de femmes', 'cooperatives-femmes-burkina'],
		['karité', 'cooperatives-femmes-burkina'],
		['service civique', 'volontariat-reciproque-jeunes-togo'],
		['volontaires', 'volontariat-reciproque-jeunes-togo'],
		['retraite des migrants', 'migrants-acces-aux-droits-mali'],
		['Mali', 'migrants-acces-aux-droits-mali'],
		['économie solidaire', 'economie-solidaire-insertion-colombie'],
		['ESS', 'economie-solidaire-insertion-colombie'],
		['personnes déplacées Colombie', 'economie-solidaire-insertion-colombie'],
		['propositions des jeunes aux élus', 'plateforme-jeunes-engagement-citoyen'],
		// An example fiche is found by its region, the only place it names.
		['Hauts-de-France', 'economie-solidaire-insertion-colombie'],
		['Bretagne', 'volontariat-reciproque-jeunes-togo'],
		['Occitanie', 'mobilite-stages-jeunes-benin']
	];
	it.each(PREMIERE)('« %s » puts %s first', async (q, attendue) => {
		expect((await premieres(q, 1))[0]).toBe(attendue);
	});

	it('finds the same fiches with or without accents, case and plural', async () => {
		expect(await premieres('coopération', 20)).toEqual(await premieres('cooperation', 20));
		expect(await premieres('jeunes', 20)).toEqual(await premieres('jeune', 20));
		expect(await premieres('FEMMES', 20)).toEqual(await premieres('femme', 20));
		expect(await premieres('familles d’accueil', 20)).toEqual(await premieres('Famille accueil', 20));
	});

	it('knows the field’s synonyms: RSA and minima sociaux', async () => {
		const rsa = await premieres('RSA', 20);
		expect(rsa.length).toBeGreaterThan(0);
		expect((await premieres('minima sociaux', 20)).sort()).toEqual([...rsa].sort());
		expect(await premieres('ASE', 2)).toEqual(expect.arrayContaining(['protection-enfance-haiti', 'regards-croises-protection-enfance-tunisie']));
	});

	it('finds stages and recommendations with the fiches, the best first', async () => {
		const r = await chercher('q=evaluation impact en France');
		expect(r.etapes[0]?.slug).toBe('evaluer-les-impacts-ici-et-la-bas');
		expect(r.recommandations.map((x) => x.code)).toContain('7.2');
		expect((await chercher('q=cadre logique')).recommandations[0]?.code).toBe('5.1');
		expect((await chercher('q=gouvernance partagée comité de pilotage')).recommandations[0]?.code).toBe('2.4');
		expect((await chercher('q=transversalité')).etapes[0]?.slug).toBe('travailler-en-transversalite');
	});

	it('highlights the matching passage, not just the beginning', async () => {
		const r = await chercher('q=microfinance');
		const marques = r.fiches[0]!.extrait.filter((s) => s.marque).map((s) => s.texte.toLowerCase());
		expect(marques).toContain('microfinance');
	});

	it('excludes a word with a minus sign', async () => {
		const avec = await premieres('jeunes', 20);
		const sans = await premieres('jeunes -Sénégal', 20);
		expect(avec).toContain('plateforme-jeunes-engagement-citoyen');
		expect(sans).not.toContain('plateforme-jeunes-engagement-citoyen');
		expect(sans.length).toBe(avec.length - 1);
	});
});

describe('typos and queries that find nothing', () => {
	it('corrects a typo and shows the corrected results when nothing matched', async () => {
		const r = await chercher('q=insertoin');
		expect(r.corrigee).toBe('insertion');
		expect(r.fiches.map((f) => f.slug)).toContain('chantier-insertion-rehabilitation-maroc');
	});

	it('offers « Vouliez-vous dire » when some words are unknown, keeping the filters', async () => {
		const r = await chercher('q=karite immersoins&theme=inclusion-economique');
		expect(r.mode).toBe('certains');
		expect(r.suggestion?.texte).toBe('karite immersions');
		expect(r.suggestion?.href).toBe('/recherche?q=karite+immersions&theme=inclusion-economique');
		// A mistyped word that stems like a real one is corrected too.
		expect((await chercher('q=jeunes mobilitee')).corrigee ?? (await chercher('q=jeunes mobilitee')).suggestion?.texte).toBe('jeunes mobilité');
	});

	it('falls back to fiches having some of the words when none has them all', async () => {
		const r = await chercher('q=karité immersions');
		expect(r.mode).toBe('certains');
		expect(r.fiches.map((f) => f.slug).sort()).toEqual(['cooperatives-femmes-burkina', 'mobilite-stages-jeunes-benin', 'regards-croises-protection-enfance-tunisie']);
	});

	it('says so when nothing matches at all', async () => {
		const r = await chercher('q=Kamtchatka');
		expect(r.mode).toBe('aucun');
		expect(r.total).toBe(0);
	});

	it('never shows a draft', async () => {
		expect((await chercher('q=Zanzibar')).total).toBe(0);
		expect((await chercher('q=familles accueil')).fiches.map((f) => f.slug)).not.toContain('brouillon-secret');
	});
});

describe('facets', () => {
	it('counts, combines and narrows', async () => {
		const tout = await chercher('q=jeunes');
		const theme = tout.facettes.theme.find((o) => o.valeur === 'mobilite-internationale-jeunes')!;
		expect(theme.nombre).toBeGreaterThan(0);
		const parTheme = await chercher(theme.href.split('?')[1]!);
		expect(parTheme.total).toBe(theme.nombre);
		const pays = parTheme.facettes.pays.find((o) => o.valeur === 'BJ')!;
		const deux = await chercher(pays.href.split('?')[1]!);
		expect(deux.total).toBe(pays.nombre);
		expect(deux.fiches.map((f) => f.slug)).toEqual(['mobilite-stages-jeunes-benin']);
		// Every count adds up: the themes of the matching fiches cover them all.
		expect(deux.facettes.pays.find((o) => o.valeur === 'BJ')?.choisie).toBe(true);
	});

	it('filters by region, département, SDG goal and period', async () => {
		// An example fiche counts in its region's facet, never in a département's.
		const occitanie = await chercher('region=76');
		expect(occitanie.fiches.map((f) => f.slug)).toEqual(['mobilite-stages-jeunes-benin']);
		expect(occitanie.facettes.region.find((o) => o.valeur === '76')).toMatchObject({ nombre: 1, choisie: true });
		expect(occitanie.facettes.departement).toEqual([]);
		expect((await chercher('')).facettes.departement).toEqual([]);
		// A département of the region finds none: an example fiche is in no real département.
		expect((await chercher('region=76&departement=31')).total).toBe(0);
		const odd16 = await chercher('odd=16');
		expect(odd16.fiches.map((f) => f.slug)).toContain('acces-aux-droits-etat-civil-madagascar');
		const periode = await chercher('periode=2020');
		expect(periode.fiches.every((f) => f.periodeDebut >= '2020' && f.periodeDebut < '2025')).toBe(true);
		expect(periode.total).toBeGreaterThan(0);
	});

	it('indexes, for every fiche, exactly the facet terms of its links, status and period', async () => {
		// The terms are written by the import; here they are recomputed from the link tables.
		const r = await base.db.execute(sql`
			select f.slug, f.facettes, array(
				select 'theme:' || theme from fiches_themes where fiche_id = f.id
				union select 'public:' || public from fiches_publics where fiche_id = f.id
				union select 'etape:' || e.numero from fiches_etapes x join etapes e on e.id = x.etape_id where x.fiche_id = f.id
				union select x.type || ':' || x.code from fiches_territoires x where x.fiche_id = f.id
				union select 'region:' || d.region_code from fiches_territoires x join departements d on d.code = x.code where x.fiche_id = f.id and x.type = 'departement'
				union select 'odd:' || c.objectif from fiches_odd_cibles x join odd_cibles c on c.code = x.cible where x.fiche_id = f.id
				union select 'statut:' || f.statut
				union select 'periode:' || (left(f.periode_debut, 4)::int / 5) * 5
			) as attendus from fiches f`);
		const lignes = (r as unknown as { rows: { slug: string; facettes: string[]; attendus: string[] }[] }).rows;
		expect(lignes).toHaveLength(13);
		for (const l of lignes) expect([...l.facettes].sort(), l.slug).toEqual([...l.attendus].sort());
	});

	it('ignores a filter that matches nothing in the kit, and says which', async () => {
		const r = await chercher('theme=inexistant&pays=ZZ&q=jeunes');
		expect(r.ignores).toEqual(['inexistant', 'ZZ']);
		expect(r.total).toBe((await chercher('q=jeunes')).total);
	});

	it('sorts by date and paginates', async () => {
		const r = await chercher('tri=date');
		const debuts = r.fiches.map((f) => f.periodeDebut);
		expect(debuts).toEqual([...debuts].sort().reverse());
		expect(r.total).toBe(12);
		expect(r.fiches).toHaveLength(10);
		const page2 = await chercher('tri=date&page=2');
		expect(page2.fiches).toHaveLength(2);
		expect(page2.pages.find((p) => p.courante)?.numero).toBe(2);
	});
});

describe('any input gets a normal answer', () => {
	const BIZARRES = [
		'',
		' ',
		'a',
		'de la',
		'"',
		'"""',
		'«',
		"'; drop table fiches; --",
		'<script>alert(1)</script>',
		'jeunes & | ! ( ) : * <->',
		'🙂 jeunes 🙂',
		'-',
		'-jeunes',
		'\u0000\u0001\u0002 jeunes',
		'x'.repeat(10_000),
		'jeunes '.repeat(2000)
	];
	it.each(BIZARRES.map((q) => [q.slice(0, 30), q]))('« %s »', async (_l, q) => {
		const p: ParametresRecherche = { q, filtres: {}, tri: 'pertinence', page: 1 };
		const r = await rechercher(base.db, p, ['publiee']);
		expect(r.requete.texte.length).toBeLessThanOrEqual(200);
		expect(['vide', 'tous', 'certains', 'aucun']).toContain(r.mode);
	});

	it('treats an empty query as browsing: every fiche, by date, with facets', async () => {
		const r = await chercher('');
		expect(r.mode).toBe('vide');
		expect(r.total).toBe(12);
		expect(r.facettes.theme.length).toBeGreaterThan(0);
	});

	it('reads any address without failing', () => {
		const p = lireParametres(new URLSearchParams('page=-3&tri=%00&theme=<b>&q=' + 'é'.repeat(20_000)));
		expect(p).toMatchObject({ page: 1, tri: 'pertinence', filtres: {} });
		expect(p.q.length).toBe(10_000);
	});
});
