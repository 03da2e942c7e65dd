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
		copie.remplacer(FICHE, /^regions: \[.*\]$/m, 'departements: ["4"]');
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

describe('the honesty rule: an example fiche points at no real Département', () => {
	let copie: CopieContenu;
	beforeEach(() => {
		copie = copierContenu();
	});
	afterEach(() => copie.nettoyer());

	it('refuses a département code on an example fiche, and says to name the region instead', () => {
		copie.remplacer(FICHE, /^regions: \[.*\]$/m, 'departements: ["44"]');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'departements',
			message:
				'une fiche d\'exemple ne désigne aucun Département réel : retirez « departements » et placez-la dans sa région (« regions: ["76"] »), que les lecteurs voient comme une localisation fictive'
		});
	});

	it('accepts the same département code on a fiche that is not an example', () => {
		copie.remplacer(FICHE, /^regions: \[.*\]$/m, 'departements: ["44"]');
		copie.remplacer(FICHE, /^exemple: true$/m, 'exemple: false');
		const kit = lireContenu(copie.dossier, copie.racine);
		expect(kit.fiches.find((f) => f.slug === 'plateforme-jeunes-engagement-citoyen')?.departements).toEqual(['44']);
	});

	it('refuses a region of one département, which would name it', () => {
		copie.remplacer(FICHE, /^regions: \[.*\]$/m, 'regions: ["04"]');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'regions[0]',
			message:
				"la région « La Réunion » compte un seul département : la nommer désignerait un Département réel ; choisissez une région d'au moins 3 départements"
		});
	});

	it('refuses an unknown region code', () => {
		copie.remplacer(FICHE, /^regions: \[.*\]$/m, 'regions: ["99"]');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({ fichier: `content/${FICHE}`, champ: 'regions[0]', message: expect.stringContaining('code de région « 99 » inconnu') })
		);
	});

	it.each([
		['the porteur', /^porteur: .*$/m, 'porteur: "Le Département de Loire-Atlantique"', 'porteur', 'Loire-Atlantique'],
		['the title', /^titre: .*$/m, 'titre: "Une plateforme entre La Réunion et le Sénégal"', 'titre', 'La Réunion'],
		['a section', /^## Objectifs\n/m, '## Objectifs\n\nComme en Guadeloupe, les jeunes…\n', '## Objectifs', 'Guadeloupe'],
		['a partner', /^partenaires_ici:\n/m, 'partenaires_ici:\n  - "Le conseil départemental du Pas-de-Calais"\n', 'partenaires_ici[0]', 'Pas-de-Calais']
	])('refuses a Département named in %s', (_ou, avant, apres, champ, nom) => {
		copie.remplacer(FICHE, avant, apres);
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ,
			message: `nomme « ${nom} », un Département réel : une fiche d'exemple n'en désigne aucun, elle dit au plus sa région (« un Département d'Occitanie »)`
		});
	});

	it('lets a region be named, and the Haitian « département du Nord »', () => {
		copie.remplacer(FICHE, /^## Objectifs\n/m, "## Objectifs\n\nComme dans le département du Nord d'Haïti et en Provence-Alpes-Côte d'Azur, les jeunes…\n");
		expect(() => lireContenu(copie.dossier, copie.racine)).not.toThrow();
	});

	it('refuses a registered trademark', () => {
		copie.remplacer(FICHE, /^## Résultats et effets ici\n/m, '## Résultats et effets ici\n\nUn Café des Aidants® a été créé.\n');
		expect(erreurs(copie)).toContainEqual(
			expect.objectContaining({ champ: '## Résultats et effets ici', message: expect.stringContaining('marque déposée') })
		);
	});

	it('wants every contact of an example fiche marked fictitious', () => {
		copie.remplacer(FICHE, /^ {4}fictif: true\n/m, '');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${FICHE}`,
			champ: 'contacts[0].fictif',
			message: 'les contacts d\'une fiche d\'exemple sont inventés comme elle : ajoutez « fictif: true », montré aux lecteurs'
		});
	});
});

describe('the text of the kit', () => {
	let copie: CopieContenu;
	beforeEach(() => {
		copie = copierContenu();
	});
	afterEach(() => copie.nettoyer());

	it('refuses a word split by YAML line folding (letter, hyphen, space, letter)', () => {
		copie.remplacer(ETAPE, 'connaissance du terrain — et ce que chacun retire', 'connaissance du savoir-\n      faire — et ce que chacun retire');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${ETAPE}`,
			champ: 'recommandations[4].pourquoi',
			message: 'mot coupé « savoir- faire » : le pliage des lignes (>-) a séparé un mot composé ; écrivez « savoir-faire » d\'un seul tenant, sur une même ligne'
		});
	});

	it('finds a split word in a page\'s text and in a fiche\'s section too', () => {
		copie.remplacer('pages/a-propos.md', 'Pour qui ?', 'Pour qui ? Les agents eux- mêmes.');
		copie.remplacer(FICHE, /^## Difficultés\n/m, '## Difficultés\n\nUne revue à mi- parcours.\n');
		const liste = erreurs(copie);
		expect(liste).toContainEqual(expect.objectContaining({ fichier: 'content/pages/a-propos.md', champ: 'texte', message: expect.stringContaining('« eux- mêmes »') }));
		expect(liste).toContainEqual(expect.objectContaining({ fichier: `content/${FICHE}`, message: expect.stringContaining('« mi- parcours »') }));
	});

	it('refuses a fiche listed by hand in a stage: the lists come from the fiches\' tags', () => {
		copie.remplacer(ETAPE, /\n---\n/, '\n---\nVoir la [plateforme](/fiches/plateforme-jeunes-engagement-citoyen).\n\n');
		expect(erreurs(copie)).toContainEqual({
			fichier: `content/${ETAPE}`,
			champ: 'texte',
			message:
				"lien vers la fiche « /fiches/plateforme-jeunes-engagement-citoyen » écrit à la main : les fiches qui illustrent une étape et ses recommandations sont listées d'après leurs champs « etapes » et « recommandations » ; retirez le lien, ou étiquetez la fiche"
		});
	});
});
