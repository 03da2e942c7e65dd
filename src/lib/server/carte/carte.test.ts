// The map's data and drawing on the real database, with the example content plus a second
// published fiche in Loire-Atlantique with Senegal, and a draft that must not count.
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
	const senegal = copie.lire('fiches/plateforme-jeunes-engagement-citoyen.md');
	copie.ecrire('fiches/seconde-fiche-senegal.md', senegal.replace(/^titre: .*$/m, 'titre: "Une seconde fiche avec le Sénégal"'));
	copie.ecrire(
		'fiches/brouillon-togo.md',
		copie.lire('fiches/volontariat-reciproque-jeunes-togo.md').replace(/^statut: .*$/m, 'statut: brouillon')
	);
	await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
	copie.nettoyer();
});
afterAll(() => base.detruire());

describe('the map', () => {
	it('counts the published fiches carried by each département and with each country', async () => {
		const c = await carte(base.db, ['publiee']);
		const loire = c.tableDepartements.find((d) => d.code === '44')!;
		expect(loire).toMatchObject({ nom: 'Loire-Atlantique', region: 'Pays de la Loire', n: 2, href: '/recherche?departement=44', partenaires: ['Sénégal'] });
		expect(c.tableDepartements[0]!.code).toBe('44');
		expect(c.tablePays.find((p) => p.code === 'SN')).toMatchObject({ n: 2, departements: ['Loire-Atlantique'] });
		// The draft with Togo counts once only (its published original), Vendée likewise.
		expect(c.tablePays.find((p) => p.code === 'TG')?.n).toBe(1);
		expect(c.tableDepartements.find((d) => d.code === '85')?.n).toBe(1);
		expect(c.tableDepartements).toHaveLength(12);
		expect(c.tablePays).toHaveLength(12);
		// An editor's view counts the draft too.
		expect((await carte(base.db, ['publiee', 'brouillon'])).tablePays.find((p) => p.code === 'TG')?.n).toBe(2);
	});

	it('shades and links the shapes that have fiches, and only those', async () => {
		const c = await carte(base.db, ['publiee']);
		expect(c.metropole).toHaveLength(96);
		expect(c.encarts.map((e) => e.code)).toEqual(['971', '972', '973', '974', '976']);
		const loire = c.metropole.find((d) => d.code === '44')!;
		expect(loire).toMatchObject({ classe: 2, href: '/recherche?departement=44', libelle: 'Loire-Atlantique (44) : 2 fiches portées' });
		expect(loire.d).toMatch(/^M[\d.]+,[\d.]+L/);
		expect(c.metropole.find((d) => d.code === '75')).toMatchObject({ classe: 0, href: undefined });
		expect(c.encarts.find((d) => d.code === '974')).toMatchObject({ classe: 1, href: '/recherche?departement=974' });
		expect(c.pays.find((p) => p.code === 'MG')).toMatchObject({ href: '/recherche?pays=MG', libelle: 'Madagascar : 1 fiche partenaire' });
		expect(c.pays.filter((p) => p.href)).toHaveLength(12);
		// Every pair of a département and a partner country is a line; every carrying département a marker.
		expect(c.liens.map((l) => l.cle).sort()).toContain('974-MG');
		expect(c.liens).toHaveLength(12);
		expect(c.marqueurs).toHaveLength(12);
		// Réunion is next to Madagascar on the world map.
		const reunion = c.marqueurs.find((m) => m.code === '974')!;
		const guadeloupe = c.marqueurs.find((m) => m.code === '971')!;
		expect(reunion.x).toBeGreaterThan(guadeloupe.x);
	});

	it('grades counts in four classes', () => {
		expect([0, 1, 2, 3, 4, 40].map(classe)).toEqual([0, 1, 2, 2, 3, 3]);
	});
});
