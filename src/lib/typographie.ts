// French typography for text shown to readers: pure, no server import, so that pages, mails
// and exports can share it. Applied when content is rendered (Markdown text and plain fields),
// never to the stored text: search and comparisons keep working on what authors typed.

/** Narrow no-break space (U+202F), before « ; ! ? » and between groups of digits. */
export const ESPACE_FINE = '\u202F';
/** No-break space (U+00A0), before « : », inside « », between a day and its month. */
export const ESPACE_INSECABLE = '\u00A0';

const MOIS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
/** Spaces an author may have typed, including the no-break ones: they are normalised. */
const ESPACES = '[ \\t\\r\\n\\u00A0\\u202F]';
// What may close a word before a mark that takes a space: letters, digits, closing signs.
const FIN_DE_MOT = '[\\p{L}\\p{N}»)\\]’…]';
// A mark is spaced only where it ends a phrase: « ?q= » in an address or « 10:30 » is left alone.
const APRES_SIGNE = '(?=\\s|$|[»)\\]"’.,;:!?…])';

/** Rules that only turn what was typed into its French form, never add a space: safe on any text. */
const REGLES_SURES: [RegExp, string][] = [
	// One apostrophe style, the interface's: ’ (only between letters, never a quote).
	[/(\p{L})'(?=\p{L})/gu, '$1’'],
	[/\.\.\./g, '…'],
	// « 1er » for the first of the month, and a day kept with its month.
	[new RegExp(`(?<![\\p{N}.,])1${ESPACES}+(?=(?:${MOIS})\\b)`, 'gu'), `1er${ESPACE_INSECABLE}`],
	[new RegExp(`(?<![\\p{N}.,])(1er|[12]?\\d|3[01])${ESPACES}+(?=(?:${MOIS})\\b)`, 'gu'), `$1${ESPACE_INSECABLE}`],
	// Guillemets: a no-break space inside, whatever was typed.
	[new RegExp(`«${ESPACES}*`, 'gu'), `«${ESPACE_INSECABLE}`],
	[new RegExp(`${ESPACES}*»`, 'gu'), `${ESPACE_INSECABLE}»`],
	// « ; ! ? »: a narrow no-break space before, replacing a typed space.
	[new RegExp(`${ESPACES}+([;!?])`, 'gu'), `${ESPACE_FINE}$1`],
	// « : »: a no-break space before, replacing a typed space.
	[new RegExp(`${ESPACES}+:`, 'gu'), `${ESPACE_INSECABLE}:`],
	// « 10 % », « 40 000 € »: the sign stays with its number.
	[new RegExp(`(\\p{N})${ESPACES}+(%|€)`, 'gu'), `$1${ESPACE_INSECABLE}$2`]
];

/** French text written by authors of the kit: the marks also get their space where none was typed. */
const REGLES: [RegExp, string][] = [
	...REGLES_SURES,
	[new RegExp(`(?<=${FIN_DE_MOT})([;!?])${APRES_SIGNE}`, 'gu'), `${ESPACE_FINE}$1`],
	// After a letter only: never in « 10:30 » or « https: ».
	[new RegExp(`(?<=[\\p{L}»)\\]])(:)${APRES_SIGNE}`, 'gu'), `${ESPACE_INSECABLE}$1`]
];

/** Groups of three digits after one to three: « 40 000 » → 40 000 with a narrow no-break space. */
const MILLIERS = new RegExp(`(?<![\\p{N},.])\\p{N}{1,3}(?:${ESPACES}\\p{N}{3})+(?![\\p{N}])`, 'gu');

/**
 * A French plain text with its typography: typographic apostrophes, no-break spaces before
 * « ; : ! ? », inside « », in « 40 000 » and « 10 % », « 1er » before a month, « … ». Idempotent.
 * For plain text only: Markdown goes through the renderer, which applies it to text alone
 * (never to code, addresses or attributes).
 */
export function typographier(texte: string): string {
	return appliquer(REGLES, texte);
}

/**
 * The same without adding any space: the typed spaces before « ; : ! ? », inside « » and in
 * numbers become no-break ones. For text of any origin and language (what users typed, the
 * interface's strings), where « Why? » must stay as written.
 */
export function typographierEspaces(texte: string): string {
	return appliquer(REGLES_SURES, texte);
}

function appliquer(regles: [RegExp, string][], texte: string): string {
	let resultat = texte;
	for (const [motif, remplacement] of regles) resultat = resultat.replace(motif, remplacement);
	return resultat.replace(MILLIERS, (groupe) => groupe.replace(new RegExp(ESPACES, 'gu'), ESPACE_FINE));
}

/** Elements whose text is not prose: never touched (a textarea's text is what a form sends back). */
const BRUTS = new Set(['script', 'style', 'textarea', 'pre', 'code', 'kbd', 'samp']);
/** A tag, its quoted attributes included (a « > » inside quotes does not end it). */
const BALISE = /<!--[\s\S]*?-->|<\/?([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * A rendered page with its text typeset by typographierEspaces: text between tags only,
 * never attributes (form values), scripts, styles, code or what a textarea holds.
 */
export function typographierHtml(html: string): string {
	let sortie = '';
	let dernier = 0;
	let brut: string | undefined;
	for (const m of html.matchAll(BALISE)) {
		const texte = html.slice(dernier, m.index);
		sortie += brut ? texte : typographierEspaces(texte);
		sortie += m[0];
		dernier = m.index + m[0].length;
		const nom = m[1]?.toLowerCase();
		if (nom && BRUTS.has(nom)) brut = m[0].startsWith('</') ? (brut === nom ? undefined : brut) : (brut ?? nom);
	}
	return sortie + (brut ? html.slice(dernier) : typographierEspaces(html.slice(dernier)));
}

/** The same, on an optional value. */
export const typographierSi = <T extends string | null | undefined>(texte: T): T =>
	(typeof texte === 'string' ? typographier(texte) : texte) as T;
