// Indicator values on the real database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { projetsDeTest } from '../../../../../tests/support/organisations.ts';
import { ajouterPeriodes, periodesDuProjet, supprimerPeriode } from '../periodes/base.ts';
import { deciderValeur, enregistrerValeur, historiqueDeLaPeriode, valeursDuProjet, verrouillerPeriode } from './base.ts';

let base: BaseDeTest;
let projet: number;
let autre: number;
let t1: number;
let t2: number;
const contenu = (valeur: number, commentaire = '') => ({ valeur, numerateur: null, denominateur: null, texte: null, commentaire, ventilation: null });

beforeAll(async () => {
	base = await baseDeTest();
	[projet, autre] = (await projetsDeTest(base.db, 'Suivi', 'Autre')) as [number, number];
	await ajouterPeriodes(base.db, projet, [{ libelle: 'T1', debut: '2027-01-01', fin: '2027-03-31' }, { libelle: 'T2', debut: '2027-04-01', fin: '2027-06-30' }], 'camille');
	[t1, t2] = (await periodesDuProjet(base.db, projet)).map((p) => p.id) as [number, number];
});
afterAll(() => base.detruire());

describe('indicator values', () => {
	const entree = (p: Partial<Parameters<typeof enregistrerValeur>[1]>) =>
		enregistrerValeur(base.db, { projetId: projet, periodeId: t1, indicateur: 'ind000001', cote: 'la-bas', contenu: contenu(12), soumettre: false, versionLue: 0, auteurId: 'awa', ...p });

	it('go from draft to submitted to returned with a note, then to validated, every step kept with who and when', async () => {
		expect(await entree({})).toMatchObject({ ok: true, statut: 'brouillon' });
		// The second save from the same version is told, and nothing changes.
		expect(await entree({ contenu: contenu(99) })).toMatchObject({ ok: false, raison: 'conflit' });
		expect(await entree({ contenu: contenu(14, 'Listes de présence'), soumettre: true, versionLue: 1 })).toMatchObject({ ok: true, statut: 'soumise' });
		const [v] = await valeursDuProjet(base.db, projet, t1);
		expect(v).toMatchObject({ valeur: 14, commentaire: 'Listes de présence', statut: 'soumise', version: 2, auteur: 'Awa', cote: 'la-bas' });
		expect(await deciderValeur(base.db, { projetId: projet, valeurId: v!.id, decision: 'renvoyer', note: 'Il manque la liste du 12 mars.', versionLue: 2, auteurId: 'camille' })).toMatchObject({ ok: true, statut: 'renvoyee' });
		// A returned value cannot be validated before it is submitted again.
		expect(await deciderValeur(base.db, { projetId: projet, valeurId: v!.id, decision: 'valider', versionLue: 3, auteurId: 'camille' })).toMatchObject({ ok: false, raison: 'statut' });
		expect(await entree({ contenu: contenu(15, 'Listes complètes'), soumettre: true, versionLue: 3 })).toMatchObject({ ok: true, statut: 'soumise' });
		expect(await deciderValeur(base.db, { projetId: projet, valeurId: v!.id, decision: 'valider', versionLue: 4, auteurId: 'camille' })).toMatchObject({ ok: true, statut: 'validee' });
		// Validated: not changed again until a pilot returns it.
		expect(await entree({ contenu: contenu(16), versionLue: 5 })).toMatchObject({ ok: false, raison: 'validee' });
		const h = await historiqueDeLaPeriode(base.db, projet, t1);
		expect(h.map((e) => [e.action, e.statut, e.auteur])).toEqual([
			['brouillon', 'brouillon', 'Awa'],
			['soumission', 'soumise', 'Awa'],
			['renvoi', 'renvoyee', 'Camille'],
			['soumission', 'soumise', 'Awa'],
			['validation', 'validee', 'Camille']
		]);
		expect(h[2]!.note).toBe('Il manque la liste du 12 mars.');
		expect(h[1]!.contenu).toMatchObject({ valeur: 14 });
	});

	it('lock a period only once all its values are validated; a locked period takes no value', async () => {
		expect(await entree({ periodeId: t2, cote: 'ici', auteurId: 'camille' })).toMatchObject({ ok: true });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t2, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: false, raison: 'en-attente', n: 1 });
		// A draft on an indicator no longer followed does not hold the period open.
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t2, verrouiller: true, auteurId: 'camille', series: [{ indicateur: 'ind000009', cote: 'ici' }] })).toEqual({ ok: true });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t2, verrouiller: false, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t1, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await entree({ cote: 'ici', auteurId: 'camille' })).toMatchObject({ ok: false, raison: 'verrouillee' });
		const [v] = await valeursDuProjet(base.db, projet, t1);
		expect(await deciderValeur(base.db, { projetId: projet, valeurId: v!.id, decision: 'renvoyer', note: 'x', versionLue: v!.version, auteurId: 'camille' })).toMatchObject({ ok: false, raison: 'verrouillee' });
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t1, verrouiller: false, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await entree({ cote: 'ici', auteurId: 'camille' })).toMatchObject({ ok: true });
	});

	it('belong to their project: another project’s period or value is not found, and a period holding values stays', async () => {
		expect(await entree({ projetId: autre })).toMatchObject({ ok: false, raison: 'periode-absente' });
		const [v] = await valeursDuProjet(base.db, projet, t1);
		expect(await deciderValeur(base.db, { projetId: autre, valeurId: v!.id, decision: 'valider', versionLue: v!.version, auteurId: 'camille' })).toMatchObject({ ok: false, raison: 'absente' });
		// Nor from another period's page of the same project.
		expect(await deciderValeur(base.db, { projetId: projet, periodeId: t2, valeurId: v!.id, decision: 'valider', versionLue: v!.version, auteurId: 'camille' })).toMatchObject({ ok: false, raison: 'absente' });
		expect(await supprimerPeriode(base.db, projet, t1)).toBe('tenue');
		expect((await periodesDuProjet(base.db, projet)).length).toBe(2);
	});

	it('keep one first entry when two are saved at the same instant', async () => {
		const deux = await Promise.all([entree({ indicateur: 'ind000002', contenu: contenu(1) }), entree({ indicateur: 'ind000002', contenu: contenu(2), auteurId: 'camille' })]);
		expect(deux.map((r) => r.ok).sort()).toEqual([false, true]);
		expect((await valeursDuProjet(base.db, projet, t1)).filter((v) => v.indicateur === 'ind000002')).toHaveLength(1);
	});
});
