import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { copierContenu } from '../../../../tests/support/contenu.ts';
import { importerContenu } from '../contenu/import.ts';
import { lireContenu } from '../contenu/lecture.ts';
import { fiches } from '../db/schema.ts';
import { autresTerritoires, fichesSimilaires } from './similaires.ts';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
	// A draft twin of the Togo fiche: the closest of all, and never shown.
	const copie = copierContenu();
	copie.ecrire(
		'fiches/jumelle-en-brouillon.md',
		copie.lire('fiches/volontariat-reciproque-jeunes-togo.md').replace(/^statut: .*$/m, 'statut: brouillon')
	);
	await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
	copie.nettoyer();
});
afterAll(() => base.detruire());

const id = async (slug: string) => (await base.db.select({ id: fiches.id }).from(fiches).where(eq(fiches.slug, slug)))[0]!.id;

describe('similar fiches', () => {
	it('puts first the fiche sharing the most, never itself nor a draft, four at most', async () => {
		const proches = (await fichesSimilaires(base.db, await id('volontariat-reciproque-jeunes-togo'), ['publiee'])).map((f) => f.slug);
		expect(proches).toHaveLength(4);
		expect(proches).not.toContain('volontariat-reciproque-jeunes-togo');
		expect(proches).not.toContain('jumelle-en-brouillon');
		// Same theme (mobility of young people), same public, two shared stages.
		expect(proches[0]).toBe('mobilite-stages-jeunes-benin');
		expect(proches).toContain('plateforme-jeunes-engagement-citoyen');
	});

	it('finds the same country’s fiches close', async () => {
		const proches = (await fichesSimilaires(base.db, await id('regards-croises-protection-enfance-tunisie'), ['publiee'])).map((f) => f.slug);
		expect(proches[0]).toBe('protection-enfance-haiti');
	});

	it('says where else each theme and public was worked on, counting published fiches only', async () => {
		const ailleurs = await autresTerritoires(base.db, await id('plateforme-jeunes-engagement-citoyen'), ['publiee']);
		expect(ailleurs).toContainEqual({
			facette: 'theme',
			valeur: 'implication-politique-jeunesse',
			nom: 'Implication politique de la jeunesse',
			nombre: 1,
			href: '/recherche?theme=implication-politique-jeunesse'
		});
		// « Élus » is this fiche's alone: no link to an empty search.
		expect(ailleurs.find((a) => a.valeur === 'elus')).toBeUndefined();
	});
});
