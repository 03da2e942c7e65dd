import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copierContenu, CONTENU_REEL, type CopieContenu } from '../../../../tests/support/contenu.ts';
import { ContenuInvalide, lireContenu } from './lecture.ts';

const FICHE = 'fiches/plateforme-jeunes-engagement-citoyen.md';
const ETAPE = 'etapes/2-construire-un-partenariat-pluri-acteurs.md';

/** The errors lireContenu reports on the copy; fails if it reports none. */
function erreurs(copie: CopieContenu) {
	try {
		lireContenu(copie.dossier, copie.racine);
	} catch (e) {
		if (e instanceof ContenuInvalide) return e.erreurs;
		throw e;
	}
	throw new Error('le contenu modifié aurait dû être refusé');
}

describe('reading the kit’s content', () => {
	it('accepts the content shipped with the kit', () => {
		const kit = lireContenu(CONTENU_REEL);
		expect(kit.etapes.map((e) => e.numero)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(kit.fiches).toHaveLength(12);
		expect(kit.pages.map((p) => p.slug).sort()).toEqual(
			['a-propos', 'accessibilite', 'confidentialite', 'la-demarche', 'mentions-legales', 'pourquoi-s-engager'].sort()
		);
	});

	it('gives the same fingerprint to the same files, another to changed ones', () => {
		const copie = copierContenu();
		try {
			const avant = lireContenu(copie.dossier, copie.racine).empreinte;
			expect(lireContenu(copie.dossier, copie.racine).empreinte).toBe(avant);
			copie.remplacer(FICHE, /^titre: .*$/m, 'titre: "Un autre titre"');
			expect(lireContenu(copie.dossier, copie.racine).empreinte).not.toBe(avant);
		} finally {
			copie.nettoyer();
		}
	});
});

describe('refusing a bad file, with a French message naming the file and the field', () => {
	let copie: CopieContenu;
	beforeEach(() => {
		copie = copierContenu();
	});
	afterEach(() => copie.nettoyer());

	it('a missing required field', () => {
		copie.remplacer(FICHE, /^porteur: .*\n/m, '');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'porteur',
			message: 'ce champ est obligatoire'
		});
	});

	it('a misspelt field name', () => {
		copie.remplacer(FICHE, /^resume:/m, 'resumé:');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({ fichier: `content/${FICHE}`, message: expect.stringContaining('champ inconnu « resumé »') })
		);
	});

	it('an unknown theme', () => {
		copie.remplacer(FICHE, /^themes: \[/m, 'themes: [theme-inexistant, ');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'themes[0]',
			message: 'thème « theme-inexistant » inconnu (voir content/taxonomies.yml)'
		});
	});

	it('an unknown SDG target', () => {
		copie.remplacer(FICHE, /cible: "?[0-9a-z.]+"?/, 'cible: "18.1"');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({
				fichier: `content/${FICHE}`,
				champ: 'odd[0].cible',
				message: expect.stringContaining('cible ODD « 18.1 » inconnue')
			})
		);
	});

	it('a link to a stage that does not exist', () => {
		copie.remplacer(FICHE, /^etapes: \[/m, 'etapes: [12, ');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'etapes[0]',
			message: "l'étape 12 n'existe pas"
		});
	});

	it('a link to a recommendation that does not exist, or of a stage the fiche does not list', () => {
		copie.remplacer(FICHE, /^recommandations: \[/m, 'recommandations: ["2.99", "5.1", ');
		const liste = erreurs(copie);
		expect(liste).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'recommandations[0]',
			message: 'la recommandation « 2.99 » n\'existe pas'
		});
		expect(liste).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'recommandations[1]',
			message: 'la recommandation « 5.1 » appartient à l\'étape 5, qui n\'est pas dans « etapes »'
		});
	});

	it('a Markdown link to a fiche that does not exist', () => {
		copie.remplacer(FICHE, /^## Objectifs\n/m, '## Objectifs\n\nVoir [une autre fiche](/fiches/fiche-disparue).\n');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: '## Objectifs',
			message: 'lien interne cassé vers « /fiches/fiche-disparue »'
		});
	});

	it('a bad département code', () => {
		copie.remplacer(FICHE, /^departements: \[.*\]$/m, 'departements: ["4"]');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'departements[0]',
			message: 'code de département « 4 » inconnu (code INSEE attendu, par exemple « 44 », « 2A » ou « 974 »)'
		});
	});

	it('a bad country code', () => {
		copie.remplacer(FICHE, /^pays: \[.*\]$/m, 'pays: ["SEN"]');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'pays[0]',
			message: 'code pays « SEN » inconnu (code ISO 3166 à deux lettres majuscules attendu, par exemple « SN »)'
		});
	});

	it('a missing section of the fiche', () => {
		copie.remplacer(FICHE, /^## Transversalité\n/m, '## Transversalite\n');
		const liste = erreurs(copie);
		expect(liste).toContainEqual({ fichier: `content/${FICHE}`, champ: '## Transversalité', message: 'section manquante' });
		expect(liste).toContainEqual(
			expect.objectContaining({ champ: '## Transversalite', message: expect.stringContaining('section inconnue') })
		);
	});

	it('a testimony without consent', () => {
		copie.remplacer(FICHE, /consentement: true/, 'consentement: false');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({
				fichier: `content/${FICHE}`,
				champ: 'temoignages[0].consentement',
				message: expect.stringContaining('sans le consentement')
			})
		);
	});

	it('a YAML syntax error, with its line', () => {
		copie.remplacer(FICHE, /^porteur: .*$/m, 'porteur: Un Département : de l\'ouest\n  oups: [');
		const [erreur] = erreurs(copie);
		expect(erreur).toMatchObject({ fichier: `content/${FICHE}`, message: expect.stringMatching(/^YAML illisible à la ligne \d+/) });
	});

	it('a stage whose recommendations skip a number', () => {
		copie.remplacer(ETAPE, /^  - numero: 2$/m, '  - numero: 20');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({
				fichier: `content/${ETAPE}`,
				champ: 'recommandations',
				message: expect.stringContaining('doivent être numérotées 1, 2, 3')
			})
		);
	});

	it('a self-assessment question pointing to a missing recommendation', () => {
		copie.remplacer(ETAPE, /^    recommandation: \d+$/m, '    recommandation: 42');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${ETAPE}`,
			champ: 'auto_evaluation[0].recommandation',
			message: "la recommandation 42 n'existe pas dans cette étape"
		});
	});

	it('reports the errors of several files at once', () => {
		copie.remplacer(FICHE, /^porteur: .*\n/m, '');
		copie.remplacer(ETAPE, /^titre: .*\n/m, '');
		const fichiers = new Set(erreurs(copie).map((e) => e.fichier));
		expect(fichiers).toEqual(new Set([`content/${FICHE}`, `content/${ETAPE}`]));
	});
});
