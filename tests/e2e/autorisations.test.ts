// Who may open what, for every route of the application. The routes are read from
// src/routes: a route added without its line here makes this test fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { baseURL } from './navigateur.ts';
import { RACINE } from './serveur.ts';

type Role = 'visiteur';
type Attendu = Record<Role, number>;

const brouillon = () => inject('ficheBrouillon');
const PUBLIQUE: Attendu = { visiteur: 200 };
const CACHEE: Attendu = { visiteur: 404 };

/** Route id → the addresses to try and what each role gets. */
const MATRICE: Record<string, { url: () => string; attendu: Attendu; cas: string }[]> = {
	'/': [{ cas: 'accueil', url: () => '/', attendu: PUBLIQUE }],
	'/[page]': [
		{ cas: 'page du kit', url: () => '/pourquoi-s-engager', attendu: PUBLIQUE },
		{ cas: 'page inconnue', url: () => '/page-inconnue', attendu: CACHEE }
	],
	'/etapes': [{ cas: 'liste des étapes', url: () => '/etapes', attendu: PUBLIQUE }],
	'/etapes/[slug]': [
		{ cas: 'étape', url: () => '/etapes/evaluer-les-impacts-ici-et-la-bas', attendu: PUBLIQUE },
		{ cas: 'étape inconnue', url: () => '/etapes/inconnue', attendu: CACHEE }
	],
	'/(impression)/etapes/[slug]/imprimer': [
		{ cas: 'étape à imprimer', url: () => '/etapes/evaluer-les-impacts-ici-et-la-bas/imprimer', attendu: PUBLIQUE }
	],
	'/recommandations': [{ cas: 'index des recommandations', url: () => '/recommandations', attendu: PUBLIQUE }],
	'/fiches': [{ cas: 'liste des fiches', url: () => '/fiches?theme=acces-aux-droits', attendu: PUBLIQUE }],
	'/recherche': [{ cas: 'recherche', url: () => '/recherche?q=jeunes&pays=BJ', attendu: PUBLIQUE }],
	'/fiches/[slug]': [
		{ cas: 'fiche publiée', url: () => '/fiches/protection-enfance-haiti', attendu: PUBLIQUE },
		{ cas: 'fiche en brouillon', url: () => `/fiches/${brouillon()}`, attendu: CACHEE },
		{ cas: 'fiche inconnue', url: () => '/fiches/inconnue', attendu: CACHEE }
	],
	'/(impression)/fiches/[slug]/imprimer': [
		{ cas: 'fiche publiée à imprimer', url: () => '/fiches/protection-enfance-haiti/imprimer', attendu: PUBLIQUE },
		{ cas: 'fiche en brouillon à imprimer', url: () => `/fiches/${brouillon()}/imprimer`, attendu: CACHEE }
	]
};

/** Route ids of every page and endpoint under src/routes, as SvelteKit names them. */
function routesDeLApplication(dossier = path.join(RACINE, 'src/routes'), id = ''): string[] {
	const entrees = readdirSync(dossier, { withFileTypes: true });
	const ici = entrees.some((e) => e.isFile() && /^\+(page|server)(\.server)?\.(svelte|ts|js)$/.test(e.name)) ? [id || '/'] : [];
	return [
		...ici,
		...entrees.filter((e) => e.isDirectory()).flatMap((e) => routesDeLApplication(path.join(dossier, e.name), `${id}/${e.name}`))
	];
}

describe('authorization matrix', () => {
	it('covers every route of the application', () => {
		expect(Object.keys(MATRICE).sort()).toEqual(routesDeLApplication().sort());
	});

	const lignes = Object.entries(MATRICE).flatMap(([route, cas]) =>
		cas.flatMap((c) => Object.entries(c.attendu).map(([role, statut]) => ({ route, ...c, role, statut })))
	);
	it.each(lignes)('$route — $cas — $role gets $statut', async ({ url, statut }) => {
		const reponse = await fetch(new URL(url(), baseURL()), { redirect: 'manual' });
		expect(reponse.status).toBe(statut);
		if (statut === 404) expect(await reponse.text()).toContain('Page introuvable');
	});
});
