// Who may open what, for every route of the application. The routes are read from
// src/routes: a route added without its line here makes this test fail.
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { attendreCourriel, lienDe } from '../support/boite-aux-lettres.ts';
import { baseURL } from './navigateur.ts';
import { routesDeLApplication } from './routes.ts';

/**
 * A visitor; an account in no organisation; a member, a manager and the owner of organisation
 * A; a member of another organisation B; an editor of the kit; a platform administrator.
 */
const ROLES = ['visiteur', 'membre', 'membreA', 'gestionnaireA', 'proprietaireA', 'membreB', 'editeur', 'administrateur'] as const;
type Role = (typeof ROLES)[number];
type Attendu = Record<Role, number>;

const brouillon = () => inject('ficheBrouillon');
/** The same answer for every role, except those named. */
const tous = (statut: number, sauf: Partial<Attendu> = {}): Attendu =>
	({ ...Object.fromEntries(ROLES.map((r) => [r, statut])), ...sauf }) as Attendu;
const PUBLIQUE = tous(200);
const CACHEE = tous(404);
/** Drafts are for the editorial team. */
const BROUILLON = tous(404, { editeur: 200, administrateur: 200 });
/** Forms for visitors: a signed-in account is sent to its page. */
const POUR_VISITEURS = tous(303, { visiteur: 200 });
/** Pages of one's account: a visitor is sent to the sign-in form. */
const POUR_COMPTES = tous(200, { visiteur: 303 });
/** A's members list: for its members (and administrators); others are refused, visitors asked to sign in. */
const MEMBRES_A = tous(403, { visiteur: 303, membreA: 200, gestionnaireA: 200, proprietaireA: 200, administrateur: 200 });
/** Editing A: for its managers (and administrators). */
const GESTION_A = tous(403, { visiteur: 303, gestionnaireA: 200, proprietaireA: 200, administrateur: 200 });
const ADMINISTRATION = tous(403, { visiteur: 303, administrateur: 200 });
/** A's project: its team only (A's owner pilots, A's manager contributes, A's member reads); hidden from everyone else. */
const PROJET_A = tous(404, { visiteur: 303, membreA: 200, gestionnaireA: 200, proprietaireA: 200 });
let organisationA = '';
let projetA = '';
/** A reporting period of A's project. */
let periodeA = '';
/** An evaluation of A's project. */
let evaluationA = '';
/** A photo attached to A's report by its owner, and a confidential one. */
let preuveA = '';
let preuveConfidentielleA = '';

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
	'/carte': [{ cas: 'carte des projets', url: () => '/carte', attendu: PUBLIQUE }],
	'/fiches/[slug]': [
		{ cas: 'fiche publiée', url: () => '/fiches/protection-enfance-haiti', attendu: PUBLIQUE },
		{ cas: 'fiche en brouillon', url: () => `/fiches/${brouillon()}`, attendu: BROUILLON },
		{ cas: 'fiche inconnue', url: () => '/fiches/inconnue', attendu: CACHEE }
	],
	'/inscription': [{ cas: 'inscription', url: () => '/inscription', attendu: POUR_VISITEURS }],
	'/connexion': [{ cas: 'connexion', url: () => '/connexion', attendu: POUR_VISITEURS }],
	'/deconnexion': [{ cas: 'déconnexion', url: () => '/deconnexion', attendu: POUR_COMPTES }],
	'/mot-de-passe-oublie': [{ cas: 'mot de passe oublié', url: () => '/mot-de-passe-oublie', attendu: PUBLIQUE }],
	'/nouveau-mot-de-passe': [{ cas: 'nouveau mot de passe', url: () => '/nouveau-mot-de-passe?token=faux', attendu: PUBLIQUE }],
	'/compte': [{ cas: 'mon compte', url: () => '/compte', attendu: POUR_COMPTES }],
	'/compte/donnees': [{ cas: 'mes données', url: () => '/compte/donnees', attendu: POUR_COMPTES }],
	'/compte/donnees/export': [{ cas: 'télécharger mes données', url: () => '/compte/donnees/export', attendu: POUR_COMPTES }],
	'/admin': [{ cas: 'administration', url: () => '/admin', attendu: ADMINISTRATION }],
	'/admin/utilisateurs': [{ cas: 'comptes', url: () => '/admin/utilisateurs?q=matrice', attendu: ADMINISTRATION }],
	'/admin/organisations': [{ cas: 'organisations (admin)', url: () => '/admin/organisations', attendu: ADMINISTRATION }],
	'/admin/journal': [{ cas: 'journal de sécurité', url: () => '/admin/journal?evenement=connexion', attendu: ADMINISTRATION }],
	'/organisations': [{ cas: 'organisations', url: () => '/organisations?q=D%C3%A9partement', attendu: PUBLIQUE }],
	'/organisations/nouvelle': [{ cas: 'créer une organisation', url: () => '/organisations/nouvelle', attendu: POUR_COMPTES }],
	'/organisations/[slug]': [
		{ cas: 'organisation', url: () => `/organisations/${organisationA}`, attendu: PUBLIQUE },
		{ cas: 'organisation inconnue', url: () => '/organisations/inconnue', attendu: CACHEE }
	],
	'/organisations/[slug]/modifier': [{ cas: 'modifier A', url: () => `/organisations/${organisationA}/modifier`, attendu: GESTION_A }],
	'/organisations/[slug]/membres': [{ cas: 'membres de A', url: () => `/organisations/${organisationA}/membres`, attendu: MEMBRES_A }],
	// Members only: not even an administrator outside A (a project's state is its team's and A's managers').
	'/organisations/[slug]/projets': [{ cas: 'suivi des projets de A', url: () => `/organisations/${organisationA}/projets`, attendu: tous(403, { visiteur: 303, membreA: 200, gestionnaireA: 200, proprietaireA: 200 }) }],
	// The token is the permission: anyone holding a link sees the invitation; a wrong one, that it does not exist.
	'/invitations/[jeton]': [{ cas: 'invitation inconnue', url: () => '/invitations/jeton-inconnu', attendu: PUBLIQUE }],
	// The test server sends real mails (SMTP): the development page does not exist there.
	'/dev/courriels': [{ cas: 'courriels de développement', url: () => '/dev/courriels', attendu: CACHEE }],
	'/projets': [{ cas: 'mes projets', url: () => '/projets', attendu: POUR_COMPTES }],
	'/projets/nouveau': [{ cas: 'créer un projet', url: () => '/projets/nouveau', attendu: POUR_COMPTES }],
	'/projets/[id]': [
		{ cas: 'projet de A', url: () => projetA, attendu: PROJET_A },
		{ cas: 'projet inconnu', url: () => '/projets/999999', attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/[section]': [
		{ cas: 'section du projet de A', url: () => `${projetA}/cadre-logique`, attendu: PROJET_A },
		{ cas: 'section inconnue', url: () => `${projetA}/inconnue`, attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/equipe': [{ cas: 'équipe du projet de A', url: () => `${projetA}/equipe`, attendu: PROJET_A }],
	'/projets/[id]/historique': [{ cas: 'historique du projet de A', url: () => `${projetA}/historique`, attendu: PROJET_A }],
	'/projets/[id]/suivi': [{ cas: 'suivi du projet de A', url: () => `${projetA}/suivi`, attendu: PROJET_A }],
	'/projets/[id]/suivi/valeurs': [{ cas: 'valeurs du projet de A en Excel', url: () => `${projetA}/suivi/valeurs`, attendu: PROJET_A }],
	'/projets/[id]/suivi/[periode]/rapport/[format]': [
		{ cas: 'rapport de suivi Word du projet de A', url: () => `${periodeA}/rapport/docx`, attendu: PROJET_A },
		{ cas: 'rapport de suivi PDF du projet de A', url: () => `${periodeA}/rapport/pdf`, attendu: PROJET_A },
		{ cas: 'rapport de suivi d’une période inconnue', url: () => `${projetA}/suivi/999999/rapport/pdf`, attendu: tous(404, { visiteur: 303 }) },
		{ cas: 'rapport de suivi dans un format inconnu', url: () => `${periodeA}/rapport/odt`, attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/evaluations': [{ cas: 'évaluations du projet de A', url: () => `${projetA}/evaluations`, attendu: PROJET_A }],
	'/projets/[id]/evaluations/[evaluation]': [
		{ cas: 'évaluation du projet de A', url: () => evaluationA, attendu: PROJET_A },
		{ cas: 'évaluation inconnue du projet de A', url: () => `${projetA}/evaluations/999999`, attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/suivi/budget': [{ cas: 'exécution du budget du projet de A', url: () => `${projetA}/suivi/budget`, attendu: PROJET_A }],
	'/projets/[id]/suivi/cibles': [{ cas: 'cibles par période du projet de A', url: () => `${projetA}/suivi/cibles`, attendu: PROJET_A }],
	// Posted to only: a GET is not a method of these endpoints, whoever asks.
	'/projets/[id]/preuves': [{ cas: 'ajout d’une preuve (GET)', url: () => `${projetA}/preuves`, attendu: tous(405) }],
	'/projets/[id]/preuves/[preuve]/retirer': [{ cas: 'retrait d’une preuve (GET)', url: () => `${preuveA}/retirer`, attendu: tous(405) }],
	'/projets/[id]/preuves/[preuve]': [
		{ cas: 'fichier d’une preuve du projet de A', url: () => preuveA, attendu: PROJET_A },
		// Confidential: the team but its readers; not even its existence to a reader.
		{ cas: 'fichier d’une preuve confidentielle de A', url: () => preuveConfidentielleA, attendu: tous(404, { visiteur: 303, gestionnaireA: 200, proprietaireA: 200 }) },
		{ cas: 'preuve inconnue du projet de A', url: () => `${projetA}/preuves/999999`, attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/preuves/[preuve]/apercu': [
		{ cas: 'aperçu d’une preuve du projet de A', url: () => `${preuveA}/apercu`, attendu: PROJET_A },
		{ cas: 'aperçu d’une preuve confidentielle de A', url: () => `${preuveConfidentielleA}/apercu`, attendu: tous(404, { visiteur: 303, gestionnaireA: 200, proprietaireA: 200 }) }
	],
	'/projets/[id]/suivi/activites': [{ cas: 'suivi des activités du projet de A', url: () => `${projetA}/suivi/activites`, attendu: PROJET_A }],
	'/projets/[id]/suivi/[periode]': [
		{ cas: 'période de suivi du projet de A', url: () => periodeA, attendu: PROJET_A },
		{ cas: 'période inconnue du projet de A', url: () => `${projetA}/suivi/999999`, attendu: tous(404, { visiteur: 303 }) }
	],
	'/projets/[id]/auto-evaluation': [{ cas: 'auto-évaluation du projet de A', url: () => `${projetA}/auto-evaluation`, attendu: PROJET_A }],
	'/projets/[id]/export/[format]': [
		{ cas: 'dossier Word du projet de A', url: () => `${projetA}/export/docx`, attendu: PROJET_A },
		{ cas: 'classeur Excel du projet de A', url: () => `${projetA}/export/xlsx`, attendu: PROJET_A }
	],
	'/projets/invitations/[jeton]': [{ cas: 'invitation à un projet inconnue', url: () => '/projets/invitations/jeton-inconnu', attendu: PUBLIQUE }],
	'/(impression)/fiches/[slug]/imprimer': [
		{ cas: 'fiche publiée à imprimer', url: () => '/fiches/protection-enfance-haiti/imprimer', attendu: PUBLIQUE },
		{ cas: 'fiche en brouillon à imprimer', url: () => `/fiches/${brouillon()}/imprimer`, attendu: BROUILLON }
	]
};

/** The session cookie of each role, made through the real sign-up. */
const cookies = Object.fromEntries(ROLES.map((r) => [r, ''])) as Record<Role, string>;
const origine = () => new URL(baseURL()).origin;

async function compte(nom: string, courriel = `matrice-${nom}-${Date.now()}@departement.test`): Promise<string> {
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

/** Posts a form as a role, as a browser would (same origin, HTML answer). */
const poster = (role: Role, chemin: string, corps: Record<string, string>) =>
	fetch(new URL(chemin, baseURL()), {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie: cookies[role], origin: origine(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(corps)
	});

beforeAll(async () => {
	[cookies.membre, cookies.membreA, cookies.gestionnaireA, cookies.proprietaireA, cookies.membreB, cookies.editeur, cookies.administrateur] = await Promise.all([
		compte('membre'),
		compte('membre-a'),
		compte('gestionnaire-a'),
		compte('proprietaire'),
		compte('membre-b'),
		compte('editeur', `matrice-editeur-${Date.now()}@departement.test`),
		// Named administrator by the test server's ADMINISTRATEURS.
		compte('administrateur', 'admin-matrice@terrinclus.test')
	]);
	const creee = await poster('proprietaireA', '/organisations/nouvelle', { nom: `Organisation A ${Date.now()}`, type: 'departement', departement: '35' });
	organisationA = new URL(creee.headers.get('location')!, baseURL()).pathname.split('/')[2]!;
	expect(organisationA).toMatch(/^organisation-a-/);
	// A's member and manager ask to join; A's owner accepts them and makes the manager.
	const membresA = async () => (await fetch(new URL(`/organisations/${organisationA}/membres`, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text();
	for (const role of ['membreA', 'gestionnaireA'] as const) {
		expect((await poster(role, `/organisations/${organisationA}?/demander`, { message: '' })).status).toBe(200);
		const demande = (await membresA()).match(/name="demande" value="(\d+)"/)![1]!;
		expect((await poster('proprietaireA', `/organisations/${organisationA}/membres?/traiter`, { demande, decision: 'accepter' })).status).toBe(200);
	}
	const gestionnaire = (await membresA()).match(/Gestionnaire-a[\s\S]*?name="membre" value="([0-9a-f]+)"/i)![1]!;
	expect((await poster('proprietaireA', `/organisations/${organisationA}/membres?/role`, { membre: gestionnaire, role: 'gestionnaire' })).status).toBe(200);
	const b = await poster('membreB', '/organisations/nouvelle', { nom: `Organisation B ${Date.now()}`, type: 'association', pays: 'FR' });
	expect(b.status).toBe(303);
	// The administrator makes the editor.
	const comptes = await (await fetch(new URL('/admin/utilisateurs?q=matrice-editeur', baseURL()), { headers: { cookie: cookies.administrateur } })).text();
	const id = comptes.match(/name="utilisateur" value="([0-9a-f]+)"/)![1]!;
	expect((await poster('administrateur', '/admin/utilisateurs?/role', { utilisateur: id, role: 'editeur' })).status).toBe(200);
	// A's owner creates a project and adds A's manager as contributor, A's member as reader.
	const organisationId = (await (await fetch(new URL('/projets/nouveau', baseURL()), { headers: { cookie: cookies.proprietaireA } })).text()).match(/<option value="(\d+)"/)![1]!;
	const projet = await poster('proprietaireA', '/projets/nouveau', { titre: 'Projet de A', organisation: organisationId });
	expect(projet.status).toBe(303);
	projetA = new URL(projet.headers.get('location')!, baseURL()).pathname;
	const equipe = async () => (await fetch(new URL(`${projetA}/equipe`, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text();
	for (const [nom, role] of [['gestionnaire-a', 'contributeur'], ['membre-a', 'lecteur']] as const) {
		const membre = (await equipe()).match(new RegExp(`<option value="([0-9a-zA-Z]+)">${nom} \\(`))![1]!;
		expect((await poster('proprietaireA', `${projetA}/equipe?/ajouter`, { membre, role })).status).toBe(200);
	}
	expect((await poster('proprietaireA', `${projetA}/suivi?/ajouter`, { debut: '2027-02-01', fin: '2027-02-28' })).status).toBe(303);
	periodeA = (await (await fetch(new URL(`${projetA}/suivi`, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text()).match(/href="(\/projets\/\d+\/suivi\/\d+)"/)![1]!;
	const evaluation = await poster('proprietaireA', `${projetA}/evaluations?/creer`, { type: 'mi-parcours', titre: 'Mi-parcours' });
	expect(evaluation.status).toBe(303);
	evaluationA = new URL(evaluation.headers.get('location')!, baseURL()).pathname;
	const periode = periodeA.split('/').at(-1)!;
	for (const confidentielle of [false, true]) {
		expect((await envoyerPreuve('proprietaireA', { cible: 'compte-rendu', cibleId: `${periode}/ici`, titre: confidentielle ? 'Confidentielle' : 'Photo' }, confidentielle)).status).toBe(303);
	}
	const page = await (await fetch(new URL(periodeA, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text();
	const liens = [...page.matchAll(/href="(\/projets\/\d+\/preuves\/\d+)" download/g)].map((m) => m[1]!);
	expect(liens).toHaveLength(2);
	[preuveA, preuveConfidentielleA] = liens as [string, string];
	expect(preuveConfidentielleA).toBeTruthy();
});

/** Posts evidence (a small PNG) as a role, multipart as the form sends it. */
async function envoyerPreuve(role: Role, champs: Record<string, string>, confidentielle = false) {
	const corps = new FormData();
	for (const [n, v] of Object.entries(champs)) corps.set(n, v);
	if (confidentielle) corps.set('confidentielle', 'oui');
	const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
	corps.set('fichier', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
	return fetch(new URL(`${projetA}/preuves`, baseURL()), { method: 'POST', redirect: 'manual', headers: { cookie: cookies[role], origin: origine() }, body: corps });
}

describe('authorization matrix', () => {
	it('covers every route of the application', () => {
		expect(Object.keys(MATRICE).sort()).toEqual(routesDeLApplication().map((r) => r.id).sort());
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

describe('what is private to organisation A', () => {
	const ACTIONS_A: [string, Record<string, string>][] = [
		['membres?/inviter', { courriel: 'intrus@exemple.test', role: 'membre' }],
		['membres?/revoquer', { invitation: '1' }],
		['membres?/traiter', { demande: '1', decision: 'accepter' }],
		['membres?/role', { membre: 'x', role: 'proprietaire' }],
		['membres?/retirer', { membre: 'x' }],
		['modifier', { nom: 'Prise', type: 'departement', departement: '35' }]
	];
	it.each(['membre', 'membreB', 'editeur', 'membreA'] as const)('refuses every managing form of A to %s (403)', async (role) => {
		for (const [action, corps] of ACTIONS_A) {
			expect((await poster(role, `/organisations/${organisationA}/${action}`, corps)).status, action).toBe(403);
		}
	});

	it('lets A’s manager invite members but not owners, nor change roles', async () => {
		expect((await poster('gestionnaireA', `/organisations/${organisationA}/membres?/inviter`, { courriel: 'collegue@exemple.test', role: 'membre' })).status).toBe(200);
		expect((await poster('gestionnaireA', `/organisations/${organisationA}/membres?/inviter`, { courriel: 'chef@exemple.test', role: 'proprietaire' })).status).toBe(403);
		expect((await poster('gestionnaireA', `/organisations/${organisationA}/membres?/role`, { membre: 'x', role: 'proprietaire' })).status).toBe(403);
	});

	it('does not let B act on A’s invitations or requests through B’s own pages', async () => {
		// An invitation of A, seen by A's owner.
		const equipe = await (await fetch(new URL(`/organisations/${organisationA}/membres`, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text();
		const invitation = equipe.match(/name="invitation" value="(\d+)"/)![1]!;
		const b = (await (await fetch(new URL('/compte', baseURL()), { headers: { cookie: cookies.membreB } })).text()).match(/href="\/organisations\/(organisation-b-[^"]+)"/)![1]!;
		const r = await poster('membreB', `/organisations/${b}/membres?/revoquer`, { invitation });
		expect(r.status).toBe(404);
		expect(await r.text()).toContain('n’existe pas');
		// Still pending in A.
		const apres = await (await fetch(new URL(`/organisations/${organisationA}/membres`, baseURL()), { headers: { cookie: cookies.proprietaireA } })).text();
		expect(apres).toContain(`name="invitation" value="${invitation}"`);
	});

	it('hides A’s project from everyone outside its team, whatever form is posted (404), and gives each team role its part', async () => {
		const FORMULAIRES: [string, Record<string, string>][] = [
			['/identite?/enregistrer', { _version: '1', titre: 'Pris' }],
			['/identite?/commenter', { texte: 'Intrus' }],
			['/identite?/supprimerCommentaire', { commentaire: '1' }],
			['/equipe?/inviter', { courriel: 'intrus@exemple.test', role: 'pilote' }],
			['/equipe?/retirer', { membre: 'x' }],
			['/historique?/restaurer', { revision: '1', version: '1' }],
			['/auto-evaluation?/repondre', { etape: '1' }],
			['/auto-evaluation?/terminer', {}],
			['/suivi?/decouper', { rythme: 'trimestre' }],
			['/suivi?/ajouter', { debut: '2027-01-01', fin: '2027-01-31' }],
			['/suivi?/supprimer', { periode: '1' }],
			[`${periodeA.slice(projetA.length)}?/saisir`, { indicateur: 'x', cote: 'ici', version: '0', valeur: '1' }],
			[`${periodeA.slice(projetA.length)}?/decider`, { valeur: '1', version: '1', decision: 'valider' }],
			[`${periodeA.slice(projetA.length)}?/verrouiller`, { verrouiller: 'oui' }],
			[`${periodeA.slice(projetA.length)}?/rediger`, { cote: 'ici', version: '0', realise: 'Pris' }],
			['/suivi/activites?/suivre', { activite: 'x', version: '0', statut: 'prevue' }],
			['/suivi/activites?/jalon', { jalon: 'x', atteintLe: '2026-01-01' }],
			['/suivi/budget?/depenser', { ligne: 'x' }],
			['/suivi/cibles?/enregistrer', { periodes: '1' }],
			['/evaluations?/creer', { type: 'finale', titre: 'Prise' }],
			['/evaluations?/recit', { domaine: 'Pris', recit: 'Pris', narrateur: 'Pris', cote: 'ici', consentement: 'oui' }],
			['/evaluations?/selectionner', { recitId: '1', selectionne: 'oui', raison: 'Pris' }],
			[`${evaluationA.slice(projetA.length)}?/constat`, { question: 'question01', constat: 'Pris' }],
			[`${evaluationA.slice(projetA.length)}?/impact`, { cote: 'ici', description: 'Pris', prevu: 'oui', positif: 'oui' }],
			[`${evaluationA.slice(projetA.length)}?/retirer`, { impact: '1' }],
			[`${evaluationA.slice(projetA.length)}?/recommander`, { recommandation: 'Prise', statut: 'a-decider' }],
			[`${periodeA.slice(projetA.length)}?/deciderRapport`, { compteRendu: '1', version: '1', cote: 'ici', decision: 'valider' }],
			['?/publier', { public: 'oui' }]
		];
		for (const role of ['membre', 'membreB', 'editeur', 'administrateur'] as const) {
			for (const [action, corps] of FORMULAIRES) expect((await poster(role, `${projetA}${action}`, corps)).status, `${role} ${action}`).toBe(404);
			expect((await envoyerPreuve(role, { cible: 'compte-rendu', cibleId: `${periodeA.split('/').at(-1)}/ici` })).status, `${role} preuves`).toBe(404);
			expect((await poster(role, `${preuveA}/retirer`, {})).status, `${role} retirer une preuve`).toBe(404);
		}
		// Evidence: a reader adds and removes none (and does not learn of a confidential one); a contributor removes only their own.
		expect((await envoyerPreuve('membreA', { cible: 'compte-rendu', cibleId: `${periodeA.split('/').at(-1)}/ici` })).status).toBe(403);
		expect((await poster('membreA', `${preuveA}/retirer`, {})).status).toBe(403);
		expect((await poster('membreA', `${preuveConfidentielleA}/retirer`, {})).status).toBe(404);
		expect((await poster('gestionnaireA', `${preuveA}/retirer`, {})).status).toBe(403);
		expect((await envoyerPreuve('gestionnaireA', { cible: 'compte-rendu', cibleId: `${periodeA.split('/').at(-1)}/ici` })).status).toBe(303);
		// A's member reads and comments but does not write; A's manager writes but does not manage.
		expect((await poster('membreA', `${projetA}/identite?/enregistrer`, { _version: '1', titre: 'Pris' })).status).toBe(403);
		expect((await poster('membreA', `${projetA}/equipe?/inviter`, { courriel: 'x@exemple.test', role: 'lecteur' })).status).toBe(403);
		expect((await poster('gestionnaireA', `${projetA}/equipe?/inviter`, { courriel: 'x@exemple.test', role: 'lecteur' })).status).toBe(403);
		expect((await poster('gestionnaireA', `${projetA}?/publier`, { public: 'oui' })).status).toBe(403);
		// The self-assessment: contributors and pilots answer it, readers do not.
		for (const action of ['/auto-evaluation?/repondre', '/auto-evaluation?/terminer']) {
			expect((await poster('membreA', `${projetA}${action}`, { etape: '1' })).status, action).toBe(403);
			expect((await poster('gestionnaireA', `${projetA}${action}`, { etape: '1' })).status, action).not.toBe(403);
		}
		expect((await poster('proprietaireA', `${projetA}/auto-evaluation?/repondre`, { etape: '1' })).status).toBe(303);
		// The reporting periods: the pilot sets them; contributors and readers do not.
		for (const action of ['/suivi?/decouper', '/suivi?/ajouter', '/suivi?/supprimer'])
			for (const role of ['membreA', 'gestionnaireA'] as const) expect((await poster(role, `${projetA}${action}`, { rythme: 'trimestre', debut: '2027-01-01', fin: '2027-01-31', periode: '1' })).status, `${role} ${action}`).toBe(403);
		expect((await poster('proprietaireA', `${projetA}/suivi?/ajouter`, { debut: '2027-01-01', fin: '2027-01-31' })).status).toBe(303);
		// Targets per period: the pilot sets them; the team reads them.
		for (const role of ['membreA', 'gestionnaireA'] as const) expect((await poster(role, `${projetA}/suivi/cibles?/enregistrer`, { periodes: '1' })).status, role).toBe(403);
		expect((await poster('proprietaireA', `${projetA}/suivi/cibles?/enregistrer`, { periodes: '1' })).status).toBe(303);
		// Values: contributors enter them; only the pilot validates, returns and locks.
		const periode = periodeA.slice(projetA.length);
		expect((await poster('membreA', `${projetA}${periode}?/saisir`, { indicateur: 'x', cote: 'ici', version: '0', valeur: '1' })).status).toBe(403);
		expect((await poster('gestionnaireA', `${projetA}${periode}?/saisir`, { indicateur: 'x', cote: 'ici', version: '0', valeur: '1' })).status).toBe(400);
		for (const role of ['membreA', 'gestionnaireA'] as const) {
			expect((await poster(role, `${projetA}${periode}?/deciderRapport`, { compteRendu: '1', version: '1', cote: 'ici', decision: 'valider' })).status, role).toBe(403);
			expect((await poster(role, `${projetA}${periode}?/decider`, { valeur: '1', version: '1', decision: 'valider' })).status, role).toBe(403);
			expect((await poster(role, `${projetA}${periode}?/verrouiller`, { verrouiller: 'oui' })).status, role).toBe(403);
		}
		expect((await poster('proprietaireA', `${projetA}${periode}?/verrouiller`, { verrouiller: 'oui' })).status).toBe(303);
		expect((await poster('proprietaireA', `${projetA}${periode}?/verrouiller`, { verrouiller: 'non' })).status).toBe(303);
		expect((await poster('membreA', `${projetA}${periode}?/rediger`, { cote: 'ici', version: '0', realise: 'Lu' })).status).toBe(403);
		// Evaluations: contributors and pilots carry them out, readers read.
		const evaluation = evaluationA.slice(projetA.length);
		for (const [action, corps] of [
			['?/impact', { cote: 'ici', description: 'Lu', prevu: 'oui', positif: 'oui' }],
			['?/recommander', { recommandation: 'Lue', statut: 'a-decider' }],
			['?/constat', { question: 'question01', constat: 'Lu' }],
			['?/retirer', { impact: '999999' }]
		] as const)
			expect((await poster('membreA', `${projetA}${evaluation}${action}`, corps)).status, action).toBe(403);
		expect((await poster('membreA', `${projetA}/evaluations?/creer`, { type: 'finale', titre: 'Lue' })).status).toBe(403);
		expect((await poster('membreA', `${projetA}/evaluations?/recit`, { domaine: 'Lu', recit: 'Lu', narrateur: 'Lu', cote: 'ici', consentement: 'oui' })).status).toBe(403);
		expect((await poster('membreA', `${projetA}/evaluations?/selectionner`, { recitId: '1', selectionne: 'oui', raison: 'Lu' })).status).toBe(403);
		expect((await poster('gestionnaireA', `${projetA}/evaluations?/selectionner`, { recitId: '999999', selectionne: 'oui', raison: 'Absent' })).status).toBe(404);
		expect((await poster('gestionnaireA', `${projetA}${evaluation}?/impact`, { cote: 'ici', description: 'Des agents formés', prevu: 'oui', positif: 'oui' })).status).toBe(303);
		expect((await poster('gestionnaireA', `${projetA}${evaluation}?/retirer`, { impact: '999999' })).status).toBe(404);
		// Activities: contributors and pilots follow them, readers read.
		for (const [action, corps] of [['activites?/suivre', { activite: 'x', version: '0', statut: 'prevue' }], ['activites?/jalon', { jalon: 'x', atteintLe: '2026-01-01' }], ['budget?/depenser', { ligne: 'x' }]] as const) {
			expect((await poster('membreA', `${projetA}/suivi/${action}`, corps)).status, action).toBe(403);
			expect((await poster('gestionnaireA', `${projetA}/suivi/${action}`, corps)).status, action).toBe(400);
		}
		expect((await poster('gestionnaireA', `${projetA}${periode}?/rediger`, { cote: 'ici', version: '0', realise: 'Deux ateliers' })).status).toBe(303);
		const suivi = await (await fetch(new URL(`${projetA}/suivi`, baseURL()), { headers: { cookie: cookies.gestionnaireA } })).text();
		expect(suivi).toContain('1er');
		expect(suivi).not.toContain('?/supprimer');
		const identite = await (await fetch(new URL(`${projetA}/identite`, baseURL()), { headers: { cookie: cookies.gestionnaireA } })).text();
		expect(identite).toContain('value="Projet de A"');
		// Comments: their author deletes them, the pilot any, nobody else.
		const lire = async (role: Role) => (await fetch(new URL(`${projetA}/cadre-logique`, baseURL()), { headers: { cookie: cookies[role] } })).text();
		expect((await poster('proprietaireA', `${projetA}/cadre-logique?/commenter`, { texte: 'Note du pilote' })).status).toBe(303);
		expect((await poster('membreA', `${projetA}/cadre-logique?/commenter`, { texte: 'Note du lecteur' })).status).toBe(303);
		const [duPilote, duLecteur] = [...(await lire('proprietaireA')).matchAll(/name="commentaire" value="(\d+)"/g)].map((m) => m[1]!);
		expect((await lire('membreA')).match(/name="commentaire" value="(\d+)"/g)).toEqual([`name="commentaire" value="${duLecteur}"`]);
		for (const role of ['membreA', 'gestionnaireA'] as const)
			expect((await poster(role, `${projetA}/cadre-logique?/supprimerCommentaire`, { commentaire: duPilote! })).status, role).toBe(403);
		// Another section's address does not reach it either.
		expect((await poster('proprietaireA', `${projetA}/identite?/supprimerCommentaire`, { commentaire: duLecteur! })).status).toBe(404);
		expect((await poster('proprietaireA', `${projetA}/cadre-logique?/supprimerCommentaire`, { commentaire: duLecteur! })).status).toBe(303);
		expect(await lire('proprietaireA')).not.toContain('Note du lecteur');
	});

	it('lets each account choose its own time zone, and a visitor none', async () => {
		expect((await poster('visiteur', '/compte?/fuseau', { fuseau: 'Asia/Beirut' })).status).toBe(303);
		for (const role of ['membre', 'membreA', 'membreB', 'editeur', 'administrateur'] as const) {
			expect((await poster(role, '/compte?/fuseau', { fuseau: 'Europe/Paris' })).status, role).toBe(200);
		}
	});

	it('refuses the admin forms to everyone but administrators', async () => {
		for (const role of ['membre', 'membreA', 'gestionnaireA', 'proprietaireA', 'membreB', 'editeur'] as const) {
			expect((await poster(role, '/admin/utilisateurs?/role', { utilisateur: 'x', role: 'administrateur' })).status, role).toBe(403);
			expect((await poster(role, '/admin/utilisateurs?/desactiver', { utilisateur: 'x' })).status, role).toBe(403);
		}
		expect((await poster('visiteur', '/admin/utilisateurs?/desactiver', { utilisateur: 'x' })).status).toBe(303);
	});
});
