// Spending on the real database: a locked period keeps its amounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../../tests/support/organisations.ts';
import { utilisateurs } from '../../db/schema.ts';
import { creerProjet } from '../../projets/projets.ts';
import { ajouterPeriodes, periodesDuProjet, supprimerPeriode } from '../periodes/base.ts';
import { verrouillerPeriode } from '../valeurs/base.ts';
import { depensesDuProjet, enregistrerDepenses } from './base.ts';

let base: BaseDeTest;
let projet: number;
let autre: number;
let t1: number;
let t2: number;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
	const organisation = await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
	projet = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Dépenses' }, 'camille')).id;
	autre = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Autre' }, 'camille')).id;
	await ajouterPeriodes(base.db, projet, [{ libelle: 'T1', debut: '2027-01-01', fin: '2027-03-31' }, { libelle: 'T2', debut: '2027-04-01', fin: '2027-06-30' }], 'camille');
	[t1, t2] = (await periodesDuProjet(base.db, projet)).map((p) => p.id) as [number, number];
});
afterAll(() => base.detruire());

describe('spending per line and period', () => {
	it('is set, changed and cleared period by period; a locked period keeps its amount; another project’s period is refused', async () => {
		expect(await enregistrerDepenses(base.db, { projetId: projet, ligne: 'billets01', montants: new Map([[t1, 4000], [t2, 1500]]), auteurId: 'camille' })).toEqual({ ok: true });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t1, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await enregistrerDepenses(base.db, { projetId: projet, ligne: 'billets01', montants: new Map([[t1, 9999], [t2, 2000]]), auteurId: 'camille' })).toEqual({ ok: false, raison: 'verrouillee', periode: 'T1' });
		// Unchanged in the locked period, changed in the open one: accepted.
		expect(await enregistrerDepenses(base.db, { projetId: projet, ligne: 'billets01', montants: new Map([[t1, 4000], [t2, null]]), auteurId: 'camille' })).toEqual({ ok: true });
		expect((await depensesDuProjet(base.db, projet)).map((d) => [d.periodeId, d.montant])).toEqual([[t1, 4000]]);
		expect(await enregistrerDepenses(base.db, { projetId: autre, ligne: 'billets01', montants: new Map([[t2, 10]]), auteurId: 'camille' })).toEqual({ ok: false, raison: 'periode-absente' });
		expect(await supprimerPeriode(base.db, projet, t1)).toBe('tenue');
	});
});
