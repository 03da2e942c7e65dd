import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { tableauTexte } from '../db/motif.ts';
import type { StatutFiche } from '../db/schema.ts';
import { cartesFiches, type CarteFiche } from '../fiches/cartes.ts';
import { nomPays } from '../referentiels/territoires.ts';
import { typographier } from '../../typographie.ts';
import { extrait, type Extrait } from './extraits.ts';
import { FACETTES, PAR_PAGE, adresseRecherche, type Facette, type ParametresRecherche } from './parametres.ts';
import { analyserRequete, requetesTexte, type RequeteAnalysee } from './requete.ts';
import { corrigerRequete } from './suggestions.ts';

export interface OptionFacette {
	valeur: string;
	libelle: string;
	nombre: number;
	choisie: boolean;
	/** The search with this value chosen, or removed when it is. */
	href: string;
	/** For départements: the region they belong to. */
	groupe?: string;
}

export interface ResultatRecherche {
	requete: RequeteAnalysee;
	/** « tous »: every word found; « certains »: no fiche had them all, these have some. */
	mode: 'vide' | 'tous' | 'certains' | 'aucun';
	/** A corrected query when some words are unknown to the kit. */
	suggestion?: { texte: string; href: string };
	/** When nothing matched and the corrected query did: its results are shown. */
	corrigee?: string;
	adresseCorrigee?: string;
	total: number;
	fiches: (CarteFiche & { extrait: Extrait })[];
	etapes: { numero: number; slug: string; titre: string; extrait: Extrait }[];
	recommandations: { code: string; href: string; titre: string; etape: string; extrait: Extrait }[];
	/** Projects whose team made the summary public: in progress, not fiches. */
	projets: { id: number; titre: string; porteur: string; extrait: Extrait }[];
	facettes: Record<Facette, OptionFacette[]>;
	pages: { numero: number; href: string; courante: boolean }[];
	tris: { valeur: 'pertinence' | 'date'; libelle: string; href: string; courant: boolean }[];
	/** Filters of the address that match nothing in the kit: ignored, and said so. */
	ignores: string[];
}

type Libelles = Record<Facette, Map<string, { libelle: string; groupe?: string }>>;

const cacheLibelles = new WeakMap<Database, { jusqua: number; libelles: Promise<Libelles> }>();

/** Names of everything a facet can show: small tables, kept for 30 seconds. */
function libelles(db: Database): Promise<Libelles> {
	const enCache = cacheLibelles.get(db);
	if (enCache && enCache.jusqua > Date.now()) return enCache.libelles;
	const frais = lireLibelles(db);
	cacheLibelles.set(db, { jusqua: Date.now() + 30_000, libelles: frais });
	frais.catch(() => cacheLibelles.delete(db));
	return frais;
}

async function lireLibelles(db: Database): Promise<Libelles> {
	const [themes, publics, etapes, objectifs, departements, pays] = await Promise.all([
		db.execute(sql`select slug as v, nom as l from themes order by ordre`),
		db.execute(sql`select slug as v, nom as l from publics order by ordre`),
		db.execute(sql`select numero::text as v, numero || '. ' || titre as l from etapes order by numero`),
		db.execute(sql`select numero::text as v, numero || '. ' || (intitule_court->>'fr') as l from odd_objectifs order by numero`),
		db.execute(sql`select code as v, nom || ' (' || code || ')' as l, region_code as r, region_nom as rn from departements order by code`),
		db.execute(sql`select distinct code as v from fiches_territoires where type = 'pays'`)
	]);
	const carte = (r: unknown) =>
		new Map(lignes<{ v: string; l: string }>(r).map((x) => [x.v, { libelle: typographier(x.l) }] as const));
	const deps = lignes<{ v: string; l: string; r: string; rn: string }>(departements);
	return {
		theme: carte(themes),
		public: carte(publics),
		etape: carte(etapes),
		odd: carte(objectifs),
		departement: new Map(deps.map((d) => [d.v, { libelle: d.l, groupe: d.rn }])),
		region: new Map(deps.map((d) => [d.r, { libelle: d.rn }])),
		pays: new Map(lignes<{ v: string }>(pays).map((p) => [p.v, { libelle: nomPays(p.v) ?? p.v }])),
		// Five-year periods from 1990 to 2045: enough for any project the kit will hold.
		periode: new Map(
			Array.from({ length: 12 }, (_, i) => 1990 + 5 * i).map((a) => [String(a), { libelle: `${a}–${a + 4}` }])
		)
	};
}

/** node-postgres and PGlite both answer { rows }. */
function lignes<T>(resultat: unknown): T[] {
	return (resultat as { rows: T[] }).rows;
}

const CORPS_FICHE = sql.raw(
	[
		'f.resume',
		'f.contexte',
		'f.objectifs',
		'f.demarche',
		'f.acteurs_gouvernance',
		'f.implication_publics',
		'f.transversalite',
		'f.resultats_ici',
		'f.resultats_la_bas',
		'f.difficultes',
		'f.enseignements',
		'f.recommandations_texte',
		'f.transferabilite'
	].join(` || E'\\n\\n' || `)
);

// Highlights are marked with control characters the text cannot contain, then escaped by Svelte.
const OPTIONS_EXTRAIT = `StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MinWords=12, MaxWords=28, FragmentDelimiter=" … "`;

/**
 * Searches fiches, stages and recommendations together. The fiches are narrowed by the chosen
 * facets, counted per facet value, sorted and paginated; stages and recommendations come with
 * the first page.
 */
export async function rechercher(
	db: Database,
	p: ParametresRecherche,
	statuts: StatutFiche[]
): Promise<ResultatRecherche> {
	const noms = await libelles(db);
	const ignores: string[] = [];
	const filtres: ParametresRecherche['filtres'] = {};
	for (const f of FACETTES) {
		const v = p.filtres[f];
		if (v === undefined) continue;
		const cle = f === 'pays' ? v.toUpperCase() : v;
		if (noms[f].has(cle)) filtres[f] = cle;
		else ignores.push(v);
	}
	const params: ParametresRecherche = { ...p, filtres };

	let requete = analyserRequete(p.q);
	let texte = await tsqueries(db, requete);
	let corrigee: string | undefined;
	let suggestion: ResultatRecherche['suggestion'];

	const correction = texte ? await corrigerRequete(db, requete) : undefined;
	if (correction) suggestion = { texte: correction, href: adresseRecherche(params, { q: correction, page: 1 }) };

	let mode: ResultatRecherche['mode'] = texte ? 'tous' : 'vide';
	let selection = await chercherFiches(db, params, statuts, texte?.tous);
	if (texte && selection.total === 0) {
		// Nothing has every word: first the corrected words, then any of the words.
		if (correction) {
			const r2 = analyserRequete(correction);
			const t2 = await tsqueries(db, r2);
			const s2 = t2 ? await chercherFiches(db, params, statuts, t2.tous) : undefined;
			if (t2 && s2 && s2.total > 0) {
				requete = r2;
				texte = t2;
				selection = s2;
				corrigee = correction;
				suggestion = undefined;
			}
		}
		if (selection.total === 0) {
			selection = await chercherFiches(db, params, statuts, texte.certains);
			mode = selection.total > 0 ? 'certains' : 'aucun';
			if (mode === 'certains') texte = { tous: texte.certains, certains: texte.certains };
		}
	}

	const requeteActive = texte?.tous;
	// Stages and recommendations: every word if possible, else some of them.
	const guide = async <T>(chercher: (db: Database, q: string) => Promise<T[]>) => {
		if (!texte || p.page !== 1) return [];
		const tous = await chercher(db, texte.tous);
		return tous.length > 0 || texte.certains === texte.tous ? tous : chercher(db, texte.certains);
	};
	const [cartes, extraits, etapes, recommandations, projets] = await Promise.all([
		cartesFiches(db, selection.ids),
		extraitsFiches(db, selection.ids, requeteActive),
		guide(chercherEtapes),
		guide(chercherRecommandations),
		guide(chercherProjets)
	]);

	const pagesTotal = Math.max(1, Math.ceil(selection.total / PAR_PAGE));
	return {
		requete,
		mode,
		suggestion,
		corrigee,
		adresseCorrigee: corrigee ? adresseRecherche(params, { q: corrigee, page: 1 }) : undefined,
		total: selection.total,
		fiches: cartes.map((c) => ({ ...c, extrait: extraits.get(c.slug) ?? [] })),
		etapes,
		recommandations,
		projets,
		facettes: facettes(selection.comptes, noms, params),
		pages: Array.from({ length: Math.min(pagesTotal, 100) }, (_, i) => ({
			numero: i + 1,
			href: adresseRecherche(params, { page: i + 1 }),
			courante: i + 1 === p.page
		})),
		tris: (['pertinence', 'date'] as const).map((valeur) => ({
			valeur,
			libelle: valeur === 'pertinence' ? 'Pertinence' : 'Date (plus récentes d’abord)',
			href: adresseRecherche(params, { tri: valeur, page: 1 }),
			courant: p.tri === valeur
		})),
		ignores
	};
}

/** The tsqueries of the reader's words, as text, or undefined when no word is searchable. */
async function tsqueries(db: Database, r: RequeteAnalysee) {
	const sqls = requetesTexte(r);
	if (!sqls) return undefined;
	const [ligne] = lignes<{ tous: string; certains: string; n: number }>(
		await db.execute(sql`select (${sqls.tous})::text as tous, (${sqls.certains})::text as certains, numnode(${sqls.tous}) as n`)
	);
	// Only stop words (« de la ») leave nothing to search.
	if (!ligne || ligne.n === 0) return undefined;
	return { tous: ligne.tous, certains: ligne.certains };
}

/** Beyond this many matches, fiches are ranked on their title, summary and identity only. */
const SEUIL_RANG_COMPLET = 500;

/**
 * The fiches of a search: their count per facet value, then one page of them. Words and facets
 * are both answered by the GIN index on (recherche, facettes): chosen facets and readable
 * statuses are « facette:valeur » terms of the generated `facettes` array.
 */
async function chercherFiches(db: Database, p: ParametresRecherche, statuts: StatutFiche[], tsquery?: string) {
	const choisis = FACETTES.flatMap((f) => (p.filtres[f] ? [`${f}:${p.filtres[f]}`] : []));
	const lisibles = statuts.map((s) => `statut:${s}`);
	const tableau = tableauTexte;
	const conditions: SQL[] =
		lisibles.length === 1
			? [sql`f.facettes @> ${tableau([...choisis, ...lisibles])}`]
			: [sql`f.facettes && ${tableau(lisibles)}`, ...(choisis.length > 0 ? [sql`f.facettes @> ${tableau(choisis)}`] : [])];
	if (tsquery) conditions.push(sql`f.recherche @@ ${tsquery}::tsquery`);
	const ou = sql.join(conditions, sql` and `);

	return db.transaction(async (tx) => {
		// The planner does not count the cost of reading each large (TOASTed) document when it
		// expects most fiches to match, and would scan them all; the index answers far faster.
		if (tsquery) await tx.execute(sql`set local enable_seqscan = off`);
		const comptes = lignes<{ terme: string; nombre: number }>(
			await tx.execute(sql`select t as terme, count(*)::int as nombre from fiches f, unnest(f.facettes) t where ${ou} group by t`)
		).map(({ terme, nombre }) => {
			const i = terme.indexOf(':');
			return { facette: terme.slice(0, i), valeur: terme.slice(i + 1), nombre };
		});
		// Each fiche has one status: their counts add up to the number of matches.
		const total = comptes.filter((c) => c.facette === 'statut').reduce((n, c) => n + c.nombre, 0);
		if (total === 0) return { ids: [], total, comptes: [] };
		// Ranking reads each matching document: on the whole text for a precise query, on the
		// small header vector when the query matches thousands of fiches.
		const rang = !tsquery
			? sql`0`
			: total <= SEUIL_RANG_COMPLET
				? sql`ts_rank(f.recherche, ${tsquery}::tsquery)`
				: sql`ts_rank(f.recherche_entete, ${tsquery}::tsquery)`;
		const ordre =
			p.tri === 'date' || !tsquery ? sql`f.periode_debut desc, f.titre, f.id` : sql`rang desc, f.periode_debut desc, f.id`;
		const page = await tx.execute(sql`
			select f.id, ${rang} as rang from fiches f where ${ou}
			order by ${ordre}
			limit ${PAR_PAGE} offset ${(p.page - 1) * PAR_PAGE}`);
		return {
			ids: lignes<{ id: number }>(page).map((x) => x.id),
			total,
			comptes: comptes.filter((c): c is { facette: Facette; valeur: string; nombre: number } => FACETTES.includes(c.facette as Facette))
		};
	});
}

async function extraitsFiches(db: Database, ids: number[], tsquery?: string) {
	if (ids.length === 0) return new Map<string, Extrait>();
	const r = lignes<{ slug: string; texte: string }>(
		await db.execute(
			tsquery
				? sql`select f.slug, ts_headline('public.francais'::regconfig, ${CORPS_FICHE}, ${tsquery}::tsquery, ${OPTIONS_EXTRAIT}) as texte
					from fiches f where f.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`
				: sql`select f.slug, '' as texte from fiches f where false`
		)
	);
	return new Map(r.map((x) => [x.slug, extrait(x.texte)]));
}

async function chercherEtapes(db: Database, tsquery: string) {
	const r = lignes<{ numero: number; slug: string; titre: string; texte: string }>(
		await db.execute(sql`
			select e.numero, e.slug, e.titre,
				ts_headline('public.francais'::regconfig, e.resume || E'\n\n' || e.pourquoi, ${tsquery}::tsquery, ${OPTIONS_EXTRAIT}) as texte
			from etapes e where e.recherche @@ ${tsquery}::tsquery
			order by ts_rank(e.recherche, ${tsquery}::tsquery) desc, e.numero
			limit 4`)
	);
	return r.map((e) => ({ numero: e.numero, slug: e.slug, titre: typographier(e.titre), extrait: extrait(e.texte) }));
}

async function chercherRecommandations(db: Database, tsquery: string) {
	const r = lignes<{ numero: number; etape_numero: number; slug: string; etape: string; titre: string; texte: string }>(
		await db.execute(sql`
			select r.numero, e.numero as etape_numero, e.slug, e.titre as etape, r.titre,
				ts_headline('public.francais'::regconfig, r.pourquoi || E'\n\n' || coalesce(r.en_pratique, ''), ${tsquery}::tsquery, ${OPTIONS_EXTRAIT}) as texte
			from recommandations r join etapes e on e.id = r.etape_id
			where r.recherche @@ ${tsquery}::tsquery
			order by ts_rank(r.recherche, ${tsquery}::tsquery) desc, e.numero, r.numero
			limit 6`)
	);
	return r.map((x) => ({
		code: `${x.etape_numero}.${x.numero}`,
		href: `/etapes/${x.slug}#recommandation-${x.etape_numero}-${x.numero}`,
		titre: typographier(x.titre),
		etape: `${x.etape_numero}. ${x.etape}`,
		extrait: extrait(x.texte)
	}));
}

/** Public projects: few, so their text is searched without an index of its own. */
async function chercherProjets(db: Database, tsquery: string) {
	const r = lignes<{ id: number; titre: string; porteur: string; texte: string }>(
		await db.execute(sql`
			with p as (
				select p.id, p.titre, o.nom as porteur, coalesce(s.donnees->>'resume', '') as resume,
					setweight(to_tsvector('public.francais'::regconfig, p.titre), 'A') || setweight(to_tsvector('public.francais'::regconfig, coalesce(s.donnees->>'resume', '')), 'B') as document
				from projets p join organisations o on o.id = p.organisation_id
				left join projets_sections s on s.projet_id = p.id and s.section = 'identite'
				where p.public
			)
			select id, titre, porteur, ts_headline('public.francais'::regconfig, resume, ${tsquery}::tsquery, ${OPTIONS_EXTRAIT}) as texte
			from p where document @@ ${tsquery}::tsquery
			order by ts_rank(document, ${tsquery}::tsquery) desc, id
			limit 4`)
	);
	return r.map((x) => ({ id: x.id, titre: x.titre, porteur: x.porteur, extrait: extrait(x.texte) }));
}

function facettes(
	comptes: { facette: Facette; valeur: string; nombre: number }[],
	noms: Libelles,
	p: ParametresRecherche
): Record<Facette, OptionFacette[]> {
	const resultat = Object.fromEntries(FACETTES.map((f) => [f, [] as OptionFacette[]])) as Record<Facette, OptionFacette[]>;
	for (const c of comptes) {
		const nom = noms[c.facette].get(c.valeur);
		if (!nom) continue;
		const choisie = p.filtres[c.facette] === c.valeur;
		const filtres = { ...p.filtres, [c.facette]: choisie ? undefined : c.valeur };
		// Choosing a region keeps only its départements; choosing a département, its region.
		if (c.facette === 'region' && !choisie) delete filtres.departement;
		resultat[c.facette].push({
			valeur: c.valeur,
			libelle: nom.libelle,
			nombre: c.nombre,
			choisie,
			groupe: nom.groupe,
			href: adresseRecherche(p, { filtres, page: 1 })
		});
	}
	const ordreNoms = (f: Facette) => [...noms[f].keys()];
	for (const f of FACETTES) {
		const ordre = ordreNoms(f);
		resultat[f].sort((a, b) =>
			f === 'pays' || f === 'region'
				? a.libelle.localeCompare(b.libelle, 'fr')
				: f === 'periode'
					? Number(b.valeur) - Number(a.valeur)
					: ordre.indexOf(a.valeur) - ordre.indexOf(b.valeur)
		);
	}
	return resultat;
}
