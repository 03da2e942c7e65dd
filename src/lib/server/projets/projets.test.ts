// Projects on the real database (PGlite, or PostgreSQL with DATABASE_URL): creation, the
// team's rules, saving with optimistic concurrency, revisions and restoring.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section } from '#lib/projets/sections.ts';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { utilisateurs } from '../db/schema.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import {
	accepterInvitationProjet,
	ajouterAuProjet,
	changerRoleProjet,
	creerInvitationProjet,
	creerProjet,
	enregistrerSection,
	etatSection,
	invitationProjetParJeton,
	membresAjoutables,
	mesProjets,
	projetParId,
	projetsPublics,
	rendrePublic,
	retirerDuProjet,
	revision,
	revisions,
	revoquerInvitationProjet,
	roleSurProjet
} from './projets.ts';

let base: BaseDeTest;
let organisationId: number;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values(['camille', 'awa', 'hugo'].map((id) => ({ id, name: id, email: `${id}@exemple.test`, emailVerified: true })));
	organisationId = (await nouvelleOrganisation(base.db, { nom: 'Département de Loire-Atlantique', type: 'departement', pays: 'FR', codeTerritoire: '44', description: '' }, 'camille')).id;
});
afterAll(() => base.detruire());

const jetonDe = async (r: ReturnType<typeof creerInvitationProjet>) => {
	const i = await r;
	if (!i.ok) throw new Error(`invitation refusée : ${i.raison}`);
	return i.jeton;
};
const inviter = (projetId: number, courriel: string, invitePar = 'camille') => creerInvitationProjet(base.db, { projetId, courriel, role: 'lecteur', invitePar });

const diagnostic = section('diagnostic')!;
const identite = section('identite')!;

describe('projects', () => {
	it('start with their creator as pilot and a first version of their identity', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Mobilité des jeunes' }, 'camille');
		expect(await roleSurProjet(base.db, p.id, 'camille')).toBe('pilote');
		expect(await roleSurProjet(base.db, p.id, 'awa')).toBeNull();
		expect(await etatSection(base.db, p.id, 'identite')).toMatchObject({ version: 1, donnees: { titre: 'Mobilité des jeunes' }, modifiePar: 'camille' });
		expect(await mesProjets(base.db, 'camille')).toMatchObject([{ id: p.id, titre: 'Mobilité des jeunes', role: 'pilote', sectionsRemplies: 1, sectionsTotal: 9 }]);
		expect(await mesProjets(base.db, 'awa')).toEqual([]);
	});

	it('refuse the second of two saves made from the same version, and keep both in the end', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Concurrence' }, 'camille');
		await ajouterAuProjet(base.db, p.id, 'awa', 'contributeur');
		const premier = await enregistrerSection(base.db, { projetId: p.id, section: diagnostic, donnees: { besoinsLaBas: 'Awa' }, versionLue: 0, auteurId: 'awa' });
		expect(premier).toEqual({ ok: true, version: 1, changements: ['Besoins là-bas'] });
		const second = await enregistrerSection(base.db, { projetId: p.id, section: diagnostic, donnees: { besoinsIci: 'Camille' }, versionLue: 0, auteurId: 'camille' });
		expect(second).toMatchObject({ ok: false, actuel: { version: 1, donnees: { besoinsLaBas: 'Awa' }, modifiePar: 'awa' } });
		// Saving again from the version shown replaces it knowingly; the history keeps both.
		const resolu = await enregistrerSection(base.db, { projetId: p.id, section: diagnostic, donnees: { besoinsIci: 'Camille', besoinsLaBas: 'Awa' }, versionLue: 1, auteurId: 'camille' });
		expect(resolu).toEqual({ ok: true, version: 2, changements: ['Besoins ici'] });
		const h = await revisions(base.db, p.id, 'diagnostic');
		expect(h.map((r) => [r.version, r.auteur])).toEqual([
			[2, 'camille'],
			[1, 'awa']
		]);
	});

	it('let only one of many simultaneous saves through', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Course' }, 'camille');
		const essais = await Promise.all(
			Array.from({ length: 5 }, (_, i) => enregistrerSection(base.db, { projetId: p.id, section: diagnostic, donnees: { mandat: `Version ${i}` }, versionLue: 0, auteurId: 'camille' }))
		);
		expect(essais.filter((e) => e.ok)).toHaveLength(1);
		expect((await etatSection(base.db, p.id, 'diagnostic')).version).toBe(1);
	});

	it('restore an earlier version as a new one and keep the title in step with the identity', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Avant' }, 'camille');
		await enregistrerSection(base.db, { projetId: p.id, section: identite, donnees: { titre: 'Après' }, versionLue: 1, auteurId: 'camille' });
		expect((await projetParId(base.db, p.id))!.titre).toBe('Après');
		const v1 = (await revisions(base.db, p.id, 'identite')).find((r) => r.version === 1)!;
		const r = await revision(base.db, p.id, v1.id);
		expect(r!.donnees).toEqual({ titre: 'Avant' });
		const restaure = await enregistrerSection(base.db, { projetId: p.id, section: identite, donnees: r!.donnees, versionLue: 2, auteurId: 'camille', restaure: 1 });
		expect(restaure).toMatchObject({ ok: true, version: 3 });
		expect((await projetParId(base.db, p.id))!.titre).toBe('Avant');
		expect((await revisions(base.db, p.id, 'identite'))[0]).toMatchObject({ version: 3, restaure: 1 });
		// A revision of another project is not found through this one.
		const autre = await creerProjet(base.db, { organisationId, titre: 'Autre' }, 'camille');
		expect(await revision(base.db, autre.id, v1.id)).toBeUndefined();
	});
});

describe('the team', () => {
	it('keeps at least one pilot', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Équipe' }, 'camille');
		expect(await retirerDuProjet(base.db, p.id, 'camille')).toContain('Le dernier pilote ne peut quitter le projet');
		expect(await changerRoleProjet(base.db, p.id, 'camille', 'lecteur')).toContain('au moins un pilote');
		await ajouterAuProjet(base.db, p.id, 'awa', 'pilote');
		expect(await changerRoleProjet(base.db, p.id, 'camille', 'lecteur')).toBeUndefined();
		expect(await roleSurProjet(base.db, p.id, 'camille')).toBe('lecteur');
		expect(await retirerDuProjet(base.db, p.id, 'hugo')).toBe('Cette personne ne fait pas partie de l’équipe.');
	});

	it('keeps one pilot when two pilots demote each other, or leave, at the same instant', async () => {
		// Repeated: on PostgreSQL both run at once; without the row lock both would succeed.
		for (let i = 0; i < 8; i++) {
			const p = await creerProjet(base.db, { organisationId, titre: `Concurrence ${i}` }, 'camille');
			await ajouterAuProjet(base.db, p.id, 'awa', 'pilote');
			const refus = await Promise.all(
				i % 2 === 0 ? [changerRoleProjet(base.db, p.id, 'camille', 'lecteur'), changerRoleProjet(base.db, p.id, 'awa', 'contributeur')] : [retirerDuProjet(base.db, p.id, 'camille'), retirerDuProjet(base.db, p.id, 'awa')]
			);
			expect(refus.filter(Boolean)).toHaveLength(1);
			const roles = await Promise.all(['camille', 'awa'].map((id) => roleSurProjet(base.db, p.id, id)));
			expect(roles.filter((r) => r === 'pilote')).toHaveLength(1);
		}
	});

	it('offers to add members of the porteur organisation not yet in the team', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Ajouts' }, 'camille');
		expect(await membresAjoutables(base.db, p.id, organisationId)).toEqual([]);
	});

	it('accepts an invitation once, and not after it was revoked', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Invitations' }, 'camille');
		const jeton = await jetonDe(creerInvitationProjet(base.db, { projetId: p.id, courriel: 'awa@exemple.test', role: 'contributeur', invitePar: 'camille' }));
		const i = await invitationProjetParJeton(base.db, jeton);
		expect(i).toMatchObject({ projet: 'Invitations', role: 'contributeur', etat: 'valable' });
		expect(await accepterInvitationProjet(base.db, i!.id, 'awa')).toBe(p.id);
		expect(await accepterInvitationProjet(base.db, i!.id, 'awa')).toBeUndefined();
		expect(await roleSurProjet(base.db, p.id, 'awa')).toBe('contributeur');
		const j2 = await jetonDe(creerInvitationProjet(base.db, { projetId: p.id, courriel: 'hugo@exemple.test', role: 'lecteur', invitePar: 'camille' }));
		const i2 = await invitationProjetParJeton(base.db, j2);
		const autre = await creerProjet(base.db, { organisationId, titre: 'Autre' }, 'camille');
		expect(await revoquerInvitationProjet(base.db, autre.id, i2!.id)).toBeUndefined();
		expect(await revoquerInvitationProjet(base.db, p.id, i2!.id)).toEqual({ courriel: 'hugo@exemple.test' });
		expect((await invitationProjetParJeton(base.db, j2))!.etat).toBe('revoquee');
		expect(await accepterInvitationProjet(base.db, i2!.id, 'hugo')).toBeUndefined();
		expect(await invitationProjetParJeton(base.db, 'inconnu')).toBeUndefined();
	});

	it('refuse to invite oneself, a team member, or an address already invited, whatever its case; not after expiry or revocation', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Refus d’invitation' }, 'camille');
		expect(await inviter(p.id, 'CAMILLE@exemple.test')).toEqual({ ok: false, raison: 'soi-meme' });
		await ajouterAuProjet(base.db, p.id, 'awa', 'contributeur');
		expect(await inviter(p.id, 'Awa@Exemple.Test')).toEqual({ ok: false, raison: 'deja-membre' });
		await jetonDe(inviter(p.id, 'partenaire@ziguinchor.test'));
		expect(await inviter(p.id, 'Partenaire@Ziguinchor.TEST', 'awa')).toEqual({ ok: false, raison: 'deja-invite', expireLe: expect.any(Date) });
		// Expired: a new invitation replaces it, and the old link says it expired.
		const ancien = (await base.db.execute(sql`update projets_invitations set expire_le = now() - interval '1 minute' where projet_id = ${p.id} returning id`)) as unknown;
		expect(ancien).toBeTruthy();
		const nouveau = await jetonDe(inviter(p.id, 'partenaire@ziguinchor.test'));
		const i = (await invitationProjetParJeton(base.db, nouveau))!;
		expect(i.etat).toBe('valable');
		await revoquerInvitationProjet(base.db, p.id, i.id);
		expect(await inviter(p.id, 'partenaire@ziguinchor.test')).toMatchObject({ ok: true });
		// Two posts at once: one invitation.
		const deux = await Promise.all([inviter(p.id, 'double@exemple.test'), inviter(p.id, 'DOUBLE@exemple.test', 'awa')]);
		expect(deux.map((x) => x.ok).sort()).toEqual([false, true]);
	});

	it('lists public projects with their territories', async () => {
		const p = await creerProjet(base.db, { organisationId, titre: 'Public' }, 'camille');
		await enregistrerSection(base.db, {
			projetId: p.id,
			section: identite,
			donnees: { titre: 'Public', territoiresIci: [{ departement: '44', communes: '' }], territoiresLaBas: [{ pays: 'SN', territoire: 'Ziguinchor' }, { pays: 'SN', territoire: 'Oussouye' }] },
			versionLue: 1,
			auteurId: 'camille'
		});
		expect((await projetsPublics(base.db)).map((x) => x.id)).not.toContain(p.id);
		await rendrePublic(base.db, p.id, true);
		expect((await projetsPublics(base.db)).find((x) => x.id === p.id)).toEqual({ id: p.id, titre: 'Public', porteur: 'Département de Loire-Atlantique', departements: ['44'], pays: ['SN'] });
	});
});
