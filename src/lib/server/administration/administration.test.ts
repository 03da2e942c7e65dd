// Administration and personal data on the real database (PGlite, or PostgreSQL with DATABASE_URL).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { mesDonnees, organisationsABloquer, supprimerCompte } from '../comptes/donnees.ts';
import { journaliser } from '../comptes/journal.ts';
import { demandesAdhesion, identifiants, journalSecurite, organisations, projets, projetsCommentaires, sessions, utilisateurs } from '../db/schema.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import { creerInvitation, demanderAdhesion, traiterDemande } from '../organisations/organisations.ts';
import { ajouterAuProjet, commenter, creerProjet } from '../projets/projets.ts';
import { desactiver, journal, listerUtilisateurs, promouvoirAdministrateursConfigures, reactiver } from './administration.ts';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values([
		{ id: 'camille', name: 'Camille Martin', email: 'camille@exemple.test', emailVerified: true },
		{ id: 'awa', name: 'Awa Diop', email: 'awa@exemple.test', emailVerified: true },
		{ id: 'pct', name: '100% Sud', email: 'pct_sud@exemple.test', emailVerified: true }
	]);
	await base.db.insert(identifiants).values({ id: 'i1', userId: 'camille', providerId: 'credential', accountId: 'camille', password: 'scrypt:secret-hash' });
	await base.db.insert(sessions).values({ id: 's1', token: 'jeton-secret', userId: 'awa', expiresAt: new Date(Date.now() + 86_400_000) });
});
afterAll(() => base.detruire());

describe('administration', () => {
	it('names the administrators of ADMINISTRATEURS', async () => {
		process.env.ADMINISTRATEURS = ' Camille@Exemple.test ,autre@exemple.test';
		await promouvoirAdministrateursConfigures(base.db);
		delete process.env.ADMINISTRATEURS;
		const roles = await base.db.select({ id: utilisateurs.id, role: utilisateurs.role }).from(utilisateurs).orderBy(utilisateurs.id);
		expect(roles).toEqual([
			{ id: 'awa', role: 'membre' },
			{ id: 'camille', role: 'administrateur' },
			{ id: 'pct', role: 'membre' }
		]);
	});

	it('searches accounts by name or address, taking % and _ literally', async () => {
		expect((await listerUtilisateurs(base.db, 'DIOP')).map((u) => u.id)).toEqual(['awa']);
		expect((await listerUtilisateurs(base.db, '100%')).map((u) => u.id)).toEqual(['pct']);
		expect((await listerUtilisateurs(base.db, '_')).map((u) => u.id)).toEqual(['pct']);
		expect(await listerUtilisateurs(base.db, '%')).toHaveLength(1);
	});

	it('deactivates an account: its sessions are closed; reactivates it', async () => {
		expect(await desactiver(base.db, 'awa')).toEqual({ courriel: 'awa@exemple.test' });
		expect(await base.db.select().from(sessions).where(eq(sessions.userId, 'awa'))).toEqual([]);
		expect(await desactiver(base.db, 'awa')).toBeUndefined();
		expect(await reactiver(base.db, 'awa')).toEqual({ courriel: 'awa@exemple.test' });
	});

	it('pages the security log, newest first, and filters it', async () => {
		for (let i = 0; i < 55; i++) await journaliser(base.db, { evenement: 'connexion', utilisateurId: 'camille', details: { n: i } });
		await journaliser(base.db, { evenement: 'desactivation', utilisateurId: 'camille', cibleId: 'awa', courriel: 'awa@exemple.test' });
		const p1 = await journal(base.db, {});
		expect(p1.lignes).toHaveLength(50);
		expect(p1.suivante).toBe(true);
		expect(p1.lignes[0]).toMatchObject({ libelle: 'Compte désactivé', auteur: 'Camille Martin', courriel: 'awa@exemple.test' });
		expect((await journal(base.db, { page: 2 })).lignes).toHaveLength(6);
		expect((await journal(base.db, { evenement: 'desactivation' })).lignes).toHaveLength(1);
		// An unknown kind of event is no filter, not an error.
		expect((await journal(base.db, { evenement: "'; drop table x; --" })).lignes).toHaveLength(50);
	});
});

describe('personal data', () => {
	it('exports what concerns me, without password hashes or tokens', async () => {
		const o = await nouvelleOrganisation(base.db, { nom: 'Coopérative', type: 'association', pays: 'FR', codeTerritoire: null, description: '' }, 'camille');
		await creerInvitation(base.db, { organisationId: o.id, courriel: 'awa@exemple.test', role: 'membre', invitePar: 'camille' });
		const d = (await mesDonnees(base.db, 'camille'))!;
		expect(d.compte).toMatchObject({ nom: 'Camille Martin', courriel: 'camille@exemple.test', role: 'administrateur' });
		expect(d.organisations).toEqual([expect.objectContaining({ organisation: 'Coopérative', role: 'proprietaire' })]);
		expect(d.invitationsEnvoyees).toEqual([expect.objectContaining({ courriel: 'awa@exemple.test' })]);
		expect(d.moyensDeConnexion).toEqual([expect.objectContaining({ fournisseur: 'credential' })]);
		const texte = JSON.stringify(d);
		expect(texte).not.toContain('secret-hash');
		expect(texte).not.toContain('jeton');
		expect(JSON.stringify(await mesDonnees(base.db, 'awa'))).toContain('Coopérative');
	});

	it('deletes an account with its lone organisations, keeps shared ones, and blocks the last owner of a team', async () => {
		const seule = await nouvelleOrganisation(base.db, { nom: 'Seule', type: 'autre', pays: 'FR', codeTerritoire: null, description: '' }, 'pct');
		const partagee = await nouvelleOrganisation(base.db, { nom: 'Partagée', type: 'autre', pays: 'SN', codeTerritoire: null, description: '' }, 'pct');
		await demanderAdhesion(base.db, partagee.id, 'awa', '');
		const [d] = await base.db.select({ id: demandesAdhesion.id }).from(demandesAdhesion).where(eq(demandesAdhesion.organisationId, partagee.id));
		await traiterDemande(base.db, partagee.id, d!.id, true, 'pct');
		expect(await organisationsABloquer(base.db, 'pct')).toEqual(['Partagée']);
		// A project with others in its team needs another pilot; a project of one goes with its account.
		const commun = await creerProjet(base.db, { organisationId: partagee.id, titre: 'Commun' }, 'pct');
		await ajouterAuProjet(base.db, commun.id, 'awa', 'contributeur');
		expect(await organisationsABloquer(base.db, 'pct')).toEqual(['Partagée', 'le projet « Commun »']);
		await ajouterAuProjet(base.db, commun.id, 'camille', 'contributeur');
		await commenter(base.db, { projetId: commun.id, section: 'budget', auteurId: 'camille', texte: 'Vu.' });
		await creerProjet(base.db, { organisationId: seule.id, titre: 'Solo' }, 'camille');
		expect(JSON.stringify((await mesDonnees(base.db, 'camille'))!.projets)).toContain('Vu.');

		await supprimerCompte(base.db, 'camille');
		expect(await base.db.select().from(utilisateurs).where(eq(utilisateurs.id, 'camille'))).toEqual([]);
		expect((await base.db.select({ nom: organisations.nom }).from(organisations)).map((o) => o.nom).sort()).toEqual(['Partagée', 'Seule']);
		expect((await base.db.select({ titre: projets.titre }).from(projets)).map((p) => p.titre)).toEqual(['Commun']);
		expect(await base.db.select({ auteur: projetsCommentaires.auteurId, texte: projetsCommentaires.texte }).from(projetsCommentaires)).toEqual([{ auteur: null, texte: 'Vu.' }]);
		// What the account did stays, attributed to no one.
		const lignes = await base.db.select({ auteur: journalSecurite.utilisateurId }).from(journalSecurite);
		expect(lignes.length).toBeGreaterThan(50);
		expect(lignes.every((l) => l.auteur === null)).toBe(true);
		expect(seule.id).toBeGreaterThan(0);
	});
});
