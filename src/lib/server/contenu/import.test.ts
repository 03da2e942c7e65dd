import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseDeTest, type BaseDeTest } from '../../../../tests/support/base-de-test.ts';
import { copierContenu, CONTENU_REEL, type CopieContenu } from '../../../../tests/support/contenu.ts';
import { etapes, fiches, fichesThemes, oddCibles, recommandations, themes } from '../db/schema.ts';
import { importerContenu } from './import.ts';
import { ContenuInvalide, lireContenu } from './lecture.ts';
import { synchroniserContenu } from './synchronisation.ts';

const FICHE = 'plateforme-jeunes-engagement-citoyen';

let base: BaseDeTest;
beforeAll(async () => {
	base = await baseDeTest();
});
afterAll(() => base.detruire());

/** Every row's transaction id: unchanged means the row was not written. */
async function versions() {
	const resultat = await base.db.execute(sql`
		select 'etapes' as t, xmin::text from etapes
		union all select 'recommandations', xmin::text from recommandations
		union all select 'outils', xmin::text from outils
		union all select 'fiches', xmin::text from fiches
		union all select 'fiches_themes', xmin::text from fiches_themes
		union all select 'fiches_odd_cibles', xmin::text from fiches_odd_cibles
		union all select 'fiches_territoires', xmin::text from fiches_territoires
		union all select 'pages', xmin::text from pages
		union all select 'odd_cibles', xmin::text from odd_cibles
		order by 1, 2`);
	// node-postgres and PGlite both answer { rows }.
	return (resultat as unknown as { rows: { t: string; xmin: string }[] }).rows;
}

describe('importing the content', () => {
	let copie: CopieContenu;
	beforeEach(() => {
		copie = copierContenu();
	});
	afterEach(() => copie.nettoyer());

	it('loads the whole kit: stages, recommendations, fiches with their links, pages, SDGs', async () => {
		const bilan = await importerContenu(base.db, lireContenu(CONTENU_REEL));
		expect(bilan.ajouts).toBeGreaterThan(0);

		expect(await base.db.$count(etapes)).toBe(8);
		expect(await base.db.$count(recommandations)).toBeGreaterThanOrEqual(48);
		expect(await base.db.$count(oddCibles)).toBe(169);
		expect(await base.db.$count(fiches, eq(fiches.statut, 'publiee'))).toBe(12);
		const [fiche] = await base.db.select().from(fiches).where(eq(fiches.slug, FICHE));
		expect(fiche).toMatchObject({ exemple: true, source: 'contenu', statut: 'publiee' });
		const liens = await base.db.select().from(fichesThemes).where(eq(fichesThemes.ficheId, fiche!.id));
		expect(liens.map((l) => l.theme)).toContain('implication-politique-jeunesse');
	});

	it('writes nothing when run again on unchanged files', async () => {
		const kit = lireContenu(CONTENU_REEL);
		await importerContenu(base.db, kit);
		const avant = await versions();
		const bilan = await importerContenu(base.db, kit);
		expect(bilan).toEqual({ ajouts: 0, modifications: 0, suppressions: 0, details: {} });
		expect(await versions()).toEqual(avant);
		expect(await synchroniserContenu(base.db, CONTENU_REEL)).toEqual({ etat: 'a-jour' });
	});

	it('applies exactly what changed in the files', async () => {
		// Every example fiche is linked from a stage, so the one removed is one nothing links to.
		copie.ecrire('fiches/fiche-retiree.md', copie.lire(`fiches/${FICHE}.md`));
		await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
		copie.remplacer(`fiches/${FICHE}.md`, /^titre: .*$/m, 'titre: "Un titre corrigé"');
		copie.remplacer(`fiches/${FICHE}.md`, /^themes: \[.*\]$/m, 'themes: [acces-aux-droits]');
		copie.supprimer('fiches/fiche-retiree.md');

		const bilan = await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
		expect(bilan.details.fiches).toEqual({ ajouts: 0, modifications: 1, suppressions: 1 });
		expect(bilan.details.etapes).toBeUndefined();
		const [fiche] = await base.db.select().from(fiches).where(eq(fiches.slug, FICHE));
		expect(fiche!.titre).toBe('Un titre corrigé');
		const liens = await base.db.select({ theme: fichesThemes.theme }).from(fichesThemes).where(eq(fichesThemes.ficheId, fiche!.id));
		expect(liens).toEqual([{ theme: 'acces-aux-droits' }]);
		expect(await base.db.$count(fiches, eq(fiches.slug, 'fiche-retiree'))).toBe(0);
	});

	it('imports nothing of a run that fails part-way (one transaction)', async () => {
		await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
		// A fiche created in the application (not from a file) holds a slug a new file wants.
		const [existante] = await base.db.select().from(fiches).where(eq(fiches.slug, FICHE));
		const { id: _id, creeLe: _c, modifieLe: _m, ...colonnes } = existante!;
		await base.db.insert(fiches).values({ ...colonnes, slug: 'fiche-creee-en-ligne', source: 'application' });
		copie.ecrire('fiches/fiche-creee-en-ligne.md', copie.lire(`fiches/${FICHE}.md`));
		// The themes are written before the fiches: they must not survive the failure.
		copie.remplacer('taxonomies.yml', /^publics:/m, '  - slug: nouveau-theme\n    nom: Nouveau thème\n    description: Un thème ajouté.\npublics:');

		await expect(importerContenu(base.db, lireContenu(copie.dossier, copie.racine))).rejects.toThrow(ContenuInvalide);
		expect(await base.db.$count(themes, eq(themes.slug, 'nouveau-theme'))).toBe(0);
		await base.db.delete(fiches).where(eq(fiches.slug, 'fiche-creee-en-ligne'));
	});
});

describe('synchronising at start', () => {
	it('keeps the kit already imported when the files become invalid', async () => {
		const copie = copierContenu();
		try {
			await importerContenu(base.db, lireContenu(copie.dossier, copie.racine));
			copie.remplacer(`fiches/${FICHE}.md`, /^pays: \[.*\]$/m, 'pays: ["XX"]');
			const resultat = await synchroniserContenu(base.db, copie.dossier, copie.racine);
			expect(resultat.etat).toBe('invalide');
			expect(await base.db.$count(fiches, eq(fiches.slug, FICHE))).toBe(1);
		} finally {
			copie.nettoyer();
		}
	});

	it('refuses invalid files on an empty database', async () => {
		const vide = await baseDeTest();
		const copie = copierContenu();
		try {
			copie.remplacer(`fiches/${FICHE}.md`, /^pays: \[.*\]$/m, 'pays: ["XX"]');
			await expect(synchroniserContenu(vide.db, copie.dossier, copie.racine)).rejects.toThrow(ContenuInvalide);
			expect(await vide.db.$count(etapes)).toBe(0);
		} finally {
			copie.nettoyer();
			await vide.detruire();
		}
	});
});
