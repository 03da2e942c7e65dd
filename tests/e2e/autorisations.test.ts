// Who may open what, for every route of the application. The routes are read from
// src/routes: a route added without its line here makes this test fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { baseURL } from './navigateur.ts';
import { RACINE } from './serveur.ts';

type Role = 'visiteur' | 'membre';
type Attendu = Record<Role, number>;

const brouillon = () => inject('ficheBrouillon');
const PUBLIQUE: Attendu = { visiteur: 200, membre: 200 };
const CACHEE: Attendu = { visiteur: 404, membre: 404 };
/** Forms for visitors: a signed-in account is sent to its page. */
const POUR_VISITEURS: Attendu = { visiteur: 200, membre: 303 };
/** Pages of one's account: a visitor is sent to the sign-in form. */
const POUR_COMPTES: Attendu = { visiteur: 303, membre: 200 };

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
	'/inscription': [{ cas: 'inscription', url: () => '/inscription', attendu: POUR_VISITEURS }],
	'/connexion': [{ cas: 'connexion', url: () => '/connexion', attendu: POUR_VISITEURS }],
	'/deconnexion': [{ cas: 'déconnexion', url: () => '/deconnexion', attendu: POUR_COMPTES }],
	'/mot-de-passe-oublie': [{ cas: 'mot de passe oublié', url: () => '/mot-de-passe-oublie', attendu: PUBLIQUE }],
	'/nouveau-mot-de-passe': [{ cas: 'nouveau mot de passe', url: () => '/nouveau-mot-de-passe?token=faux', attendu: PUBLIQUE }],
	'/compte': [{ cas: 'mon compte', url: () => '/compte', attendu: POUR_COMPTES }],
	// The test server sends real mails (SMTP): the development page does not exist there.
	'/dev/courriels': [{ cas: 'courriels de développement', url: () => '/dev/courriels', attendu: CACHEE }],
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

/** The session cookie of each role, made through the real sign-up. */
const cookies: Record<Role, string> = { visiteur: '', membre: '' };

beforeAll(async () => {
	const courriel = `matrice-${Date.now()}@departement.test`;
	const depuis = Date.now();
	const motDePasse = 'le baobab de la place du marché';
	const r = await fetch(new URL('/inscription', baseURL()), {
		method: 'POST',
		headers: { origin: new URL(baseURL()).origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ nom: 'Membre de test', courriel, motDePasse, confirmation: motDePasse })
	});
	expect(r.status).toBe(200);
	const mail = await attendreCourriel(inject('boiteAuxLettres'), courriel, /Confirmez/, depuis);
	const verifie = await fetch(lienDe(mail, baseURL()), { redirect: 'manual' });
	cookies.membre = verifie.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	expect(cookies.membre).toContain('session_token=');
});

describe('authorization matrix', () => {
	it('covers every route of the application', () => {
		expect(Object.keys(MATRICE).sort()).toEqual(routesDeLApplication().sort());
	});

	const lignes = Object.entries(MATRICE).flatMap(([route, cas]) =>
		cas.flatMap((c) => Object.entries(c.attendu).map(([role, statut]) => ({ route, ...c, role, statut })))
	);
	it.each(lignes)('$route — $cas — $role gets $statut', async ({ url, statut, role }) => {
		const reponse = await fetch(new URL(url(), baseURL()), { redirect: 'manual', headers: { cookie: cookies[role as Role] } });
		expect(reponse.status).toBe(statut);
		if (statut === 404) expect(await reponse.text()).toContain('Page introuvable');
	});
});
