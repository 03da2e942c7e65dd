// Organisations on the real database (PGlite, or PostgreSQL with DATABASE_URL).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { fiches, invitations, membres, utilisateurs } from '../db/schema.ts';
import {
	accepterInvitation,
	changerRole,
	creerInvitation,
	creerOrganisation,
	demanderAdhesion,
	equipe,
	fichesDeLOrganisation,
	invitationParJeton,
	retirerMembre,
	revoquerInvitation,
	roleDans,
	traiterDemande
} from './organisations.ts';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values(
		['camille', 'awa', 'hugo'].map((id) => ({ id, name: id, email: `${id}@exemple.test`, emailVerified: true }))
	);
});
afterAll(() => base.detruire());

const departement = { nom: 'Département de Loire-Atlantique', type: 'departement', pays: 'FR', codeTerritoire: '44', description: '' } as const;

describe('organisations', () => {
	it('make their creator the owner, and give each a unique address', async () => {
		const a = await creerOrganisation(base.db, departement, 'camille');
		const b = await creerOrganisation(base.db, departement, 'awa');
		expect(a.slug).toBe('departement-de-loire-atlantique');
		expect(b.slug).toBe('departement-de-loire-atlantique-2');
		expect(await roleDans(base.db, a.id, 'camille')).toBe('proprietaire');
		expect(await roleDans(base.db, a.id, 'awa')).toBeNull();
	});

	it('accept an invitation once, before it expires, unless revoked; only its hash is stored', async () => {
		const o = await creerOrganisation(base.db, { ...departement, nom: 'Invitations' }, 'camille');
		const jeton = await creerInvitation(base.db, { organisationId: o.id, courriel: 'awa@exemple.test', role: 'gestionnaire', invitePar: 'camille' });
		const [stockee] = await base.db.select().from(invitations).where(eq(invitations.organisationId, o.id));
		expect(stockee!.jetonHache).not.toContain(jeton);
		const i = (await invitationParJeton(base.db, jeton))!;
		expect(i.etat).toBe('valable');
		// Valid seven days.
		expect(Math.round((i.expireLe.getTime() - Date.now()) / 86_400_000)).toBe(7);
		expect(await accepterInvitation(base.db, i.id, 'awa')).toBe(true);
		expect(await accepterInvitation(base.db, i.id, 'hugo')).toBe(false);
		expect(await roleDans(base.db, o.id, 'awa')).toBe('gestionnaire');
		expect((await invitationParJeton(base.db, jeton))!.etat).toBe('acceptee');

		const expiree = await creerInvitation(base.db, { organisationId: o.id, courriel: 'hugo@exemple.test', role: 'membre', invitePar: 'camille' });
		await base.db.execute(sql`update invitations set expire_le = now() - interval '1 minute' where courriel = 'hugo@exemple.test'`);
		const e = (await invitationParJeton(base.db, expiree))!;
		expect(e.etat).toBe('expiree');
		expect(await accepterInvitation(base.db, e.id, 'hugo')).toBe(false);

		const revoquee = await creerInvitation(base.db, { organisationId: o.id, courriel: 'hugo@exemple.test', role: 'membre', invitePar: 'camille' });
		const r = (await invitationParJeton(base.db, revoquee))!;
		// Another organisation's id cannot revoke it.
		expect(await revoquerInvitation(base.db, o.id + 1000, r.id)).toBeUndefined();
		expect(await revoquerInvitation(base.db, o.id, r.id)).toEqual({ courriel: 'hugo@exemple.test' });
		expect(await accepterInvitation(base.db, r.id, 'hugo')).toBe(false);
		expect(await invitationParJeton(base.db, 'faux')).toBeUndefined();
		expect((await equipe(base.db, o.id)).invitations).toEqual([]);
	});

	it('keep at least one owner', async () => {
		const o = await creerOrganisation(base.db, { ...departement, nom: 'Propriétaires' }, 'camille');
		expect(await retirerMembre(base.db, o.id, 'camille')).toMatch(/dernier propriétaire/);
		expect(await changerRole(base.db, o.id, 'camille', 'membre')).toMatch(/dernier propriétaire/);
		expect(await demanderAdhesion(base.db, o.id, 'hugo', 'Bonjour')).toBe(true);
		expect(await demanderAdhesion(base.db, o.id, 'hugo', 'Encore')).toBe(false);
		const [d] = (await equipe(base.db, o.id)).demandes;
		expect(await traiterDemande(base.db, o.id + 1000, d!.id, true, 'camille')).toBeUndefined();
		expect(await traiterDemande(base.db, o.id, d!.id, true, 'camille')).toBe('hugo');
		expect(await traiterDemande(base.db, o.id, d!.id, true, 'camille')).toBeUndefined();
		expect(await changerRole(base.db, o.id, 'hugo', 'proprietaire')).toBeUndefined();
		// Two owners now: one may step down.
		expect(await changerRole(base.db, o.id, 'camille', 'membre')).toBeUndefined();
		expect(await retirerMembre(base.db, o.id, 'camille')).toBeUndefined();
		expect((await equipe(base.db, o.id)).membres.map((m) => [m.id, m.role])).toEqual([['hugo', 'proprietaire']]);
	});
});

describe('an organisation’s fiches', () => {
	it('lists the fiches it published that the reader may see', async () => {
		const o = await creerOrganisation(base.db, { ...departement, nom: 'Éditrice' }, 'camille');
		const commun = { porteur: 'Un Département', typePorteur: 'departement', partenairesIci: [], partenairesLaBas: [], financements: [], temoignages: [], ressources: [], contacts: [], exemple: false, source: 'app', contexte: 'c', objectifs: 'o', demarche: 'd', acteursGouvernance: 'a', implicationPublics: 'i', transversalite: 't', resultatsIci: 'r', resultatsLaBas: 'r', difficultes: 'd', enseignements: 'e', recommandationsTexte: 'r', transferabilite: 't', organisationId: o.id };
		await base.db.insert(fiches).values([
			{ ...commun, slug: 'publiee-2020', titre: 'Publiée en 2020', resume: 'R', statut: 'publiee', periodeDebut: '2020' },
			{ ...commun, slug: 'publiee-2023', titre: 'Publiée en 2023', resume: 'R', statut: 'publiee', periodeDebut: '2023' },
			{ ...commun, slug: 'brouillon', titre: 'Brouillon', resume: 'R', statut: 'brouillon', periodeDebut: '2024' }
		]);
		expect((await fichesDeLOrganisation(base.db, o.id, ['publiee'])).map((f) => f.slug)).toEqual(['publiee-2023', 'publiee-2020']);
		expect(await fichesDeLOrganisation(base.db, o.id, ['publiee', 'brouillon'])).toHaveLength(3);
		expect(await fichesDeLOrganisation(base.db, o.id + 1, ['publiee'])).toEqual([]);
	});
});

describe('the last owner, under concurrency', () => {
	it('remains when two owners demote each other, or leave, at the same instant', async () => {
		// Repeated: on PostgreSQL both transactions run at once; without the row lock both see
		// two owners and both step down.
		for (let i = 0; i < 8; i++) {
			const o = await creerOrganisation(base.db, { ...departement, nom: `Concurrence ${i}` }, 'camille');
			await base.db.insert(membres).values({ organisationId: o.id, utilisateurId: 'awa', role: 'proprietaire' });
			const refus = await Promise.all(
				i % 2 === 0 ? [changerRole(base.db, o.id, 'camille', 'membre'), changerRole(base.db, o.id, 'awa', 'membre')] : [retirerMembre(base.db, o.id, 'camille'), retirerMembre(base.db, o.id, 'awa')]
			);
			expect(refus.filter(Boolean)).toHaveLength(1);
			const roles = await Promise.all(['camille', 'awa'].map((id) => roleDans(base.db, o.id, id)));
			expect(roles.filter((r) => r === 'proprietaire')).toHaveLength(1);
		}
	});
});
