// Who may open what, for every route of the application. The routes are read from
// src/routes: a route added without its line here makes this test fail.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { baseURL } from './navigateur.ts';
import { RACINE } from './serveur.ts';

/** A visitor; an account in no organisation; the owner of organisation A. */
type Role = 'visiteur' | 'membre' | 'proprietaireA';
type Attendu = Record<Role, number>;

const brouillon = () => inject('ficheBrouillon');
const PUBLIQUE: Attendu = { visiteur: 200, membre: 200, proprietaireA: 200 };
const CACHEE: Attendu = { visiteur: 404, membre: 404, proprietaireA: 404 };
/** Forms for visitors: a signed-in account is sent to its page. */
const POUR_VISITEURS: Attendu = { visiteur: 200, membre: 303, proprietaireA: 303 };
/** Pages of one's account: a visitor is sent to the sign-in form. */
const POUR_COMPTES: Attendu = { visiteur: 303, membre: 200, proprietaireA: 200 };
/** What only A's managers may see: others are refused, visitors asked to sign in. */
const GESTION_A: Attendu = { visiteur: 303, membre: 403, proprietaireA: 200 };
let organisationA = '';

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
	'/organisations': [{ cas: 'organisations', url: () => '/organisations?q=D%C3%A9partement', attendu: PUBLIQUE }],
	'/organisations/nouvelle': [{ cas: 'créer une organisation', url: () => '/organisations/nouvelle', attendu: POUR_COMPTES }],
	'/organisations/[slug]': [
		{ cas: 'organisation', url: () => `/organisations/${organisationA}`, attendu: PUBLIQUE },
		{ cas: 'organisation inconnue', url: () => '/organisations/inconnue', attendu: CACHEE }
	],
	'/organisations/[slug]/modifier': [{ cas: 'modifier A', url: () => `/organisations/${organisationA}/modifier`, attendu: GESTION_A }],
	'/organisations/[slug]/membres': [{ cas: 'membres de A', url: () => `/organisations/${organisationA}/membres`, attendu: GESTION_A }],
	// The token is the permission: anyone holding a link sees the invitation; a wrong one, that it does not exist.
	'/invitations/[jeton]': [{ cas: 'invitation inconnue', url: () => '/invitations/jeton-inconnu', attendu: PUBLIQUE }],
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
const cookies: Record<Role, string> = { visiteur: '', membre: '', proprietaireA: '' };
const origine = () => new URL(baseURL()).origin;

async function compte(nom: string): Promise<string> {
	const courriel = `matrice-${nom}-${Date.now()}@departement.test`;
	const depuis = Date.now();
	const motDePasse = 'le baobab de la place du marché';
	const r = await fetch(new URL('/inscription', baseURL()), {
		method: 'POST',
		headers: { origin: origine(), 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ nom, courriel, motDePasse, confirmation: motDePasse })
	});
	expect(r.status).toBe(200);
	const mail = await attendreCourriel(inject('boiteAuxLettres'), courriel, /Confirmez/, depuis);
	const verifie = await fetch(lienDe(mail, baseURL()), { redirect: 'manual' });
	const cookie = verifie.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	expect(cookie).toContain('session_token=');
	return cookie;
}

beforeAll(async () => {
	[cookies.membre, cookies.proprietaireA] = await Promise.all([compte('membre'), compte('proprietaire')]);
	const creee = await fetch(new URL('/organisations/nouvelle', baseURL()), {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies.proprietaireA, origin: origine(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ nom: `Organisation A ${Date.now()}`, type: 'departement', departement: '35' })
	});
	organisationA = new URL(creee.headers.get('location')!, baseURL()).pathname.split('/')[2]!;
	expect(organisationA).toMatch(/^organisation-a-/);
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
