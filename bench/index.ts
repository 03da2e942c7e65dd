// npm run bench: every benchmark; `npm run bench -- dossier` (or BENCH=dossier) one of them.
// Each writes its own section of docs/benchmarks.md.
const BENCHS = { dossier: './dossier.ts', recherche: './recherche.ts', suivi: './suivi.ts', preuves: './preuves.ts' } as const;
type Nom = keyof typeof BENCHS;

const demandes = (process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
const inconnus = demandes.filter((d) => !(d in BENCHS));
if (inconnus.length) {
	console.error(`Benchmark inconnu : ${inconnus.join(', ')}. Au choix : ${Object.keys(BENCHS).join(', ')}.`);
	process.exit(1);
}
for (const nom of (demandes.length ? demandes : Object.keys(BENCHS)) as Nom[]) await import(BENCHS[nom]);
