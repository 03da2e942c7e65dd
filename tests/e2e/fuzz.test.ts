// Bad input on every door: every form action and endpoint of the routes tree gets NUL bytes,
// ids beyond PostgreSQL's integers, negative ids, bidirectional overrides, huge values,
// malformed and oversized bodies, and simultaneous duplicates. Nothing may answer 5xx, and
// what must be refused changes nothing: every table of the database is counted before and
// after. On a server of its own (the embedded database, or PostgreSQL with DATABASE_URL).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { ClientHttp } from './client-http.ts';
import { MOT_DE_PASSE } from './comptes-de-test.ts';
import { routesDeLApplication, type Route } from './routes.ts';
import { demarrerServeurDeTest, type ServeurDeTest } from './serveur.ts';

const ADMIN = `fuzz-admin-${randomBytes(3).toString('hex')}@terrinclus.test`;
let serveur: ServeurDeTest;
let admin: ClientHttp;
let visiteur: ClientHttp;
/** Valid values of each route parameter, so that a fuzzed request reaches the code behind. */
const valides: Record<string, string> = {
	slug: 'protection-enfance-haiti',
	page: 'pourquoi-s-engager',
	section: 'identite',
	format: 'docx',
	jeton: 'jeton-inconnu'
};
/** Per route, the value of [slug] when it is not a fiche's or a stage's. */
const slugs: Record<string, string> = {};

/** Every status ≥ 500 seen, with what caused it. */
const pannes: string[] = [];
const noter = (quoi: string, r: Response) => {
	if (r.status >= 500) pannes.push(`${r.status} ${quoi}`);
	return r;
};

async function compte(courriel: string, nom: string): Promise<ClientHttp> {
	const c = new ClientHttp(serveur.url);
	const depuis = Date.now();
	expect((await c.poster('/inscription', { nom, courriel, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE })).status).toBe(200);
	await c.get(lienDe(await attendreCourriel(serveur.boiteAuxLettres, courriel, /Confirmez/, depuis), serveur.url));
	expect(c.connecte).toBe(true);
	return c;
}

/** Every table's row count, read directly from the database while the server is stopped. */
async function compterLignes(): Promise<Record<string, number>> {
	await serveur.arreter();
	const connexion = await openDatabase(serveur.basePostgres ? { url: serveur.basePostgres } : { directory: path.join(serveur.donnees, 'pglite') });
	try {
		const tables = (await connexion.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`)) as unknown as { rows: { tablename: string }[] };
		const comptes: Record<string, number> = {};
		for (const { tablename } of tables.rows) {
			const r = (await connexion.db.execute(sql.raw(`select count(*)::int as n from "${tablename}"`))) as unknown as { rows: { n: number }[] };
			comptes[tablename] = r.rows[0]!.n;
		}
		return comptes;
	} finally {
		await connexion.close();
		await serveur.redemarrer();
	}
}

/** The address of a route with its parameters, each valid unless given. */
function adresse(route: Route, remplacements: Record<string, string> = {}): string {
	return route.id
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\[(\w+)\]/g, (_, nom: string) => remplacements[nom] ?? (nom === 'slug' ? slugs[route.id] : undefined) ?? valides[nom] ?? 'x') || '/';
}

const decoder = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The forms of a page as the actor sees it: per action name, its fields with their values. */
function formulaires(html: string): Map<string, [string, string][]> {
	const r = new Map<string, [string, string][]>();
	for (const [, attributs, corps] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		if (!/method="post"/i.test(attributs!)) continue;
		const action = attributs!.match(/action="[^"]*\?\/(\w+)/)?.[1] ?? 'default';
		const champs: [string, string][] = [];
		for (const [balise, nom] of corps!.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"[^>]*>/g)) {
			const valeur = balise!.match(/\bvalue="([^"]*)"/)?.[1] ?? '';
			if (/type="(checkbox|radio)"/.test(balise!) && !/\bchecked\b/.test(balise!)) continue;
			champs.push([decoder(nom!), decoder(valeur)]);
		}
		r.set(action, [...(r.get(action) ?? []), ...champs]);
	}
	return r;
}

/** The visitor asks the visitors' forms, the administrator (owner of A, pilot of P) the others. */
const acteurPour = (route: Route) => (['/inscription', '/connexion', '/mot-de-passe-oublie', '/nouveau-mot-de-passe'].includes(route.id) ? visiteur : admin);

/** Actions that would end the test's own session: asked as a visitor only. */
const DECONNEXION = new Set(['/deconnexion:default']);

const cible = (route: Route, action: string) => `${adresse(route)}${action === 'default' ? '' : `?/${action}`}`;

async function champsDe(route: Route, action: string): Promise<[string, string][]> {
	const page = await acteurPour(route).get(adresse(route));
	const trouves = page.status === 200 ? formulaires(await page.text()).get(action) : undefined;
	// A form the page does not show now (no comment to delete yet…): the usual names.
	return trouves?.length ? trouves : [['id', '1'], ['courriel', 'x@exemple.test'], ['role', 'membre'], ['texte', 'x']];
}

let routes: Route[] = [];
const actions = () => routes.flatMap((r) => r.actions.map((a) => [r, a] as const)).filter(([r, a]) => !DECONNEXION.has(`${r.id}:${a}`));

beforeAll(async () => {
	serveur = await demarrerServeurDeTest({ modele: inject('modelePglite'), env: { ADMINISTRATEURS: ADMIN } });
	routes = routesDeLApplication();
	visiteur = new ClientHttp(serveur.url);
	admin = await compte(ADMIN, 'Administratrice Fuzz');
	// An organisation A, a project P with a comment, invitations and a request to join, so
	// that every form of their pages is shown and reached.
	let r = await admin.poster('/organisations/nouvelle', { nom: 'Association Fuzz', type: 'association', pays: 'FR', description: 'Pour le test.' });
	expect(r.status).toBe(303);
	const organisation = new URL(r.headers.get('location')!, serveur.url).pathname.split('/')[2]!;
	for (const id of ['/organisations/[slug]', '/organisations/[slug]/membres', '/organisations/[slug]/modifier']) slugs[id] = organisation;
	const autre = await compte(`fuzz-membre-${randomBytes(3).toString('hex')}@terrinclus.test`, 'Membre Fuzz');
	expect((await autre.poster(`/organisations/${organisation}?/demander`, { message: 'Bonjour' })).status).toBeLessThan(400);
	expect((await admin.poster(`/organisations/${organisation}/membres?/inviter`, { courriel: 'invitee@exemple.test', role: 'membre' })).status).toBe(200);
	const organisationId = (await (await admin.get('/projets/nouveau')).text()).match(/<option value="(\d+)"/)![1]!;
	r = await admin.poster('/projets/nouveau', { titre: 'Projet Fuzz', organisation: organisationId });
	expect(r.status).toBe(303);
	valides.id = new URL(r.headers.get('location')!, serveur.url).pathname.split('/')[2]!;
	expect((await admin.poster(`/projets/${valides.id}/identite?/commenter`, { texte: 'Un commentaire' })).status).toBe(303);
	expect((await admin.poster(`/projets/${valides.id}/equipe?/inviter`, { courriel: 'partenaire@exemple.test', role: 'contributeur' })).status).toBe(200);
	// A reporting period and an indicator, so that the value forms are shown.
	expect((await admin.poster(`/projets/${valides.id}/cadre-logique?/enregistrer`, { _version: '0', 'indicateurs.0.indicateur': 'Jeunes accompagnés', 'indicateurs.0.type': 'nombre', 'indicateurs.0.cote': 'ici' })).status).toBe(303);
	expect((await admin.poster(`/projets/${valides.id}/suivi?/ajouter`, { libelle: '', debut: '2027-01-01', fin: '2027-03-31' })).status).toBe(303);
	valides.periode = (await (await admin.get(`/projets/${valides.id}/suivi`)).text()).match(/\/suivi\/(\d+)"/)![1]!;
	// A piece of evidence, so that its routes reach their code.
	expect((await admin.poster(`/projets/${valides.id}/preuves`, envoi({ cible: 'compte-rendu', cibleId: `${valides.periode}/ici`, lien: 'https://exemple.test/preuve' }))).status).toBe(303);
	valides.preuve = (await (await admin.get(`/projets/${valides.id}/suivi/${valides.periode}`)).text()).match(/\/preuves\/(\d+)\/retirer/)![1]!;
}, 300_000);

/** A multipart body as the evidence form sends it, with a file when given. */
function envoi(champs: Record<string, string>, fichier?: { nom: string; octets: string }): FormData {
	const f = new FormData();
	for (const [n, v] of Object.entries(champs)) f.set(n, v);
	if (fichier) f.set('fichier', new Blob([fichier.octets]), fichier.nom);
	return f;
}
/** Endpoints that take posts (the evidence upload and removal), besides form actions. */
const envois = () => routes.filter((r) => r.methodes.includes('POST'));

afterAll(async () => {
	if (process.env.FUZZ_LOG) (await import('node:fs')).writeFileSync(process.env.FUZZ_LOG, serveur.sortie());
	await serveur?.nettoyer();
});

describe('input that must be refused', () => {
	it('changes nothing: NUL bytes, malformed and oversized bodies, on every action; NUL in every address', async () => {
		const avant = await compterLignes();
		for (const [route, action] of actions()) {
			const acteur = acteurPour(route);
			const champs = await champsDe(route, action);
			const quoi = `${route.id} ${action}`;
			// A NUL byte in each field in turn (PostgreSQL refuses it in text).
			for (let i = 0; i < champs.length; i++) {
				const corps = new URLSearchParams(champs.map(([n, v], j) => [n, j === i ? `a\0b` : v]));
				const r = noter(`${quoi} NUL dans ${champs[i]![0]}`, await acteur.poster(cible(route, action), corps));
				expect(r.status, `${quoi} NUL dans ${champs[i]![0]}`).toBe(400);
			}
			const malforme = noter(`${quoi} multipart`, await acteur.envoyer(cible(route, action), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--abc\r\nnimporte quoi' }));
			expect(malforme.status, `${quoi} multipart malformé`).toBe(400);
			const enorme = noter(`${quoi} 600 Ko`, await acteur.poster(cible(route, action), { champ: 'x'.repeat(600 * 1024) }));
			expect(enorme.status, `${quoi} 600 Ko`).toBe(413);
		}
		for (const route of routes.filter((r) => r.id.includes('['))) {
			for (const nom of route.id.match(/\[(\w+)\]/g)!.map((p) => p.slice(1, -1))) {
				const r = noter(`${route.id} ${nom}=%00`, await acteurPour(route).get(adresse(route, { [nom]: '%00' })));
				expect(r.status, `${route.id} ${nom}=%00`).toBe(400);
			}
		}
		// Posted endpoints: malformed and oversized bodies, NUL bytes in a field and in a file's name.
		for (const route of envois()) {
			const acteur = acteurPour(route);
			const quoi = `${route.id} POST`;
			noter(`${quoi} multipart malformé`, await acteur.envoyer(adresse(route), { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--abc\r\nnimporte quoi' }));
			noter(`${quoi} sans frontière`, await acteur.envoyer(adresse(route), { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' }));
			noter(`${quoi} 600 Ko`, await acteur.poster(adresse(route), { champ: 'x'.repeat(600 * 1024) }));
			noter(`${quoi} NUL`, await acteur.poster(adresse(route), envoi({ cible: 'compte-rendu', cibleId: `${valides.periode}/ici`, titre: 'a\0b', lien: 'https://exemple.test/nul' })));
			noter(`${quoi} NUL dans le nom`, await acteur.poster(adresse(route), envoi({ cible: 'compte-rendu', cibleId: `${valides.periode}/ici` }, { nom: 'a\0b.txt', octets: 'bonjour' })));
			noter(`${quoi} id énorme`, await acteur.poster(adresse(route), envoi({ cible: 'compte-rendu', cibleId: '99999999999/ici', lien: 'https://exemple.test/x' })));
		}
		const apres = await compterLignes();
		// Only the security log may grow (refused sign-ins are recorded there).
		delete avant.journal_securite;
		delete apres.journal_securite;
		expect(apres).toEqual(avant);
		expect(pannes).toEqual([]);
	});
});

describe('input that must not break anything', () => {
	const VALEURS = ['99999999999', '-1', '2147483648', '0', '\u202Eesrever\u202C', '\u2066x\u2069', 'x'.repeat(20_000), '%', '[]', '1e309'];
	const PAR_CHAMP = ['99999999999', '-1', '\u202Eesrever\u202C', 'x'.repeat(20_000)];

	it('gets no 5xx in any parameter of any address', async () => {
		for (const route of routes.filter((r) => r.id.includes('['))) {
			for (const nom of route.id.match(/\[(\w+)\]/g)!.map((p) => p.slice(1, -1))) {
				for (const v of [...VALEURS.slice(0, 6).map(encodeURIComponent), '%E0%A4%A', '..%2F..%2Fetc', '%2e%2e']) {
					noter(`${route.id} ${nom}=${v}`, await acteurPour(route).get(adresse(route, { [nom]: v })));
				}
			}
		}
		for (const route of routes.filter((r) => r.methodes.length)) {
			for (const v of ['?format=%00', '?revision=99999999999', '?page=-1']) noter(`${route.id}${v}`, await acteurPour(route).get(adresse(route) + v));
		}
		expect(pannes).toEqual([]);
	});

	it('gets no 5xx in any field of any form action, nor with a wrong content type', async () => {
		for (const [route, action] of actions()) {
			const acteur = acteurPour(route);
			const champs = await champsDe(route, action);
			const quoi = `${route.id} ${action}`;
			// Every field at once with each value, then each field in turn among valid values.
			const corps = [
				...VALEURS.map((v) => [`tous=${v.slice(0, 12)}`, champs.map(([n]) => [n, v])] as const),
				...PAR_CHAMP.flatMap((v) => champs.slice(0, 20).map(([nom], i) => [`${nom}=${v.slice(0, 12)}`, champs.map(([n, x], j) => [n, j === i ? v : x])] as const))
			];
			// Four at a time: a loaded machine is slower, not wrong.
			for (let i = 0; i < corps.length; i += 4) {
				await Promise.all(corps.slice(i, i + 4).map(async ([cas, c]) => noter(`${quoi} ${cas}`, await acteur.poster(cible(route, action), new URLSearchParams(c as [string, string][])))));
			}
			noter(`${quoi} JSON`, await acteur.envoyer(cible(route, action), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
			noter(`${quoi} vide`, await acteur.envoyer(cible(route, action), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
		}
		// The evidence upload: every field with each value, names and files of every kind.
		const envoiValide = { cible: 'compte-rendu', cibleId: `${valides.periode}/ici`, retour: `/projets/${valides.id}/suivi`, titre: 'Preuve', lien: '' };
		for (const route of envois()) {
			const acteur = acteurPour(route);
			for (const v of VALEURS) {
				noter(`${route.id} tous=${v.slice(0, 12)}`, await acteur.poster(adresse(route), envoi(Object.fromEntries(Object.keys(envoiValide).map((n) => [n, v])))));
				for (const nom of Object.keys(envoiValide)) noter(`${route.id} ${nom}=${v.slice(0, 12)}`, await acteur.poster(adresse(route), envoi({ ...envoiValide, [nom]: v })));
				noter(`${route.id} fichier ${v.slice(0, 12)}`, await acteur.poster(adresse(route), envoi(envoiValide, { nom: `${v.slice(0, 200)}.pdf`, octets: v })));
			}
			noter(`${route.id} JSON`, await acteur.envoyer(adresse(route), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
			noter(`${route.id} vide`, await acteur.envoyer(adresse(route), { method: 'POST' }));
		}
		expect(pannes).toEqual([]);
	});

	it('gets no 5xx from simultaneous duplicates', async () => {
		const deux = async (quoi: string, f: () => Promise<Response>) => {
			for (const r of await Promise.all([f(), f(), f()])) noter(quoi, r);
		};
		const courriel = `double-${randomBytes(3).toString('hex')}@exemple.test`;
		await deux('inscriptions simultanées', () => new ClientHttp(serveur.url).poster('/inscription', { nom: 'Double', courriel, motDePasse: MOT_DE_PASSE, confirmation: MOT_DE_PASSE }));
		await deux('organisations simultanées', () => admin.poster('/organisations/nouvelle', { nom: 'Association Doublon', type: 'association', pays: 'FR', description: '' }));
		const organisationId = (await (await admin.get('/projets/nouveau')).text()).match(/<option value="(\d+)"/)![1]!;
		await deux('projets simultanés', () => admin.poster('/projets/nouveau', { titre: 'Projet doublon', organisation: organisationId }));
		await deux('invitations simultanées', () => admin.poster(`/organisations/${slugs['/organisations/[slug]']}/membres?/inviter`, { courriel: 'doublon@exemple.test', role: 'membre' }));
		await deux('invitations au projet simultanées', () => admin.poster(`/projets/${valides.id}/equipe?/inviter`, { courriel: 'doublon@exemple.test', role: 'lecteur' }));
		await deux('commentaires simultanés', () => admin.poster(`/projets/${valides.id}/identite?/commenter`, { texte: 'Deux fois' }));
		const membre = await compte(`fuzz-double-${randomBytes(3).toString('hex')}@terrinclus.test`, 'Double Demande');
		await deux('demandes d’adhésion simultanées', () => membre.poster(`/organisations/${slugs['/organisations/[slug]']}?/demander`, { message: 'Encore' }));
		expect(pannes).toEqual([]);
	});

	it('left no unexpected error in the server’s log', () => {
		// handleError writes « Erreur sur … » for every error no code expected (a 500).
		expect(serveur.sortie()).not.toContain('Erreur sur');
		expect(serveur.sortie()).not.toContain('UnhandledPromiseRejection');
	});
});

describe('bidirectional overrides', () => {
	it('are taken out of names and comments before they are stored', async () => {
		expect((await admin.poster('/compte?/nom', { nom: 'Camille \u202Enitram\u202C' })).status).toBe(200);
		const compte = await (await admin.get('/compte')).text();
		expect(compte).toContain('Camille nitram');
		expect(compte).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
		expect((await admin.poster(`/projets/${valides.id}/identite?/commenter`, { texte: 'Avis \u2067inversé\u2069 ici' })).status).toBe(303);
		const section = await (await admin.get(`/projets/${valides.id}/identite`)).text();
		expect(section).toContain('Avis inversé ici');
		expect(section).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
	});
});
