// npm run bench: 10,000 synthetic fiches, then 200 varied searches with facets, on PGlite and
// on the PostgreSQL server of DATABASE_URL (or 127.0.0.1:5432/test when reachable). Reports
// the latency of the search alone (in process) and through the HTTP server, and the time to
// write and index the fiches, in docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { importerContenu } from '../src/lib/server/contenu/import.ts';
import { lireContenu } from '../src/lib/server/contenu/lecture.ts';
import { openDatabase, projectRoot, type Connection } from '../src/lib/server/db/index.ts';
import { applyMigrations } from '../src/lib/server/db/migrate.ts';
import { adresseRecherche, lireParametres, type ParametresRecherche } from '../src/lib/server/recherche/parametres.ts';
import { rechercher } from '../src/lib/server/recherche/recherche.ts';
import { aleatoire, genererFiches, PAYS } from './generer.ts';
import { aujourdhui, ecrireSection, machine } from './rapport.ts';

const NOMBRE = Number(process.env.BENCH_FICHES ?? 10_000);
const REQUETES = 200;
const racine = projectRoot();
const kit = lireContenu(path.join(racine, 'content'));

const MOTS = [
	'jeunes', 'insertion', 'mobilité des jeunes', 'chantier insertion', 'évaluation', 'evaluation impact en France',
	'coopération décentralisée', 'accès aux droits', 'état civil', 'handicap', 'personnes âgées', 'protection de l’enfance',
	'familles d’accueil', 'comité de pilotage', 'gouvernance partagée', 'budget', 'cofinancement', 'RSA', 'minima sociaux',
	'économie solidaire', 'coopératives de femmes', 'microfinance', 'service civique', 'volontariat', 'diagnostic partagé',
	'capitalisation', 'transversalité', 'élus', 'visas', 'formation des professionnels', 'immersions croisées', 'Sénégal',
	'Maroc', 'Madagascar', 'insertoin', 'mobilite', 'cooperation', '"familles d\'accueil"', 'jeunes -Sénégal', 'retraite migrants'
];

/** 200 searches: a quarter without facet, a quarter with one, half with two. */
function requetes(): { p: ParametresRecherche; facettes: number }[] {
	const h = aleatoire(7);
	const themes = kit.themes.map((t) => t.slug);
	const publics = kit.publics.map((p) => p.slug);
	const unFiltre = (): [string, string] =>
		h.un([
			(): [string, string] => ['theme', h.un(themes)],
			(): [string, string] => ['public', h.un(publics)],
			(): [string, string] => ['etape', String(1 + h.entier(8))],
			(): [string, string] => ['pays', h.un(PAYS)],
			(): [string, string] => ['region', h.un(['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93'])],
			(): [string, string] => ['odd', String(1 + h.entier(17))],
			(): [string, string] => ['periode', h.un(['2005', '2010', '2015', '2020'])]
		])();
	return Array.from({ length: REQUETES }, (_, i) => {
		const facettes = i % 4 === 0 ? 0 : i % 4 === 1 ? 1 : 2;
		const params = new URLSearchParams({ q: h.un(MOTS) });
		while ([...params.keys()].length < facettes + 1) {
			const [cle, valeur] = unFiltre();
			params.set(cle, valeur);
		}
		if (i % 10 === 9) params.set('tri', 'date');
		if (i % 15 === 14) params.set('page', '2');
		return { p: lireParametres(params), facettes };
	});
}

const centile = (valeurs: number[], c: number) => {
	const tries = [...valeurs].sort((a, b) => a - b);
	return tries[Math.min(tries.length - 1, Math.ceil((c / 100) * tries.length) - 1)]!;
};
const resume = (valeurs: number[]) => ({ p50: centile(valeurs, 50), p95: centile(valeurs, 95), p99: centile(valeurs, 99) });
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function preparer(connexion: Connection) {
	await applyMigrations(connexion);
	await importerContenu(connexion.db, kit);
	const debut = performance.now();
	await genererFiches(connexion.db, kit, NOMBRE);
	const ecriture = performance.now() - debut;
	const d2 = performance.now();
	await connexion.db.execute(sql`reindex index fiches_recherche_idx`);
	const reindex = performance.now() - d2;
	return { ecriture, reindex };
}

async function mesurerEnProcessus(connexion: Connection, liste: ReturnType<typeof requetes>) {
	for (const r of liste.slice(0, 20)) await rechercher(connexion.db, r.p, ['publiee']);
	const toutes: number[] = [];
	const deux: number[] = [];
	for (const r of liste) {
		const debut = performance.now();
		await rechercher(connexion.db, r.p, ['publiee']);
		const duree = performance.now() - debut;
		toutes.push(duree);
		if (r.facettes === 2) deux.push(duree);
	}
	return { toutes: resume(toutes), deux: resume(deux) };
}

async function mesurerHttp(env: NodeJS.ProcessEnv, liste: ReturnType<typeof requetes>) {
	const port = 3900 + Math.floor(Math.random() * 90);
	const serveur = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: racine,
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', CONTENT_DIR: path.join(racine, 'content') },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let sortie = '';
	serveur.stdout.on('data', (d) => (sortie += d));
	serveur.stderr.on('data', (d) => (sortie += d));
	const limite = Date.now() + 120_000;
	while (!sortie.includes('est prêt')) {
		if (Date.now() > limite || serveur.exitCode !== null) throw new Error(`Le serveur n'a pas démarré :\n${sortie}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const base = `http://127.0.0.1:${port}`;
	try {
		for (const r of liste.slice(0, 20)) await (await fetch(base + adresseRecherche(r.p))).text();
		const toutes: number[] = [];
		const deux: number[] = [];
		for (const r of liste) {
			const debut = performance.now();
			const reponse = await fetch(base + adresseRecherche(r.p));
			await reponse.text();
			if (!reponse.ok) throw new Error(`${reponse.status} pour ${adresseRecherche(r.p)}`);
			const duree = performance.now() - debut;
			toutes.push(duree);
			if (r.facettes === 2) deux.push(duree);
		}
		return { toutes: resume(toutes), deux: resume(deux) };
	} finally {
		serveur.kill('SIGTERM');
		await new Promise((r) => serveur.once('exit', r));
	}
}

async function postgresJoignable(url: string) {
	const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await c.connect();
		await c.end();
		return true;
	} catch {
		return false;
	}
}

const liste = requetes();
const resultats: { base: string; ecriture: number; reindex: number; processus: Awaited<ReturnType<typeof mesurerEnProcessus>>; http: Awaited<ReturnType<typeof mesurerHttp>> }[] = [];

// BENCH_BASES=postgres (or pglite) measures one database only.
const bases = (process.env.BENCH_BASES ?? 'pglite,postgres').split(',');

// ——— PGlite ———
if (bases.includes('pglite')) {
	const dossier = mkdtempSync(path.join(tmpdir(), 'terrinclus-bench-'));
	console.log(`PGlite : ${NOMBRE} fiches dans ${dossier}…`);
	const connexion = await openDatabase({ directory: path.join(dossier, 'pglite') });
	const prep = await preparer(connexion);
	console.log(`  écrites et indexées en ${(prep.ecriture / 1000).toFixed(1)} s ; mesures…`);
	const processus = await mesurerEnProcessus(connexion, liste);
	await connexion.close();
	const http = await mesurerHttp({ DATA_DIR: dossier, DATABASE_URL: '' }, liste);
	resultats.push({ base: 'PGlite (embarqué)', ...prep, processus, http });
	rmSync(dossier, { recursive: true, force: true });
}

// ——— PostgreSQL ———
const serveurPg = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
if (!bases.includes('postgres')) {
	// skipped on request
} else if (await postgresJoignable(serveurPg)) {
	const nom = `terrinclus_bench_${process.pid}`;
	const admin = new pg.Client({ connectionString: serveurPg });
	await admin.connect();
	await admin.query(`create database ${nom}`);
	const u = new URL(serveurPg);
	u.pathname = `/${nom}`;
	try {
		console.log(`PostgreSQL : ${NOMBRE} fiches dans ${nom}…`);
		const connexion = await openDatabase({ url: u.toString() });
		const prep = await preparer(connexion);
		console.log(`  écrites et indexées en ${(prep.ecriture / 1000).toFixed(1)} s ; mesures…`);
		const processus = await mesurerEnProcessus(connexion, liste);
		await connexion.close();
		const http = await mesurerHttp({ DATABASE_URL: u.toString() }, liste);
		const version = (await admin.query('show server_version')).rows[0].server_version as string;
		resultats.push({ base: `PostgreSQL ${version.split(' ')[0]}`, ...prep, processus, http });
	} finally {
		await admin.query(`drop database if exists ${nom} with (force)`);
		await admin.end();
	}
} else {
	console.log(`PostgreSQL injoignable (${new URL(serveurPg).host}) : mesure sautée.`);
}

// ——— Report ———
const date = aujourdhui();
const lignes = (cle: 'processus' | 'http') =>
	resultats
		.map((r) => `| ${r.base} | ${ms(r[cle].toutes.p50)} | ${ms(r[cle].toutes.p95)} | ${ms(r[cle].toutes.p99)} | ${ms(r[cle].deux.p50)} | ${ms(r[cle].deux.p95)} | ${ms(r[cle].deux.p99)} |`)
		.join('\n');
/** Whether a database meets its target for two facets, through HTTP and in process. */
function verdict(r: (typeof resultats)[number]): string {
	const cible = r.base.startsWith('PGlite') ? 150 : 50;
	const ok = r.http.deux.p95 <= cible && r.processus.deux.p95 <= cible;
	return `- ${r.base}: two facets p95 ${ms(r.processus.deux.p95)} in process, ${ms(r.http.deux.p95)} through HTTP — target ${cible} ms ${ok ? 'met' : 'NOT met'}.`;
}
const rapport = `## Recherche — ${NOMBRE.toLocaleString('en')} fiches, ${REQUETES} recherches (${date})

Machine: ${machine()}. Generated by \`npm run bench -- recherche\` (bench/recherche.ts): ${NOMBRE.toLocaleString('en')} synthetic fiches
(sentences of the example fiches recombined; every theme, public, stage and département, 40 countries, 5 % drafts),
then ${REQUETES} searches taken from 40 French queries (accents, typos, phrases, exclusions), a quarter without facet,
a quarter with one, half with two; one in ten sorted by date, one in fifteen on page 2. Each search is the whole
work of the results page: words, correction, fiches with counts per facet, excerpts, stages and recommendations.
Targets: p95 ≤ 50 ms on PostgreSQL and ≤ 150 ms on PGlite for a search with two facets.

Search alone (in process, \`rechercher()\`):

| database | p50 | p95 | p99 | two facets p50 | two facets p95 | two facets p99 |
|---|---|---|---|---|---|---|
${lignes('processus')}

Through the HTTP server (\`GET /recherche?…\`, rendered page, one request at a time):

| database | p50 | p95 | p99 | two facets p50 | two facets p95 | two facets p99 |
|---|---|---|---|---|---|---|
${lignes('http')}

${resultats.map((r) => verdict(r)).join('\n')}

The slowest searches (p99) are broad words without any facet (« jeunes », « insertion ») that match
most of the ${NOMBRE.toLocaleString('en')} fiches: each match is counted per facet and ranked.

Writing the fiches (the database computes each search document and maintains the GIN index and the
vocabulary as rows arrive), and rebuilding the full-text index alone:

| database | write ${NOMBRE.toLocaleString('en')} fiches | \`reindex\` of the full-text index |
|---|---|---|
${resultats.map((r) => `| ${r.base} | ${(r.ecriture / 1000).toFixed(1)} s | ${(r.reindex / 1000).toFixed(2)} s |`).join('\n')}
`;
// The latest run replaces the previous search section; the others stay.
ecrireSection('Recherche', rapport);
console.log(rapport);
