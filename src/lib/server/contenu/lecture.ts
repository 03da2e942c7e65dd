import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type {
	Contact,
	Ecueil,
	Financement,
	Ressource,
	StatutFiche,
	Temoignage
} from '../db/schema.ts';
import { referentielOdd } from '../referentiels/odd.ts';
import { departement, nomPays, region } from '../referentiels/territoires.ts';
import { fieldPath, messageFr } from '../validation/messages.ts';
import {
	etapeSchema,
	creerFicheSchema,
	pageSchema,
	SECTIONS_FICHE,
	taxonomiesSchema,
	type SectionFiche
} from './schemas.ts';
import { atteinteAnonymat, lienVersFiche, motCoupe, textes, type Probleme } from './verifications.ts';

export interface ErreurContenu {
	fichier: string;
	champ?: string;
	message: string;
}

/** The content could not be read: every problem found, each naming its file and field. */
export class ContenuInvalide extends Error {
	readonly erreurs: ErreurContenu[];
	constructor(erreurs: ErreurContenu[]) {
		const n = erreurs.length;
		super(
			`Contenu invalide (${n} erreur${n > 1 ? 's' : ''}), rien n'a été importé :\n` +
				erreurs.map(formaterErreur).join('\n')
		);
		this.name = 'ContenuInvalide';
		this.erreurs = erreurs;
	}
}

export const formaterErreur = (e: ErreurContenu) =>
	`- ${e.fichier}${e.champ ? ` — champ « ${e.champ} »` : ''} : ${e.message}`;

export interface EtapeContenu {
	fichier: string;
	numero: number;
	slug: string;
	titre: string;
	resume: string;
	pourquoi: string;
	questionsCles: string[];
	ecueils: Ecueil[];
	recommandations: { numero: number; titre: string; pourquoi: string; enPratique: string | null }[];
	outils: { ordre: number; titre: string; type: string; description: string; contenu: string }[];
	autoEvaluation: { ordre: number; question: string; recommandation: number }[];
}

export type SectionsFiche = Record<SectionFiche, string>;

export interface FicheContenu extends SectionsFiche {
	fichier: string;
	slug: string;
	titre: string;
	resume: string;
	statut: StatutFiche;
	exemple: boolean;
	porteur: string;
	typePorteur: string;
	partenairesIci: string[];
	partenairesLaBas: string[];
	territoiresLaBas: string | null;
	periodeDebut: string;
	periodeFin: string | null;
	budgetMontant: number | null;
	budgetCommentaire: string | null;
	financements: Financement[];
	temoignages: Temoignage[];
	ressources: Ressource[];
	contacts: Contact[];
	themes: string[];
	publics: string[];
	etapes: number[];
	/** « stage.number » codes. */
	recommandations: string[];
	odd: { cible: string; justification: string }[];
	/** INSEE codes of the French départements (never on an example fiche). */
	departements: string[];
	/** INSEE codes of the regions: an example fiche's fictitious location. */
	regions: string[];
	/** ISO 3166-1 alpha-2 codes of the partner countries. */
	pays: string[];
}

export interface PageContenu {
	fichier: string;
	slug: string;
	titre: string;
	description: string;
	corps: string;
}

export interface KitContenu {
	themes: { slug: string; nom: string; description: string; ordre: number }[];
	publics: { slug: string; nom: string; ordre: number }[];
	etapes: EtapeContenu[];
	fiches: FicheContenu[];
	pages: PageContenu[];
	/** Hash of every file read: equal fingerprints mean identical content. */
	empreinte: string;
}

/** Routes that content may link to besides fiches, stages and pages. */
const ROUTES_FIXES = new Set(['/', '/etapes', '/fiches', '/recommandations']);

/**
 * Reads and validates the whole content directory. Throws ContenuInvalide listing every
 * problem (the caller imports nothing then).
 */
export function lireContenu(dossier: string, racine = path.dirname(dossier)): KitContenu {
	const erreurs: ErreurContenu[] = [];
	const hash = createHash('sha256');
	const relatif = (f: string) => path.relative(racine, f) || f;

	const lireFichier = (chemin: string): string | undefined => {
		try {
			const source = readFileSync(chemin, 'utf8');
			hash.update(relatif(chemin)).update('\0').update(source).update('\0');
			return source;
		} catch {
			erreurs.push({ fichier: relatif(chemin), message: 'fichier introuvable ou illisible' });
			return undefined;
		}
	};

	const listerMarkdown = (sousDossier: string): string[] => {
		const complet = path.join(dossier, sousDossier);
		try {
			return readdirSync(complet)
				.filter((f) => f.endsWith('.md'))
				.sort()
				.map((f) => path.join(complet, f));
		} catch {
			erreurs.push({ fichier: relatif(complet), message: 'dossier introuvable' });
			return [];
		}
	};

	/** Validates data with a schema, recording French errors; undefined when invalid. */
	const valider = <S extends z.ZodType>(
		schema: S,
		donnees: unknown,
		fichier: string
	): z.output<S> | undefined => {
		const resultat = schema.safeParse(donnees, { error: messageFr });
		if (resultat.success) return resultat.data;
		for (const issue of resultat.error.issues) {
			erreurs.push({ fichier, champ: fieldPath(issue.path) || undefined, message: issue.message });
		}
		return undefined;
	};

	const signaler = (fichier: string, p: Probleme | undefined) => {
		if (p) erreurs.push({ fichier, champ: p.champ || undefined, message: p.message });
	};
	/** Words split by YAML line folding, anywhere in a file's fields and text. */
	const verifierMotsCoupes = (fichier: string, donnees: unknown, corps?: string) => {
		for (const t of textes(donnees)) signaler(fichier, motCoupe(t.champ, t.texte));
		if (corps !== undefined) signaler(fichier, motCoupe('texte', corps));
	};

	// ——— Taxonomies ———
	const cheminTaxonomies = path.join(dossier, 'taxonomies.yml');
	const sourceTaxonomies = lireFichier(cheminTaxonomies);
	let taxonomies: z.output<typeof taxonomiesSchema> | undefined;
	if (sourceTaxonomies !== undefined) {
		const donnees = lireYaml(sourceTaxonomies, relatif(cheminTaxonomies), 1, erreurs);
		if (donnees !== undefined) {
			taxonomies = valider(taxonomiesSchema, donnees, relatif(cheminTaxonomies));
			verifierMotsCoupes(relatif(cheminTaxonomies), donnees);
		}
	}
	const themes = (taxonomies?.themes ?? []).map((t, i) => ({ ...t, ordre: i + 1 }));
	const publics = (taxonomies?.publics ?? []).map((p, i) => ({ ...p, ordre: i + 1 }));
	signalerDoublons(themes.map((t) => t.slug), relatif(cheminTaxonomies), 'themes', erreurs);
	signalerDoublons(publics.map((p) => p.slug), relatif(cheminTaxonomies), 'publics', erreurs);

	// ——— Stages ———
	const etapes: EtapeContenu[] = [];
	/** Stage number → its recommendation numbers, invalid stages included, so that a fiche
	 * citing a stage whose file has an error is not reported as citing a missing stage. */
	const referencesEtapes = new Map<number, Set<number>>();
	const slugsEtapes: string[] = [];
	for (const chemin of listerMarkdown('etapes')) {
		const fichier = relatif(chemin);
		const nom = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(path.basename(chemin));
		if (!nom) {
			erreurs.push({
				fichier,
				message: 'le nom du fichier doit être « <numéro>-<identifiant>.md », par exemple « 2-construire-un-partenariat.md »'
			});
			continue;
		}
		slugsEtapes.push(nom[2]!);
		const source = lireFichier(chemin);
		if (source === undefined) continue;
		const doc = separerFrontMatter(source, fichier, erreurs);
		if (!doc) continue;
		verifierMotsCoupes(fichier, doc.donnees, doc.corps);
		const e = valider(etapeSchema, doc.donnees, fichier);
		if (!e) {
			const brutes = (doc.donnees as { recommandations?: unknown })?.recommandations;
			const n = Array.isArray(brutes) ? brutes.length : 0;
			referencesEtapes.set(Number(nom[1]), new Set(Array.from({ length: n }, (_, i) => i + 1)));
			continue;
		}
		referencesEtapes.set(e.numero, new Set(e.recommandations.map((r) => r.numero)));
		if (e.numero !== Number(nom[1])) {
			erreurs.push({ fichier, champ: 'numero', message: `vaut ${e.numero} alors que le nom du fichier commence par ${nom[1]}` });
		}
		if (!doc.corps) {
			erreurs.push({ fichier, message: 'le texte « Pourquoi cette étape compte » (après le bloc ---) est vide' });
		}
		verifierTitresCorps(doc.corps, fichier, 3, erreurs);
		const numeros = e.recommandations.map((r) => r.numero);
		if (numeros.some((n, i) => n !== i + 1)) {
			erreurs.push({
				fichier,
				champ: 'recommandations',
				message: `les recommandations doivent être numérotées 1, 2, 3… dans l'ordre (trouvé ${numeros.join(', ')})`
			});
		}
		e.auto_evaluation.forEach((q, i) => {
			if (!numeros.includes(q.recommandation)) {
				erreurs.push({
					fichier,
					champ: `auto_evaluation[${i}].recommandation`,
					message: `la recommandation ${q.recommandation} n'existe pas dans cette étape`
				});
			}
		});
		etapes.push({
			fichier,
			numero: e.numero,
			slug: nom[2]!,
			titre: e.titre,
			resume: e.resume,
			pourquoi: doc.corps,
			questionsCles: e.questions_cles,
			ecueils: e.ecueils,
			recommandations: e.recommandations.map((r) => ({
				numero: r.numero,
				titre: r.titre,
				pourquoi: r.pourquoi,
				enPratique: r.en_pratique ?? null
			})),
			outils: e.outils.map((o, i) => ({ ordre: i + 1, ...o })),
			autoEvaluation: e.auto_evaluation.map((q, i) => ({
				ordre: i + 1,
				question: q.question,
				recommandation: q.recommandation
			}))
		});
	}
	etapes.sort((a, b) => a.numero - b.numero);
	for (const [i, e] of etapes.entries()) {
		const premier = etapes.findIndex((x) => x.numero === e.numero);
		if (premier !== i) {
			erreurs.push({ fichier: e.fichier, champ: 'numero', message: `l'étape ${e.numero} existe déjà (${etapes[premier]!.fichier})` });
		}
	}

	// ——— Pages ———
	const pages: PageContenu[] = [];
	const slugsPages: string[] = [];
	for (const chemin of listerMarkdown('pages')) {
		const fichier = relatif(chemin);
		const slug = path.basename(chemin, '.md');
		if (!verifierSlugFichier(slug, fichier, erreurs)) continue;
		slugsPages.push(slug);
		const source = lireFichier(chemin);
		if (source === undefined) continue;
		const doc = separerFrontMatter(source, fichier, erreurs);
		if (!doc) continue;
		verifierMotsCoupes(fichier, doc.donnees, doc.corps);
		const p = valider(pageSchema, doc.donnees, fichier);
		if (!p) continue;
		if (!doc.corps) erreurs.push({ fichier, message: 'le texte de la page (après le bloc ---) est vide' });
		verifierTitresCorps(doc.corps, fichier, 2, erreurs);
		pages.push({ fichier, slug, titre: p.titre, description: p.description, corps: doc.corps });
	}

	// ——— Fiches ———
	const ficheSchema = creerFicheSchema({
		themes: new Set(themes.map((t) => t.slug)),
		publics: new Set(publics.map((p) => p.slug)),
		etapes: referencesEtapes,
		cibles: new Set(referentielOdd().cibles.map((c) => c.code)),
		departementExiste: (code) => departement(code) !== undefined,
		region,
		paysExiste: (code) => nomPays(code) !== undefined
	});
	const fiches: FicheContenu[] = [];
	// An invalid fiche is still a link target: its own error is enough, links to it are not broken.
	const slugsFiches: string[] = [];
	for (const chemin of listerMarkdown('fiches')) {
		const fichier = relatif(chemin);
		const slug = path.basename(chemin, '.md');
		if (!verifierSlugFichier(slug, fichier, erreurs)) continue;
		slugsFiches.push(slug);
		const source = lireFichier(chemin);
		if (source === undefined) continue;
		const doc = separerFrontMatter(source, fichier, erreurs);
		if (!doc) continue;
		verifierMotsCoupes(fichier, doc.donnees, doc.corps);
		const f = valider(ficheSchema, doc.donnees, fichier);
		const sections = decouperSections(doc.corps, fichier, erreurs);
		if (!f || !sections) continue;
		if (f.exemple) {
			// The honesty rule: nothing in an example fiche points at a real Département.
			for (const t of textes(doc.donnees)) signaler(fichier, atteinteAnonymat(t.champ, t.texte));
			for (const [titre, champ] of SECTIONS_FICHE) signaler(fichier, atteinteAnonymat(`## ${titre}`, sections[champ]));
		}

		signalerDoublons(f.themes, fichier, 'themes', erreurs);
		signalerDoublons(f.publics, fichier, 'publics', erreurs);
		signalerDoublons(f.etapes.map(String), fichier, 'etapes', erreurs);
		signalerDoublons(f.recommandations, fichier, 'recommandations', erreurs);
		signalerDoublons(f.odd.map((o) => o.cible), fichier, 'odd', erreurs);
		signalerDoublons(f.departements, fichier, 'departements', erreurs);
		signalerDoublons(f.regions, fichier, 'regions', erreurs);
		signalerDoublons(f.pays, fichier, 'pays', erreurs);

		fiches.push({
			fichier,
			slug,
			titre: f.titre,
			resume: f.resume,
			statut: f.statut,
			exemple: f.exemple,
			porteur: f.porteur,
			typePorteur: f.type_porteur,
			partenairesIci: f.partenaires_ici,
			partenairesLaBas: f.partenaires_la_bas,
			territoiresLaBas: f.territoires_la_bas ?? null,
			periodeDebut: f.periode.debut,
			periodeFin: f.periode.fin ?? null,
			budgetMontant: f.budget?.montant ?? null,
			budgetCommentaire: f.budget?.commentaire ?? null,
			financements: f.financements,
			temoignages: f.temoignages as Temoignage[],
			ressources: f.ressources,
			contacts: f.contacts,
			...sections,
			themes: f.themes,
			publics: f.publics,
			etapes: f.etapes,
			recommandations: f.recommandations,
			odd: f.odd,
			departements: f.departements,
			regions: f.regions,
			pays: f.pays
		});
	}

	// ——— Internal links in Markdown ———
	const cibleExiste = new Set([
		...ROUTES_FIXES,
		...slugsFiches.map((slug) => `/fiches/${slug}`),
		...slugsEtapes.map((slug) => `/etapes/${slug}`),
		...slugsPages.map((slug) => `/${slug}`)
	]);
	const verifierLiens = (fichier: string, champ: string, markdown: string) => {
		for (const m of markdown.matchAll(/\]\((\/[^)\s]*)\)/g)) {
			const cible = m[1]!.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1');
			if (!cibleExiste.has(cible)) {
				erreurs.push({ fichier, champ, message: `lien interne cassé vers « ${m[1]} »` });
			}
		}
	};
	for (const e of etapes) {
		// Which fiches illustrate a stage is said by the fiches' tags, never by the stage's text.
		signaler(e.fichier, lienVersFiche('texte', e.pourquoi));
		e.recommandations.forEach((r, i) => {
			signaler(e.fichier, lienVersFiche(`recommandations[${i}].pourquoi`, r.pourquoi));
			if (r.enPratique) signaler(e.fichier, lienVersFiche(`recommandations[${i}].en_pratique`, r.enPratique));
		});
		e.ecueils.forEach((x, i) => signaler(e.fichier, lienVersFiche(`ecueils[${i}].description`, x.description)));
		e.outils.forEach((o, i) => signaler(e.fichier, lienVersFiche(`outils[${i}].contenu`, o.contenu)));
		verifierLiens(e.fichier, 'texte', e.pourquoi);
		e.recommandations.forEach((r, i) => {
			verifierLiens(e.fichier, `recommandations[${i}].pourquoi`, r.pourquoi);
			if (r.enPratique) verifierLiens(e.fichier, `recommandations[${i}].en_pratique`, r.enPratique);
		});
		e.outils.forEach((o, i) => verifierLiens(e.fichier, `outils[${i}].contenu`, o.contenu));
		e.ecueils.forEach((x, i) => verifierLiens(e.fichier, `ecueils[${i}].description`, x.description));
	}
	for (const p of pages) verifierLiens(p.fichier, 'texte', p.corps);
	for (const f of fiches) {
		for (const [titre, champ] of SECTIONS_FICHE) verifierLiens(f.fichier, `## ${titre}`, f[champ]);
	}

	if (erreurs.length > 0) throw new ContenuInvalide(erreurs);
	return { themes, publics, etapes, fiches, pages, empreinte: hash.digest('hex') };
}

function lireYaml(source: string, fichier: string, premiereLigne: number, erreurs: ErreurContenu[]): unknown {
	try {
		return parse(source, { prettyErrors: true, uniqueKeys: true }) ?? {};
	} catch (error) {
		const ligne =
			error instanceof YAMLParseError && error.linePos ? error.linePos[0].line + premiereLigne - 1 : undefined;
		erreurs.push({
			fichier,
			message:
				`YAML illisible${ligne ? ` à la ligne ${ligne}` : ''} : vérifiez les guillemets, l'indentation ` +
				`et les « : » à l'intérieur d'un texte (mettez le texte entre guillemets)`
		});
		return undefined;
	}
}

function separerFrontMatter(
	source: string,
	fichier: string,
	erreurs: ErreurContenu[]
): { donnees: unknown; corps: string } | undefined {
	const texte = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(texte);
	if (!m) {
		erreurs.push({ fichier, message: 'le fichier doit commencer par un bloc de métadonnées entre deux lignes « --- »' });
		return undefined;
	}
	const donnees = lireYaml(m[1]!, fichier, 2, erreurs);
	if (donnees === undefined) return undefined;
	return { donnees, corps: texte.slice(m[0].length).trim() };
}

/** Splits a fiche's body on its `##` headings, which must be exactly SECTIONS_FICHE in order. */
function decouperSections(corps: string, fichier: string, erreurs: ErreurContenu[]): Record<SectionFiche, string> | undefined {
	const attendus = SECTIONS_FICHE.map(([titre]) => titre);
	const morceaux = corps.split(/^## +(.+?)[ \t]*$/m);
	const avant = morceaux[0]!.trim();
	const avantErreurs = erreurs.length;
	if (/^# /m.test(corps)) {
		erreurs.push({ fichier, message: 'titre de niveau 1 (« # ») interdit dans le texte : le titre de la fiche est dans « titre »' });
	}
	if (avant) {
		erreurs.push({ fichier, message: 'du texte précède la première section ; le texte commence par « ## Contexte et enjeux »' });
	}
	const trouves: { titre: string; texte: string }[] = [];
	for (let i = 1; i < morceaux.length; i += 2) {
		trouves.push({ titre: morceaux[i]!.trim(), texte: morceaux[i + 1]!.trim() });
	}
	const sections: Partial<Record<SectionFiche, string>> = {};
	for (const t of trouves) {
		const index = attendus.indexOf(t.titre as (typeof attendus)[number]);
		if (index === -1) {
			erreurs.push({ fichier, champ: `## ${t.titre}`, message: 'section inconnue (voir la liste des sections dans docs/content.md)' });
		} else if (sections[SECTIONS_FICHE[index]![1]] !== undefined) {
			erreurs.push({ fichier, champ: `## ${t.titre}`, message: 'section présente deux fois' });
		} else if (!t.texte) {
			erreurs.push({ fichier, champ: `## ${t.titre}`, message: 'section vide' });
		} else {
			sections[SECTIONS_FICHE[index]![1]] = t.texte;
		}
	}
	for (const [titre, champ] of SECTIONS_FICHE) {
		if (sections[champ] === undefined && !trouves.some((t) => t.titre === titre)) {
			erreurs.push({ fichier, champ: `## ${titre}`, message: 'section manquante' });
		}
	}
	const ordre = trouves.map((t) => attendus.indexOf(t.titre as (typeof attendus)[number])).filter((i) => i >= 0);
	if (ordre.some((v, i) => i > 0 && v < ordre[i - 1]!)) {
		erreurs.push({ fichier, message: `les sections doivent suivre l'ordre : ${attendus.join(', ')}` });
	}
	return erreurs.length === avantErreurs ? (sections as Record<SectionFiche, string>) : undefined;
}

/** Pages provide the `#`/`##` headings around a body; deeper levels only. */
function verifierTitresCorps(corps: string, fichier: string, niveauMin: number, erreurs: ErreurContenu[]) {
	const trop = new RegExp(`^#{1,${niveauMin - 1}} `, 'm');
	if (trop.test(corps)) {
		erreurs.push({
			fichier,
			message: `le texte ne doit utiliser que des titres de niveau ${niveauMin} ou plus (« ${'#'.repeat(niveauMin)} »)`
		});
	}
}

function verifierSlugFichier(slug: string, fichier: string, erreurs: ErreurContenu[]): boolean {
	if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return true;
	erreurs.push({ fichier, message: 'le nom du fichier doit être en minuscules, sans accents, les mots séparés par des tirets' });
	return false;
}

function signalerDoublons(valeurs: string[], fichier: string, champ: string, erreurs: ErreurContenu[]) {
	const vus = new Set<string>();
	for (const v of valeurs) {
		if (vus.has(v)) erreurs.push({ fichier, champ, message: `« ${v} » figure deux fois` });
		vus.add(v);
	}
}
