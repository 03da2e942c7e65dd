// French grammar of generated labels: elision, articles, agreement. Pure, shared by pages,
// mails and exports.

/** Words that begin with a vowel sound: « d’Amadou », « l’Association ». A leading h counts as silent. */
const VOYELLE = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;

/** « de Camille », « d’Amadou », « d’awa@exemple.test ». */
export const de = (nom: string) => (VOYELLE.test(nom.trim()) ? `d’${nom.trim()}` : `de ${nom.trim()}`);

/**
 * The article an organisation's name takes when it begins with a common noun: « le
 * Département de Loire-Atlantique », « la Commune de Ziguinchor », « l’Association des… ».
 * A proper name (« Essor 44 ») takes none.
 */
const ARTICLES: [RegExp, 'le' | 'la' | 'l’'][] = [
	[/^(Département|Conseil|Centre|Comité|Syndicat|Groupement|Collectif|Réseau|Service|Ministère|Secrétariat|Fonds|Gouvernorat|District|Cercle|Pôle)\b/, 'le'],
	[/^(Région|Commune|Communauté|Mairie|Ville|Métropole|Fédération|Fondation|Maison|Mission|Municipalité|Collectivité|Plateforme|Direction|Coordination|Préfecture|Province|Wilaya)\b/, 'la'],
	[/^(Association|Agence|ONG|Institut|Établissement|Office|Union|Entente|Eurorégion|Organisation|École|Université)\b/, 'l’']
];

const articleDe = (nom: string) => ARTICLES.find(([motif]) => motif.test(nom.trim()))?.[1];

/** « le Département de Loire-Atlantique », « l’Association Essor », « Essor 44 ». */
export function avecArticle(nom: string): string {
	const n = nom.trim();
	const article = articleDe(n);
	return article === 'l’' ? `l’${n}` : article ? `${article} ${n}` : n;
}

/** « du Département de Loire-Atlantique », « de la Commune… », « de l’Association… », « d’Essor 44 ». */
export function duNom(nom: string): string {
	const n = nom.trim();
	const article = articleDe(n);
	if (article === 'le') return `du ${n}`;
	if (article === 'la') return `de la ${n}`;
	if (article === 'l’') return `de l’${n}`;
	return de(n);
}

/** « 1 fiche portée », « 2 fiches portées »: every word of the group agrees. */
export const accorder = (n: number, groupe: string) => `${n} ${n > 1 ? groupe.replace(/(\p{L}+)/gu, '$1s') : groupe}`;

/** A name inside a sentence: « Sexe » → « sexe », but « QPV » and « INSEE » stay as they are. */
export const enMinuscule = (nom: string) => (/^\p{Lu}\p{Ll}/u.test(nom) ? nom[0]!.toLocaleLowerCase('fr') + nom.slice(1) : nom);
