// Evidence in the real database (PGlite, or PostgreSQL with DATABASE_URL): the same bytes are
// stored once per project, removal keeps the history and frees bytes no evidence uses, a
// locked period takes no evidence, confidential evidence is left out when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { projetsDeTest } from '../../../../../tests/support/organisations.ts';
import { ajouterPeriodes, periodesDuProjet } from '../../suivi/periodes/base.ts';
import { verrouillerPeriode } from '../../suivi/valeurs/base.ts';
import { ajouterFichier, ajouterLien, attacherExistant, changerStockage, fichiersAAnalyser, noterAnalyse, preuvesDuProjet, retirerPreuve, type Contenu } from './base.ts';

let base: BaseDeTest;
let projet: number;
let autre: number;
let t1: number;

const contenu = (sha256: string, cle = `cle-${sha256}`): Contenu => ({ sha256, taille: 1200, type: 'application/pdf', stockage: 'disque', cle, apercu: null, analyse: 'a-analyser', signature: null });
const preuve = (p: Partial<Parameters<typeof ajouterLien>[1]> = {}) => ({ projetId: projet, cible: 'valeur' as const, cibleId: `${t1}/ind000001/la-bas`, periodeId: t1, titre: 'Liste de présence', confidentielle: false, auteurId: 'awa', ...p });

beforeAll(async () => {
	base = await baseDeTest();
	[projet, autre] = (await projetsDeTest(base.db, 'Preuves', 'Autre')) as [number, number];
	await ajouterPeriodes(base.db, projet, [{ libelle: 'T1', debut: '2027-01-01', fin: '2027-03-31' }], 'camille');
	[t1] = (await periodesDuProjet(base.db, projet)).map((p) => p.id) as [number];
});
afterAll(() => base.detruire());

describe('evidence', () => {
	it('stores the same bytes once per project, and again for another project', async () => {
		expect(await attacherExistant(base.db, { ...preuve(), sha256: 'a'.repeat(64), nomFichier: 'presence.pdf' })).toEqual({ ok: false, raison: 'absent' });
		const premier = await ajouterFichier(base.db, { ...preuve(), nomFichier: 'presence.pdf', contenu: contenu('a'.repeat(64)) });
		expect(premier).toMatchObject({ ok: true, orphelin: false });
		// Someone else attaches the same file to a report: the row is reused.
		const second = await attacherExistant(base.db, { ...preuve({ cible: 'compte-rendu', cibleId: `${t1}/la-bas`, auteurId: 'camille' }), sha256: 'a'.repeat(64), nomFichier: 'copie.pdf' });
		expect(second).toMatchObject({ ok: true });
		// Stored meanwhile under another key: the first row wins and the caller's copy is an orphan.
		expect(await ajouterFichier(base.db, { ...preuve(), nomFichier: 'encore.pdf', contenu: contenu('a'.repeat(64), 'autre-cle') })).toMatchObject({ ok: true, orphelin: true });
		expect(await ajouterFichier(base.db, { ...preuve({ projetId: autre, periodeId: null, cible: 'activite', cibleId: 'act000001' }), nomFichier: 'presence.pdf', contenu: contenu('a'.repeat(64)) })).toMatchObject({ ok: true, orphelin: false });
		const lues = await preuvesDuProjet(base.db, projet, { cibles: ['valeur', 'compte-rendu'], confidentielles: true });
		expect(lues.map((p) => [p.cible, p.nomFichier, p.cle, p.auteur])).toEqual([
			['valeur', 'presence.pdf', `cle-${'a'.repeat(64)}`, 'Awa'],
			['compte-rendu', 'copie.pdf', `cle-${'a'.repeat(64)}`, 'Camille'],
			['valeur', 'encore.pdf', `cle-${'a'.repeat(64)}`, 'Awa']
		]);
		expect(new Set(lues.map((p) => p.fichierId)).size).toBe(1);
	});

	it('frees the bytes only when the last evidence using them is removed, and keeps the history', async () => {
		const [a, b, c] = await preuvesDuProjet(base.db, projet, { cibles: ['valeur', 'compte-rendu'], confidentielles: true });
		expect(await retirerPreuve(base.db, { projetId: projet, id: a!.id, auteurId: 'camille' })).toEqual({ ok: true, cles: [] });
		expect(await retirerPreuve(base.db, { projetId: projet, id: a!.id, auteurId: 'camille' })).toEqual({ ok: false, raison: 'absente' });
		// Evidence of another project is not found through this one.
		expect(await retirerPreuve(base.db, { projetId: autre, id: b!.id, auteurId: 'camille' })).toEqual({ ok: false, raison: 'absente' });
		expect(await retirerPreuve(base.db, { projetId: projet, id: b!.id, auteurId: 'camille' })).toEqual({ ok: true, cles: [] });
		expect(await retirerPreuve(base.db, { projetId: projet, id: c!.id, auteurId: 'awa' })).toEqual({ ok: true, cles: [{ stockage: 'disque', cle: `cle-${'a'.repeat(64)}` }] });
		const lues = await preuvesDuProjet(base.db, projet, { cibles: ['valeur', 'compte-rendu'], confidentielles: true });
		expect(lues.map((p) => [p.nomFichier, p.retirant])).toEqual([
			['presence.pdf', 'Camille'],
			['copie.pdf', 'Camille'],
			['encore.pdf', 'Awa']
		]);
		// The same bytes sent again after that are stored again, under their new key.
		expect(await attacherExistant(base.db, { ...preuve(), sha256: 'a'.repeat(64), nomFichier: 'retour.pdf' })).toEqual({ ok: false, raison: 'absent' });
		expect(await ajouterFichier(base.db, { ...preuve(), nomFichier: 'retour.pdf', contenu: contenu('a'.repeat(64), 'nouvelle-cle') })).toMatchObject({ ok: true, orphelin: false });
		const [derniere] = (await preuvesDuProjet(base.db, projet, { cibles: ['valeur'], confidentielles: true })).filter((p) => p.nomFichier === 'retour.pdf');
		expect(derniere).toMatchObject({ cle: 'nouvelle-cle', retireeLe: null });
	});

	it('leaves confidential evidence out when asked', async () => {
		expect(await ajouterLien(base.db, { ...preuve({ titre: 'Photos des bénéficiaires', confidentielle: true }), lien: 'https://exemple.test/album' })).toMatchObject({ ok: true });
		const toutes = await preuvesDuProjet(base.db, projet, { cibles: ['valeur'], confidentielles: true });
		const publiques = await preuvesDuProjet(base.db, projet, { cibles: ['valeur'], confidentielles: false });
		expect(toutes.length - publiques.length).toBe(1);
		expect(publiques.some((p) => p.confidentielle)).toBe(false);
	});

	it('refuses to add or remove evidence of a locked period', async () => {
		expect(await verrouillerPeriode(base.db, { projetId: projet, periodeId: t1, verrouiller: true, auteurId: 'camille' })).toEqual({ ok: true });
		expect(await ajouterLien(base.db, { ...preuve(), lien: 'https://exemple.test/x' })).toEqual({ ok: false, raison: 'verrouillee' });
		expect(await ajouterFichier(base.db, { ...preuve(), nomFichier: 'b.pdf', contenu: contenu('b'.repeat(64)) })).toEqual({ ok: false, raison: 'verrouillee', orphelin: true });
		const [vivante] = (await preuvesDuProjet(base.db, projet, { cibles: ['valeur'], confidentielles: true })).filter((p) => !p.retireeLe);
		expect(await retirerPreuve(base.db, { projetId: projet, id: vivante!.id, auteurId: 'camille' })).toEqual({ ok: false, raison: 'verrouillee' });
		expect(await ajouterLien(base.db, { ...preuve({ periodeId: t1 + 1000 }), lien: 'https://exemple.test/x' })).toEqual({ ok: false, raison: 'periode-absente' });
	});

	it('gives a file stored unscanned the verdict of the same bytes scanned again, and frees infected bytes', async () => {
		const ailleurs = { ...preuve({ projetId: autre, periodeId: null, cible: 'activite' as const, cibleId: 'act000002' }) };
		await ajouterFichier(base.db, { ...ailleurs, nomFichier: 'x.pdf', contenu: { ...contenu('d'.repeat(64), 'cle-d'), analyse: 'non-analyse', apercu: 'cle-d.apercu.webp' } });
		const r = await attacherExistant(base.db, { ...ailleurs, sha256: 'd'.repeat(64), nomFichier: 'x.pdf', verdict: { etat: 'quarantaine', signature: 'Eicar-Test' } });
		expect(r).toMatchObject({ ok: true, analyse: 'quarantaine', cles: [{ stockage: 'disque', cle: 'cle-d' }, { stockage: 'disque', cle: 'cle-d.apercu.webp' }] });
		const [f] = (await preuvesDuProjet(base.db, autre, { cibles: ['activite'], confidentielles: true })).filter((p) => p.sha256 === 'd'.repeat(64));
		expect(f).toMatchObject({ analyse: 'quarantaine', signature: 'Eicar-Test', apercu: null });
		// A verdict never overrides one already given.
		expect(await attacherExistant(base.db, { ...ailleurs, sha256: 'd'.repeat(64), nomFichier: 'x.pdf', verdict: { etat: 'sain' } })).toMatchObject({ ok: true, analyse: 'quarantaine', cles: [] });
		// A move records nothing for a file stored again under another key meanwhile.
		expect(await changerStockage(base.db, { id: f!.fichierId!, cle: 'autre-cle' }, 'disque', 's3')).toBe(false);
		expect(await changerStockage(base.db, { id: f!.fichierId!, cle: 'cle-d' }, 'disque', 's3')).toBe(true);
	});

	it('lists the files a scanner has still to answer for, until it does', async () => {
		const avant = await fichiersAAnalyser(base.db);
		expect(avant.length).toBeGreaterThan(0);
		for (const f of avant) await noterAnalyse(base.db, f.id, 'sain', null);
		expect(await fichiersAAnalyser(base.db)).toEqual([]);
	});
});
