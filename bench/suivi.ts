// npm run bench -- suivi: the monitoring page's reading and dashboard for a large project —
// 60 indicators on both sides over 12 monthly periods, a value for each (1,440 values) split
// along a dimension of 3 categories, a target per period, 500 evidence files, 18 activities and
// 24 budget lines with spending — on PGlite in memory, and on PostgreSQL when
// BENCH_DATABASE_URL names a server (a throwaway database is created there). Target: p95 ≤ 300 ms
// on PGlite, ≤ 150 ms on PostgreSQL; the query count is constant (src/lib/server/suivi/lecture.test.ts).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { section } from '../src/lib/projets/sections.ts';
import { importerContenu } from '../src/lib/server/contenu/import.ts';
import { lireContenu } from '../src/lib/server/contenu/lecture.ts';
import { openDatabase, projectRoot, type Connection } from '../src/lib/server/db/index.ts';
import { applyMigrations } from '../src/lib/server/db/migrate.ts';
import { suiviCibles, suiviValeurs } from '../src/lib/server/db/schema.ts';
import { ajouterFichier, preuvesDuProjet } from '../src/lib/server/fichiers/preuves/base.ts';
import { enregistrerSection, etatSection } from '../src/lib/server/projets/projets.ts';
import { enregistrerDepenses } from '../src/lib/server/suivi/depenses/base.ts';
import { lireSuivi } from '../src/lib/server/suivi/lecture.ts';
import { ajouterPeriodes, periodesDuProjet } from '../src/lib/server/suivi/periodes/base.ts';
import { decouper } from '../src/lib/server/suivi/periodes/regles.ts';
import { creerBasePostgres } from '../tests/support/base-de-test.ts';
import { creerProjetComplet } from '../tests/support/dossier-complet.ts';
import { aujourdhui, ecrireSection, machine } from './rapport.ts';

const TOURS = Number(process.env.BENCH_TOURS ?? 50);
const INDICATEURS = 60;
const PREUVES = 500;
const CATEGORIES = ['16-25 ans', '26-35 ans', '36 ans et plus'];
const centile = (v: number[], c: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((c / 100) * v.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function preparer(connexion: Connection) {
	await applyMigrations(connexion);
	await importerContenu(connexion.db, lireContenu(path.join(projectRoot(), 'content')));
	const projet = await creerProjetComplet(connexion.db);
	const cadre = await etatSection(connexion.db, projet.id, 'cadre-logique');
	const indicateurs = Array.from({ length: INDICATEURS }, (_, i) => ({ id: `indic${String(i).padStart(4, '0')}`, indicateur: `Indicateur ${i + 1}`, type: i % 3 === 0 ? 'pourcentage' : 'nombre', agregation: i % 3 === 0 ? 'pourcentage' : i % 3 === 1 ? 'somme' : 'cumul', cote: 'les-deux', reference: 10, cible: 60, rattachement: 'resultat1', ventilation: 'age000001' }));
	const ventilations = [{ id: 'age000001', dimension: 'Tranche d’âge', categories: CATEGORIES.join(' ; ') }];
	const r = await enregistrerSection(connexion.db, { projetId: projet.id, section: section('cadre-logique')!, donnees: { ...cadre.donnees, ventilations, indicateurs }, versionLue: cadre.version, auteurId: 'camille' });
	if (!r.ok) throw new Error('cadre logique non enregistré');
	const d = decouper('2027-01-01', '2027-12-31', 'mois');
	if (!d.ok) throw new Error(d.message);
	await ajouterPeriodes(connexion.db, projet.id, d.periodes, 'camille');
	const periodes = await periodesDuProjet(connexion.db, projet.id);
	const lignes = periodes.flatMap((p) =>
		indicateurs.flatMap((i) =>
			(['ici', 'la-bas'] as const).map((cote) => ({
				projetId: projet.id,
				periodeId: p.id,
				indicateur: i.id,
				cote,
				...(i.type === 'pourcentage'
					? { numerateur: 7, denominateur: 12, ventilation: { age000001: Object.fromEntries(CATEGORIES.map((c, k) => [c, { valeur: null, numerateur: [3, 2, 2][k]!, denominateur: 4 }])) } }
					: { valeur: 5, ventilation: { age000001: Object.fromEntries(CATEGORIES.map((c, k) => [c, { valeur: [2, 2, 1][k]!, numerateur: null, denominateur: null }])) } }),
				commentaire: 'Listes de présence',
				statut: 'validee' as const,
				saisiePar: 'camille'
			}))
		)
	);
	for (let k = 0; k < lignes.length; k += 500) await connexion.db.insert(suiviValeurs).values(lignes.slice(k, k + 500));
	const cibles = lignes.map((l) => ({ projetId: l.projetId, periodeId: l.periodeId, indicateur: l.indicateur, cote: l.cote, cible: 5, modifiePar: 'camille' }));
	for (let k = 0; k < cibles.length; k += 500) await connexion.db.insert(suiviCibles).values(cibles.slice(k, k + 500));
	// Evidence files, each its own bytes, on values spread over the periods, as the form stores them.
	for (let n = 0; n < PREUVES; n++) {
		const l = lignes[(n * 7) % lignes.length]!;
		const sha256 = n.toString(16).padStart(64, '0');
		const a = await ajouterFichier(connexion.db, {
			projetId: projet.id,
			periodeId: l.periodeId,
			cible: 'valeur',
			cibleId: `${l.periodeId}/${l.indicateur}/${l.cote}`,
			titre: `Liste de présence ${n + 1}`,
			confidentielle: n % 5 === 0,
			auteurId: 'camille',
			nomFichier: `liste-${n + 1}.pdf`,
			contenu: { sha256, taille: 200_000, type: 'application/pdf', stockage: 'disque', cle: `bench-${sha256}`, apercu: null, analyse: 'sain', signature: null }
		});
		if (!a.ok) throw new Error(`preuve ${n} refusée`);
	}
	for (const l of (await lireSuivi(connexion.db, projet.id)).lignesBudget) await enregistrerDepenses(connexion.db, { projetId: projet.id, ligne: l.id, montants: new Map(periodes.map((p) => [p.id, 100])), auteurId: 'camille' });
	return { projet, valeurs: lignes.length, periode: periodes[0]!.id };
}

async function chronometrer(f: () => Promise<unknown>) {
	await f();
	const temps: number[] = [];
	for (let i = 0; i < TOURS; i++) {
		const debut = performance.now();
		await f();
		temps.push(performance.now() - debut);
	}
	return { p50: centile(temps, 50), p95: centile(temps, 95), max: Math.max(...temps) };
}

async function mesurer(nom: string, connexion: Connection) {
	const { projet, valeurs, periode } = await preparer(connexion);
	const tableau = await chronometrer(() => lireSuivi(connexion.db, projet.id));
	// The period page's evidence list, confidential files included (a pilot's view).
	const preuves = await chronometrer(() => preuvesDuProjet(connexion.db, projet.id, { cibles: ['valeur', 'compte-rendu'], periodeId: periode, confidentielles: true }));
	await connexion.close();
	return { nom, valeurs, tableau, preuves };
}

console.log('Suivi : projet de 60 indicateurs × 12 périodes × 2 côtés × 3 catégories, 500 preuves…');
const resultats = [await mesurer('PGlite (in memory)', await openDatabase({ directory: 'memory://' }))];
const serveur = process.env.BENCH_DATABASE_URL?.trim();
if (serveur) {
	const base = await creerBasePostgres(serveur, 'terrinclus_bench');
	try {
		resultats.push(await mesurer('PostgreSQL (loopback)', await openDatabase({ url: base.url })));
	} finally {
		await base.supprimer();
	}
}
const cible = (nom: string) => (nom.startsWith('PGlite') ? 300 : 150);
const rapport = `## Suivi — tableau de bord d’un grand projet (${aujourdhui()})

Machine: ${machine()}. Generated by \`npm run bench -- suivi\` (bench/suivi.ts): the complete project of
\`tests/support/dossier-complet.ts\` with ${INDICATEURS} indicators followed on both sides over 12 monthly periods,
${resultats[0]!.valeurs.toLocaleString('en')} validated values (numbers and percentages, the three aggregation rules), each split along a dimension of
${CATEGORIES.length} categories, a target for every period and side, ${PREUVES} evidence files on the values (one in five confidential),
18 activities and 24 budget lines with spending in every period. Measured, ${TOURS} times after one warm-up: the
dashboard — reading everything the monitoring page shows (\`lireSuivi\`: eight queries whatever the size, counted by
\`src/lib/server/suivi/lecture.test.ts\`) and computing the dashboard with its per-category totals and target
comparisons, the execution and the points of attention; and the evidence list of one period as its page reads it.
Not in this measure: the server rendering of the page's HTML (Svelte), which comes on top.

| database | measure | p50 | p95 | max | target (p95) |
|---|---|---|---|---|---|
${resultats
	.flatMap((r) => [
		`| ${r.nom} | dashboard | ${ms(r.tableau.p50)} | ${ms(r.tableau.p95)} | ${ms(r.tableau.max)} | ≤ ${cible(r.nom)} ms — ${r.tableau.p95 <= cible(r.nom) ? 'met' : 'NOT met'} |`,
		`| ${r.nom} | evidence of a period | ${ms(r.preuves.p50)} | ${ms(r.preuves.p95)} | ${ms(r.preuves.max)} | — |`
	])
	.join('\n')}
${serveur ? '' : '\nPostgreSQL not measured this run (set BENCH_DATABASE_URL).\n'}`;
ecrireSection('Suivi', rapport);
console.log(rapport);
