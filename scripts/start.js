// npm start: build the application if the build is missing or older than its sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = process.env.TERRINCLUS_ROOT ?? process.cwd();
const built = path.join(root, 'build/handler.js');
const sources = ['src', 'static', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * @param {string} entry
 * @returns {number}
 */
function latestChange(entry) {
	const full = path.join(root, entry);
	if (!existsSync(full)) return 0;
	const stat = statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(full).reduce((latest, name) => Math.max(latest, latestChange(path.join(entry, name))), stat.mtimeMs);
}

const buildTime = existsSync(built) ? statSync(built).mtimeMs : 0;
const stale = buildTime === 0 || Math.max(...sources.map(latestChange)) > buildTime;
if (stale) {
	const vite = path.join(root, 'node_modules/vite/bin/vite.js');
	if (!existsSync(vite)) {
		if (buildTime === 0) {
			console.error("L'application n'est pas construite et Vite n'est pas installé : lancez « npm install » puis « npm start ».");
			process.exit(1);
		}
		console.warn('Les sources sont plus récentes que la version construite, mais Vite est absent : la version construite est servie.');
	} else {
		console.log(buildTime === 0 ? 'Première construction de l’application…' : 'Les sources ont changé : nouvelle construction…');
		const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
		if (result.status !== 0) process.exit(result.status ?? 1);
	}
}

await import('./serve.js');
