// The application's routes, read from src/routes: the authorization matrix and the fuzz test
// cover every route, and a new one without its line makes them fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RACINE } from './serveur.ts';

export interface Route {
	/** As SvelteKit names it: /projets/[id]/[section], /(impression)/fiches/[slug]/imprimer. */
	id: string;
	/** The names of its form actions (`default` for an unnamed one). */
	actions: string[];
	/** The HTTP methods of its endpoint (+server.ts). */
	methodes: string[];
}

/** The keys of `export const actions = { … }`, read from the source. */
function actionsDe(source: string): string[] {
	const debut = source.search(/export const actions\b[^=]*=\s*\{/);
	if (debut < 0) return [];
	let i = source.indexOf('{', debut) + 1;
	let profondeur = 1;
	let haut = '';
	for (; i < source.length && profondeur > 0; i++) {
		const c = source[i]!;
		if ('{([' .includes(c)) profondeur++;
		else if ('})]'.includes(c)) profondeur--;
		if (profondeur === 1 || (profondeur === 0 && c === '}')) haut += c;
		else if (profondeur === 2 && '{(['.includes(c)) haut += '…';
	}
	return haut
		.replace(/}$/, '')
		.split(',')
		.map((p) => p.trim().match(/^(\w+)/)?.[1])
		.filter((n): n is string => Boolean(n));
}

export function routesDeLApplication(dossier = path.join(RACINE, 'src/routes'), id = ''): Route[] {
	const entrees = readdirSync(dossier, { withFileTypes: true });
	const fichier = (nom: string) => (existsSync(path.join(dossier, nom)) ? readFileSync(path.join(dossier, nom), 'utf8') : '');
	const ici = entrees.some((e) => e.isFile() && /^\+(page|server)(\.server)?\.(svelte|ts|js)$/.test(e.name))
		? [{ id: id || '/', actions: actionsDe(fichier('+page.server.ts')), methodes: [...fichier('+server.ts').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!) }]
		: [];
	return [...ici, ...entrees.filter((e) => e.isDirectory()).flatMap((e) => routesDeLApplication(path.join(dossier, e.name), `${id}/${e.name}`))];
}
