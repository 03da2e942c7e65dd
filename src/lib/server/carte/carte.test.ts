// The map's data and drawing on the real database: the example content (placed by region only),
// plus two published fiches that are not examples, in Loire-Atlantique with Senegal, and a draft
// that must not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { copierContenu } from '../../../../tests/support/contenu.ts';
import { importerContenu } from '../contenu/import.ts';
import { lireContenu } from '../contenu/lecture.ts';
import { carte, classe } from './carte.ts';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	const copie = copierContenu();
	const reelle = (titre: string) =>
		copie
			.lire('fiches/plateforme-jeunes-engagement-citoyen.md')
			.replace(/^titre: .*$/m, `titre: "${titre}"`)
			.replace(/^exemple: true$/m, 'exemple: false')
			.replace(/^regions: .*$/m, 'departements: ["44"]');
	copie.ecrire('fiches/reelle-senegal.md', reelle('Une fiche réelle avec le Sénégal'));
	copie.ecrire('fiches/seconde-reelle-senegal.md', reelle('Une seconde fiche réelle avec le Sénégal'));
	copie.ecrire(
		'fiches/brouillon-togo.md',
		copie.lire('fiches/volontariat-reciproque-jeunes-togo.md').replace(/^statut: .*$/m, 'statut: brouillon')
	);
	await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
	copie.nettoyer();
});
afterAll(() => base.detruire());

describe('the map', () => {
	it('counts the fiches carried by each département, and the example fiches by region', async () => {
		const c = await carte(base.db, ['publiee']);
		// Only the fiches that are not examples are in a département.
		expect(c.tableDepartements).toEqual([
			{ code: '44', nom: 'Loire-Atlantique', region: 'Pays de la Loire', n: 2, href: '/recherche?departement=44', partenaires: ['Sénégal'] }
		]);
		// The twelve example fiches, one region each, all marked as examples.
		expect(c.tableRegions).toHaveLength(12);
		expect(c.tableRegions.every((r) => r.n === 1 && r.exemples === 1)).toBe(true);
		expect(c.tableRegions.find((r) => r.code === '53')).toMatchObject({ nom: 'Bretagne', href: '/recherche?region=53', partenaires: ['Togo'] });
		const senegal = c.tablePays.find((p) => p.code === 'SN')!;
		expect(senegal).toMatchObject({ n: 3, ici: ['Loire-Atlantique', 'Normandie (région), localisation fictive'] });
		// The draft with Togo counts once only (its published original).
		expect(c.tablePays.find((p) => p.code === 'TG')?.n).toBe(1);
		expect(c.tablePays).toHaveLength(12);
		// An editor's view counts the draft too.
		const editeur = await carte(base.db, ['publiee', 'brouillon']);
		expect(editeur.tablePays.find((p) => p.code === 'TG')?.n).toBe(2);
		expect(editeur.tableRegions.find((r) => r.code === '53')?.n).toBe(2);
	});

	it('shades and links the départements that carry fiches, and hatches the regions of the examples', async () => {
		const c = await carte(base.db, ['publiee']);
		expect(c.metropole).toHaveLength(96);
		expect(c.encarts.map((e) => e.code)).toEqual(['971', '972', '973', '974', '976']);
		const loire = c.metropole.find((d) => d.code === '44')!;
		expect(loire).toMatchObject({ classe: 2, href: '/recherche?departement=44', libelle: 'Loire-Atlantique (44) : 2 fiches portées' });
		expect(loire.d).toMatch(/^M[\d.]+,[\d.]+L/);
		// No département is shaded for an example fiche: not even one of its region.
		expect(c.metropole.filter((d) => d.href).map((d) => d.code)).toEqual(['44']);
		expect(c.encarts.every((d) => d.href === undefined)).toBe(true);
		const bretagne = c.regions.find((r) => r.code === '53')!;
		expect(bretagne).toMatchObject({ exemple: true, href: '/recherche?region=53', libelle: 'Bretagne : 1 fiche d’exemple (localisation fictive)' });
		expect(bretagne.d).toMatch(/^M[\d.]+,[\d.]+L/);
		expect(c.regions).toHaveLength(12);
		expect(c.pays.find((p) => p.code === 'MG')).toMatchObject({ href: '/recherche?pays=MG', libelle: 'Madagascar : 1 fiche partenaire' });
		expect(c.pays.filter((p) => p.href)).toHaveLength(12);
		// Every pair of a place here and a partner country is a line; the examples' are marked.
		expect(c.liens.map((l) => l.cle)).toContain('region-52-MG');
		expect(c.liens.find((l) => l.cle === 'departement-44-SN')?.exemple).toBe(false);
		expect(c.liens.filter((l) => l.exemple)).toHaveLength(12);
		// One marker per carrying département and per region of examples.
		expect(c.marqueurs).toHaveLength(13);
		const marqueurBretagne = c.marqueurs.find((m) => m.cle === 'region-53')!;
		const marqueurOccitanie = c.marqueurs.find((m) => m.cle === 'region-76')!;
		expect(marqueurBretagne).toMatchObject({ exemple: true, href: '/recherche?region=53' });
		// Brittany is north of Occitania on the world map too.
		expect(marqueurBretagne.y).toBeLessThan(marqueurOccitanie.y);
	});

	it('grades counts in four classes', () => {
		expect([0, 1, 2, 3, 4, 40].map(classe)).toEqual([0, 1, 2, 2, 3, 3]);
	});
});
