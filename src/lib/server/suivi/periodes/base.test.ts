// Reporting periods on the real database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../../tests/support/organisations.ts';
import { utilisateurs } from '../../db/schema.ts';
import { creerProjet } from '../../projets/projets.ts';
import { ajouterPeriodes, periodesDuProjet, supprimerPeriode } from './base.ts';
import { decouper } from './regles.ts';

let base: BaseDeTest;
let projetA: number;
let projetB: number;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
	const organisation = await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
	projetA = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'A' }, 'camille')).id;
	projetB = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'B' }, 'camille')).id;
});
afterAll(() => base.detruire());

const trimestres = () => {
	const r = decouper('2027-01-01', '2027-12-31', 'trimestre');
	if (!r.ok) throw new Error(r.message);
	return r.periodes;
};

describe('reporting periods in the database', () => {
	it('are added all at once, in order, and refused whole when one overlaps', async () => {
		expect(await ajouterPeriodes(base.db, projetA, trimestres(), 'camille')).toEqual({ ok: true, ajoutees: 4 });
		expect((await periodesDuProjet(base.db, projetA)).map((p) => p.libelle)).toEqual(['1er trimestre 2027', '2e trimestre 2027', '3e trimestre 2027', '4e trimestre 2027']);
		const refus = await ajouterPeriodes(base.db, projetA, [{ libelle: 'Avant', debut: '2026-12-01', fin: '2026-12-31' }, { libelle: 'Mission', debut: '2027-03-15', fin: '2027-04-15' }], 'camille');
		expect(refus).toMatchObject({ ok: false, message: expect.stringContaining('« Mission »') });
		expect(refus).toMatchObject({ message: expect.stringContaining('chevauche « 1er trimestre 2027 »') });
		// Nothing of the refused batch was stored, not even its first, valid period.
		expect(await periodesDuProjet(base.db, projetA)).toHaveLength(4);
		// Two new periods that overlap each other are refused too.
		const entre = await ajouterPeriodes(base.db, projetB, [{ libelle: 'Un', debut: '2027-01-01', fin: '2027-02-01' }, { libelle: 'Deux', debut: '2027-02-01', fin: '2027-03-01' }], 'camille');
		expect(entre).toMatchObject({ ok: false, message: expect.stringContaining('« Deux »') });
		expect(await periodesDuProjet(base.db, projetB)).toEqual([]);
	});

	it('belong to their project: another project’s period cannot be removed through this one', async () => {
		const [premiere] = await periodesDuProjet(base.db, projetA);
		expect(await supprimerPeriode(base.db, projetB, premiere!.id)).toBe('absente');
		expect(await periodesDuProjet(base.db, projetA)).toHaveLength(4);
		expect(await supprimerPeriode(base.db, projetA, premiere!.id)).toBe(true);
		expect(await periodesDuProjet(base.db, projetA)).toHaveLength(3);
	});

	it('never overlap, even when two pilots add at the same moment', async () => {
		const [un, deux] = await Promise.all([
			ajouterPeriodes(base.db, projetB, [{ libelle: 'Mission de printemps', debut: '2027-04-01', fin: '2027-04-30' }], 'camille'),
			ajouterPeriodes(base.db, projetB, [{ libelle: 'Chantier d’avril', debut: '2027-04-15', fin: '2027-05-15' }], 'camille')
		]);
		expect([un.ok, deux.ok].filter(Boolean)).toHaveLength(1);
		expect(await periodesDuProjet(base.db, projetB)).toHaveLength(1);
	});
});
