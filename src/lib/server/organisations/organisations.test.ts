// Organisations on the real database (PGlite, or PostgreSQL with DATABASE_URL).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { fiches, invitations, membres, utilisateurs } from '../db/schema.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import {
	accepterInvitation,
	changerRole,
	creerInvitation,
	creerOrganisation,
	demanderAdhesion,
	equipe,
	fichesDeLOrganisation,
	invitationParJeton,
	modifierOrganisation,
	nomCompare,
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

const association = { nom: 'Solidarité Nantes–Ziguinchor', type: 'association', pays: 'FR', codeTerritoire: null, description: '' } as const;
const departement = { nom: 'Département de Loire-Atlantique', type: 'departement', pays: 'FR', codeTerritoire: '44', description: '' } as const;
const invitation = (organisationId: number, courriel: string, invitePar = 'camille') => creerInvitation(base.db, { organisationId, courriel, role: 'membre', invitePar });
const jetonDe = async (r: ReturnType<typeof invitation>) => {
	const i = await r;
	if (!i.ok) throw new Error(`invitation refusée : ${i.raison}`);
	return i.jeton;
};

describe('organisations', () => {
	it('make their creator the owner, and give each a unique address', async () => {
		const a = await nouvelleOrganisation(base.db, association, 'camille');
		// Another association of the same name, confirmed as another body.
		const b = await nouvelleOrganisation(base.db, association, 'awa', [a.id]);
		expect(a.slug).toBe('solidarite-nantes-ziguinchor');
		expect(b.slug).toBe('solidarite-nantes-ziguinchor-2');
		expect(await roleDans(base.db, a.id, 'camille')).toBe('proprietaire');
		expect(await roleDans(base.db, a.id, 'awa')).toBeNull();
	});

	it('refuse a second organisation for a Département, a Région or a commune, whatever its name', async () => {
		const d = await nouvelleOrganisation(base.db, departement, 'camille');
		for (const nom of ['Département de Loire-Atlantique', 'DEPARTEMENT DE LOIRE ATLANTIQUE', 'Conseil départemental 44']) {
			const r = await creerOrganisation(base.db, { ...departement, nom }, 'awa', [d.id]);
			expect(r, nom).toEqual({ ok: false, meme: { id: d.id, nom: 'Département de Loire-Atlantique', slug: d.slug, typeLibelle: 'Département', territoire: 'Loire-Atlantique (44)' }, homonymes: [] });
		}
		expect(await creerOrganisation(base.db, { ...departement, codeTerritoire: '29', nom: 'Département du Finistère' }, 'awa')).toMatchObject({ ok: true });
		const region = { nom: 'Région Bretagne', type: 'region', pays: 'FR', codeTerritoire: '53', description: '' } as const;
		await nouvelleOrganisation(base.db, region, 'camille');
		expect(await creerOrganisation(base.db, { ...region, nom: 'Conseil régional' }, 'awa')).toMatchObject({ ok: false, meme: { nom: 'Région Bretagne' } });
		const commune = { nom: 'Ville de Nantes', type: 'commune-intercommunalite', pays: 'FR', codeTerritoire: '44109', description: '' } as const;
		await nouvelleOrganisation(base.db, commune, 'camille');
		expect(await creerOrganisation(base.db, { ...commune, nom: 'Mairie de Nantes' }, 'awa')).toMatchObject({ ok: false, meme: { nom: 'Ville de Nantes' } });
		// Nor can an organisation be turned into the Département's double.
		const autre = await nouvelleOrganisation(base.db, { ...departement, codeTerritoire: '85', nom: 'Département de la Vendée' }, 'awa');
		expect(await modifierOrganisation(base.db, autre.id, { ...departement, nom: 'Département de la Vendée' })).toMatchObject({ ok: false, meme: { id: d.id } });
		expect(await modifierOrganisation(base.db, d.id, { ...departement, description: 'Service des relations internationales' })).toEqual({ ok: true });
	});

	it('warn of an organisation of the same kind, country and name, compared without case nor accents, until confirmed', async () => {
		const base1 = { ...association, nom: 'Amitié Bretagne-Sénégal' };
		const a = await nouvelleOrganisation(base.db, base1, 'camille');
		expect(nomCompare('  AMITIE   bretagne sénégal ')).toBe(nomCompare('Amitié Bretagne-Sénégal'));
		const r = await creerOrganisation(base.db, { ...base1, nom: 'AMITIE bretagne  senegal' }, 'awa');
		expect(r).toEqual({ ok: false, homonymes: [{ id: a.id, nom: 'Amitié Bretagne-Sénégal', slug: a.slug, typeLibelle: 'Association', territoire: 'France' }] });
		// Elsewhere, or of another kind, it is another body.
		expect(await creerOrganisation(base.db, { ...base1, pays: 'SN' }, 'awa')).toMatchObject({ ok: true });
		expect(await creerOrganisation(base.db, { ...base1, type: 'ong' }, 'awa')).toMatchObject({ ok: true });
		// Confirmed as another body: created.
		const b = await creerOrganisation(base.db, base1, 'awa', [a.id]);
		expect(b).toMatchObject({ ok: true });
		// A confirmation covers the homonyms the person saw, not one created since.
		expect(await creerOrganisation(base.db, base1, 'hugo', [a.id])).toMatchObject({ ok: false, homonymes: [{ id: a.id }, { id: b.ok ? b.organisation.id : 0 }] });
	});

	it('let only one of two simultaneous creations of the same Département through', async () => {
		const gers = { ...departement, codeTerritoire: '32', nom: 'Département du Gers' };
		const r = await Promise.all([creerOrganisation(base.db, gers, 'camille'), creerOrganisation(base.db, { ...gers, nom: 'Gers' }, 'awa')]);
		expect(r.filter((x) => x.ok)).toHaveLength(1);
		expect(r.filter((x) => !x.ok)).toHaveLength(1);
	});

	it('accept an invitation once, before it expires, unless revoked; only its hash is stored', async () => {
		const o = await nouvelleOrganisation(base.db, { ...association, nom: 'Invitations' }, 'camille');
		const jeton = await jetonDe(creerInvitation(base.db, { organisationId: o.id, courriel: 'awa@exemple.test', role: 'gestionnaire', invitePar: 'camille' }));
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

		const expiree = await jetonDe(invitation(o.id, 'hugo@exemple.test'));
		await base.db.execute(sql`update invitations set expire_le = now() - interval '1 minute' where courriel = 'hugo@exemple.test'`);
		const e = (await invitationParJeton(base.db, expiree))!;
		expect(e.etat).toBe('expiree');
		expect(await accepterInvitation(base.db, e.id, 'hugo')).toBe(false);

		// An expired invitation does not stop a new one; its own link still says it expired.
		const revoquee = await jetonDe(invitation(o.id, 'hugo@exemple.test'));
		expect((await invitationParJeton(base.db, expiree))!.etat).toBe('expiree');
		const r = (await invitationParJeton(base.db, revoquee))!;
		// Another organisation's id cannot revoke it.
		expect(await revoquerInvitation(base.db, o.id + 1000, r.id)).toBeUndefined();
		expect(await revoquerInvitation(base.db, o.id, r.id)).toEqual({ courriel: 'hugo@exemple.test' });
		expect(await accepterInvitation(base.db, r.id, 'hugo')).toBe(false);
		expect(await invitationParJeton(base.db, 'faux')).toBeUndefined();
		expect((await equipe(base.db, o.id)).invitations).toEqual([]);
		// Revoked: the address may be invited again.
		expect(await invitation(o.id, 'hugo@exemple.test')).toMatchObject({ ok: true });
	});

	it('refuse to invite oneself, a member, or an address already invited, whatever its case', async () => {
		const o = await nouvelleOrganisation(base.db, { ...association, nom: 'Refus' }, 'camille');
		expect(await invitation(o.id, 'Camille@Exemple.test')).toEqual({ ok: false, raison: 'soi-meme' });
		await jetonDe(invitation(o.id, 'awa@exemple.test'));
		const i = (await equipe(base.db, o.id)).invitations[0]!;
		await accepterInvitation(base.db, i.id, 'awa');
		expect(await invitation(o.id, 'AWA@exemple.test')).toEqual({ ok: false, raison: 'deja-membre' });
		// An account that is not a member is invited once; the second, in another case, is refused.
		await jetonDe(invitation(o.id, 'hugo@exemple.test'));
		expect(await invitation(o.id, 'Hugo@EXEMPLE.test', 'awa')).toEqual({ ok: false, raison: 'deja-invite', expireLe: expect.any(Date) });
		// Someone without an account, twice at once: one invitation only.
		const r = await Promise.all([invitation(o.id, 'nouvelle@exemple.test'), invitation(o.id, 'Nouvelle@exemple.test', 'awa')]);
		expect(r.map((x) => x.ok).sort()).toEqual([false, true]);
		expect((await equipe(base.db, o.id)).invitations.map((x) => x.courriel).sort()).toEqual(['hugo@exemple.test', 'nouvelle@exemple.test']);
		// Another organisation may invite the same address.
		const autre = await nouvelleOrganisation(base.db, { ...association, nom: 'Autre refus' }, 'awa');
		expect(await invitation(autre.id, 'hugo@exemple.test', 'awa')).toMatchObject({ ok: true });
	});

	it('keep at least one owner', async () => {
		const o = await nouvelleOrganisation(base.db, { ...association, nom: 'Propriétaires' }, 'camille');
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
		const o = await nouvelleOrganisation(base.db, { ...association, nom: 'Éditrice' }, 'camille');
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
			const o = await nouvelleOrganisation(base.db, { ...association, nom: `Concurrence ${i}` }, 'camille');
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
