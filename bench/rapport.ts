// docs/benchmarks.md: each benchmark writes its own section (« ## Name — … » up to the next
// « ## »), leaving the others as they are; the machine and the date go with each figure.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/lib/server/db/index.ts';

const EN_TETE = '# Benchmarks\n\nMeasured, not asserted: tests check behaviour, `npm run bench` measures speed.\n';

export function machine(): string {
	const cpu = cpus();
	return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'processeur inconnu'}, ${Math.round(totalmem() / 2 ** 30)} Go de mémoire, Node ${process.versions.node}`;
}

export const aujourdhui = () => new Date().toISOString().slice(0, 10);

/** Replaces the section whose heading starts with `## ${nom} — ` (or adds it at the end). */
export function ecrireSection(nom: string, contenu: string) {
	const fichier = path.join(projectRoot(), 'docs/benchmarks.md');
	let existant = EN_TETE;
	try {
		existant = readFileSync(fichier, 'utf8');
	} catch {
		// first run
	}
	const sections = existant.split(/^(?=## )/m);
	const i = sections.findIndex((s) => s.startsWith(`## ${nom} — `));
	const nouvelle = `${contenu.trim()}\n\n`;
	if (i >= 0) sections[i] = nouvelle;
	else sections.push(nouvelle);
	writeFileSync(fichier, `${sections.map((s) => `${s.trimEnd()}\n\n`).join('').trimEnd()}\n`);
}
