// The organisation's dashboard on the real database: who sees which project, what is counted as
// waiting or late, and the queries, as many for three projects as for one.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section, type Ligne } from '#lib/projets/sections.ts';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { projetsDeTest } from '../../../../../tests/support/organisations.ts';
import { membres, projets, projetsEquipe } from '../../db/schema.ts';
import { ajouterAuProjet, enregistrerSection } from '../../projets/projets.ts';
import { enregistrerCompteRendu } from '../comptes-rendus/base.ts';
import { lireSuivis } from '../lecture.ts';
import { ajouterPeriodes, periodesDuProjet } from '../periodes/base.ts';
import { enregistrerValeur } from '../valeurs/base.ts';
import { tableauDeLOrganisation } from './base.ts';

let base: BaseDeTest;
let requetes = 0;
let ids: number[];
let organisationId: number;
const acteur = (id: string, nom: string) => ({ role: 'membre' as const, id, nom, courriel: `${id}@exemple.test`, sessionId: 's', fuseau: 'Europe/Paris' });

beforeAll(async () => {
	base = await baseDeTest({ journal: () => requetes++ });
	ids = await projetsDeTest(base.db, 'Alpha', 'Bêta', 'Gamma');
	const [alpha] = ids as [number];
	organisationId = (await base.db.select({ o: projets.organisationId }).from(projets).where(eq(projets.id, alpha)))[0]!.o;
	await base.db.insert(membres).values({ organisationId, utilisateurId: 'awa', role: 'membre' });
	await ajouterAuProjet(base.db, alpha, 'awa', 'lecteur');
	// Camille owns the organisation but has left Gamma's team.
	await base.db.delete(projetsEquipe).where(and(eq(projetsEquipe.projetId, ids[2]!), eq(projetsEquipe.utilisateurId, 'camille')));
	const indicateurs: Ligne[] = [
		{ id: 'ici000001', indicateur: 'Agents formés', type: 'nombre', agregation: 'somme', cote: 'ici', reference: 0, cible: 20 },
		{ id: 'labas0001', indicateur: 'Jeunes accueillis', type: 'nombre', agregation: 'somme', cote: 'la-bas', cible: 24 }
	];
	expect((await enregistrerSection(base.db, { projetId: alpha, section: section('cadre-logique')!, donnees: { indicateurs }, versionLue: 0, auteurId: 'camille' })).ok).toBe(true);
	// A closed period (2025) and one far ahead.
	await ajouterPeriodes(base.db, alpha, [{ libelle: 'S1 2025', debut: '2025-01-01', fin: '2025-06-30' }, { libelle: 'S1 2099', debut: '2099-01-01', fin: '2099-06-30' }], 'camille');
	const [close] = await periodesDuProjet(base.db, alpha);
	await enregistrerValeur(base.db, { projetId: alpha, periodeId: close!.id, indicateur: 'ici000001', cote: 'ici', contenu: { valeur: 8, numerateur: null, denominateur: null, texte: null, commentaire: '', ventilation: null }, soumettre: true, versionLue: 0, auteurId: 'camille' });
	await enregistrerCompteRendu(base.db, { projetId: alpha, periodeId: close!.id, cote: 'ici', contenu: { realise: 'Deux sessions de formation.', changements: '', difficultes: '', ajustements: '', suite: '' }, soumettre: true, versionLue: 0, auteurId: 'camille' });
});
afterAll(() => base.detruire());

describe('the organisation’s dashboard', () => {
	it('counts what waits for the pilot and what is late in a closed period, on each side', async () => {
		const t = await tableauDeLOrganisation(base.db, { organisationId, acteur: acteur('camille', 'Camille'), roleOrganisation: 'proprietaire' });
		const alpha = t.projets.find((p) => p.titre === 'Alpha')!;
		expect(alpha.etat).toMatchObject({ periodes: 2, closes: 1, enCours: null, aValider: 2, renvoyes: 0, valeursEnRetard: 1, comptesRendusEnRetard: 1 });
		// Only what is measured in France, with its target.
		expect(alpha.etat.indicateursIci).toEqual([{ id: 'ici000001', libelle: 'Agents formés', total: '—', cible: '20', avancement: null }]);
		expect(t.projets.find((p) => p.titre === 'Bêta')!.etat).toMatchObject({ periodes: 0, aValider: 0, valeursEnRetard: 0 });
	});

	it('shows an owner every project, opening only those of her teams; a member the projects of his teams only', async () => {
		const proprietaire = await tableauDeLOrganisation(base.db, { organisationId, acteur: acteur('camille', 'Camille'), roleOrganisation: 'proprietaire' });
		expect(proprietaire.projets.map((p) => [p.titre, p.ouvrir, p.role])).toEqual([
			['Alpha', true, 'Pilote'],
			['Bêta', true, 'Pilote'],
			['Gamma', false, null]
		]);
		expect(proprietaire.caches).toBe(0);
		// Outside Gamma's team: its counts, not what it does.
		const gamma = proprietaire.projets.find((p) => p.titre === 'Gamma')!.etat;
		expect([gamma.avertissements, gamma.indicateursIci]).toEqual([[], []]);
		const membre = await tableauDeLOrganisation(base.db, { organisationId, acteur: acteur('awa', 'Awa'), roleOrganisation: 'membre' });
		expect(membre.projets.map((p) => [p.titre, p.role])).toEqual([['Alpha', 'Lecteur·rice']]);
		expect(membre.caches).toBe(2);
	});

	it('reads three projects in as many queries as one', async () => {
		requetes = 0;
		await lireSuivis(base.db, [ids[0]!]);
		const un = requetes;
		requetes = 0;
		const trois = await lireSuivis(base.db, ids);
		expect(requetes).toBe(un);
		expect([...trois.keys()]).toEqual(ids);
		requetes = 0;
		expect((await lireSuivis(base.db, [])).size).toBe(0);
		expect(requetes).toBe(0);
	});
});
