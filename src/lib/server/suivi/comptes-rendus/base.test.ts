// Narrative reports on the real database, and their part in locking a period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../../tests/support/organisations.ts';
import { utilisateurs } from '../../db/schema.ts';
import { creerProjet } from '../../projets/projets.ts';
import { ajouterPeriodes, periodesDuProjet, supprimerPeriode } from '../periodes/base.ts';
import { verrouillerPeriode } from '../valeurs/base.ts';
import { comptesRendus, deciderCompteRendu, enregistrerCompteRendu, historiqueDesComptesRendus } from './base.ts';
import { lireCompteRendu } from './regles.ts';

let base: BaseDeTest;
let projet: number;
let periode: number;
beforeAll(async () => {
	base = await baseDeTest();
	await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
	const organisation = await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille');
	projet = (await creerProjet(base.db, { organisationId: organisation.id, titre: 'Comptes rendus' }, 'camille')).id;
	await ajouterPeriodes(base.db, projet, [{ libelle: 'T1', debut: '2027-01-01', fin: '2027-03-31' }], 'camille');
	periode = (await periodesDuProjet(base.db, projet))[0]!.id;
});
afterAll(() => base.detruire());

describe('narrative reports', () => {
	it('are refused empty, too long or with control characters, the line breaks kept', () => {
		expect(lireCompteRendu({})).toEqual({ ok: false, erreurs: { realise: 'Écrivez au moins ce qui a été fait pendant la période.' } });
		expect(lireCompteRendu({ difficultes: 'x'.repeat(5001) })).toMatchObject({ ok: false, erreurs: { difficultes: expect.stringContaining('5 000 caractères au plus') } });
		expect(lireCompteRendu({ realise: 'a\u0007b' })).toMatchObject({ ok: false, erreurs: { realise: expect.stringContaining('contrôle') } });
		expect(lireCompteRendu({ realise: ' Deux chantiers\r\nUn comité ' })).toMatchObject({ ok: true, contenu: { realise: 'Deux chantiers\nUn comité', suite: '' } });
	});

	it('go through the same steps as values, and hold the period’s lock', async () => {
		const contenu = { realise: 'Deux chantiers', changements: '', difficultes: '', ajustements: '', suite: '' };
		expect(await enregistrerCompteRendu(base.db, { projetId: projet, periodeId: periode, cote: 'la-bas', contenu, soumettre: true, versionLue: 0, auteurId: 'camille' })).toEqual({ ok: true, statut: 'soumise' });
		expect(await enregistrerCompteRendu(base.db, { projetId: projet, periodeId: periode, cote: 'la-bas', contenu, soumettre: true, versionLue: 0, auteurId: 'camille' })).toEqual({ ok: false, raison: 'conflit' });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: periode, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: false, raison: 'en-attente', n: 1 });
		const [r] = await comptesRendus(base.db, projet, periode);
		expect(await deciderCompteRendu(base.db, { projetId: projet, compteRenduId: r!.id, decision: 'valider', versionLue: 1, auteurId: 'camille' })).toEqual({ ok: true, statut: 'validee' });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: periode, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await enregistrerCompteRendu(base.db, { projetId: projet, periodeId: periode, cote: 'ici', contenu, soumettre: false, versionLue: 0, auteurId: 'camille' })).toEqual({ ok: false, raison: 'verrouillee' });
		expect((await historiqueDesComptesRendus(base.db, projet, periode)).map((e) => e.action)).toEqual(['soumission', 'validation']);
		// A period holding a report is not removed.
		expect(await supprimerPeriode(base.db, projet, periode)).toBe('tenue');
	});
});
