// Checks on the text of the content that a schema cannot express: words split by YAML line
// folding, example fiches that would point at a real Département, fiche lists written by hand.
import { DEPARTEMENTS, REGIONS } from '../referentiels/territoires.ts';
import { fieldPath } from '../validation/messages.ts';
import { DEPARTEMENTS_MIN_REGION_EXEMPLE } from './schemas.ts';

export interface Probleme {
	champ?: string;
	message: string;
}

/** Every string of a parsed YAML value, with its field path (« recommandations[2].pourquoi »). */
export function textes(valeur: unknown, chemin: (string | number)[] = []): { champ: string; texte: string }[] {
	if (typeof valeur === 'string') return [{ champ: fieldPath(chemin), texte: valeur }];
	if (Array.isArray(valeur)) return valeur.flatMap((v, i) => textes(v, [...chemin, i]));
	if (valeur && typeof valeur === 'object') return Object.entries(valeur).flatMap(([k, v]) => textes(v, [...chemin, k]));
	return [];
}

// « savoir-\n faire » folded by `>-` reads « savoir- faire ».
const MOT_COUPE = /(\p{L}+)- (\p{L}+)/u;

/** A compound word split by line folding: « savoir- faire ». */
export function motCoupe(champ: string, texte: string): Probleme | undefined {
	const m = MOT_COUPE.exec(texte);
	if (!m) return undefined;
	return {
		champ: champ || undefined,
		message: `mot coupé « ${m[1]}- ${m[2]} » : le pliage des lignes (>-) a séparé un mot composé ; écrivez « ${m[1]}-${m[2]} » d'un seul tenant, sur une même ligne`
	};
}

// Names that are also common words or other places (the Nord of Haiti, Vienna, the Loire river):
// flagged only when they follow « Département » or « Conseil départemental ».
const NOMS_AMBIGUS = new Set(['Ain', 'Cher', 'Gard', 'Jura', 'Loire', 'Lot', 'Manche', 'Nord', 'Orne', 'Somme', 'Var', 'Vienne']);
const echapper = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nomsDepartements = DEPARTEMENTS.map((d) => d.nom.replaceAll('’', "'"));
const NOM_DEPARTEMENT = new RegExp(
	`(?<![\\p{L}-])(${nomsDepartements.filter((n) => !NOMS_AMBIGUS.has(n)).map(echapper).join('|')})(?![\\p{L}-])`,
	'u'
);
const DEPARTEMENT_NOMME = new RegExp(
	`(?:Département|Conseil départemental|Conseil général|conseil départemental|conseil général) (?:de la |de l'|du |des |de |d')(${nomsDepartements.map(echapper).join('|')})(?![\\p{L}-])`,
	'u'
);
// Region names contain département names (« Pays de la Loire », « Auvergne-Rhône-Alpes »); a
// region of one or two départements, though, is one of them, and stays flagged.
const REGIONS_PERMISES = new RegExp(
	REGIONS.filter((r) => r.departements >= DEPARTEMENTS_MIN_REGION_EXEMPLE)
		.map((r) => echapper(r.nom.replaceAll('’', "'")))
		.sort((a, b) => b.length - a.length)
		.join('|'),
	'gu'
);

/**
 * What in an example fiche's text would point at a real organisation: a French Département's
 * name, or a registered trademark (docs/content.md, the honesty rule).
 */
export function atteinteAnonymat(champ: string, texte: string): Probleme | undefined {
	const normal = texte.replaceAll('’', "'").replace(REGIONS_PERMISES, ' ');
	const nomme = DEPARTEMENT_NOMME.exec(normal)?.[1] ?? NOM_DEPARTEMENT.exec(normal)?.[1];
	if (nomme) {
		return {
			champ,
			message: `nomme « ${nomme} », un Département réel : une fiche d'exemple n'en désigne aucun, elle dit au plus sa région (« un Département d'Occitanie »)`
		};
	}
	if (/[®™]/.test(texte)) {
		return { champ, message: 'cite une marque déposée (® ou ™) : une fiche d\'exemple décrit la pratique avec des mots génériques' };
	}
	return undefined;
}

/** A stage's text that lists fiches by hand: the lists are drawn from the fiches' own tags. */
export function lienVersFiche(champ: string, markdown: string): Probleme | undefined {
	const m = /\]\((\/fiches\/[a-z0-9-]+)[^)]*\)/.exec(markdown);
	if (!m) return undefined;
	return {
		champ,
		message: `lien vers la fiche « ${m[1]} » écrit à la main : les fiches qui illustrent une étape et ses recommandations sont listées d'après leurs champs « etapes » et « recommandations » ; retirez le lien, ou étiquetez la fiche`
	};
}
