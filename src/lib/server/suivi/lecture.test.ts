// The monitoring page reads a fixed number of queries, whatever the number of indicators,
// periods and values (a comparable results page elsewhere was reported at about 1,300).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section } from '#lib/projets/sections.ts';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { nouvelleOrganisation } from '../../../../tests/support/organisations.ts';
import { utilisateurs } from '../db/schema.ts';
import { creerProjet, enregistrerSection } from '../projets/projets.ts';
import { lireSuivi } from './lecture.ts';
import { ajouterPeriodes, periodesDuProjet } from './periodes/base.ts';
import { decouper } from './periodes/regles.ts';
import { enregistrerValeur } from './valeurs/base.ts';

let base: BaseDeTest;
let requetes = 0;
let organisationId: number;
beforeAll(async () => {
	base = await baseDeTest({ journal: () => requetes++ });
	await base.db.insert(utilisateurs).values({ id: 'camille', name: 'Camille', email: 'camille@exemple.test', emailVerified: true });
	organisationId = (await nouvelleOrganisation(base.db, { nom: 'Département de test', type: 'departement', pays: 'FR', codeTerritoire: '19', description: '' }, 'camille')).id;
});
afterAll(() => base.detruire());

/** A project with n indicators on both sides, its periods by month over a year, and values. */
async function projet(n: number, rythme: 'semestre' | 'mois') {
	const p = await creerProjet(base.db, { organisationId, titre: `Projet à ${n} indicateurs` }, 'camille');
	const indicateurs = Array.from({ length: n }, (_, i) => ({ id: `indic${String(i).padStart(4, '0')}`, indicateur: `Indicateur ${i + 1}`, type: 'nombre', agregation: 'somme', cote: 'les-deux', cible: 100 }));
	expect((await enregistrerSection(base.db, { projetId: p.id, section: section('cadre-logique')!, donnees: { indicateurs }, versionLue: 0, auteurId: 'camille' })).ok).toBe(true);
	const d = decouper('2027-01-01', '2027-12-31', rythme);
	if (!d.ok) throw new Error(d.message);
	await ajouterPeriodes(base.db, p.id, d.periodes, 'camille');
	for (const periode of await periodesDuProjet(base.db, p.id))
		for (const i of indicateurs)
			for (const cote of ['ici', 'la-bas'] as const) await enregistrerValeur(base.db, { projetId: p.id, periodeId: periode.id, indicateur: i.id, cote, contenu: { valeur: 3, numerateur: null, denominateur: null, texte: null, commentaire: '', ventilation: null }, soumettre: true, versionLue: 0, auteurId: 'camille' });
	return p.id;
}

const compter = async (projetId: number) => {
	requetes = 0;
	const s = await lireSuivi(base.db, projetId);
	return { requetes, series: s.tableau.flatMap((l) => l.series).length };
};

describe('reading a project’s monitoring', () => {
	it('takes as many queries for 2 indicators over 2 periods as for 20 over 12', { timeout: 120_000 }, async () => {
		const petit = await compter(await projet(2, 'semestre'));
		const grand = await compter(await projet(20, 'mois'));
		expect([petit.series, grand.series]).toEqual([4, 40]);
		expect(grand.requetes).toBe(petit.requetes);
		expect(petit.requetes).toBeLessThanOrEqual(8);
	});
});
