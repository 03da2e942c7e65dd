import { typographier } from '../../typographie.ts';

/** A passage of text with the searched words marked, ready to be escaped by the page. */
export type Extrait = { texte: string; marque: boolean }[];

/** Markdown syntax is noise in a one-line excerpt: links keep their text, markers go. */
function sansMarkdown(texte: string): string {
	return texte
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		// A fragment may start or end inside a link.
		.replace(/\]\([^)\s]*\)?/g, '')
		.replace(/\[/g, '')
		.replace(/^\s*(#{1,6}|[-*+]|\d+\.|>)\s+/gm, '')
		.replace(/[*_`]{1,3}/g, '')
		.replace(/\s+/g, ' ');
}

/** Splits ts_headline's output (highlights between \u0002 and \u0003) into segments. */
export function extrait(brut: string): Extrait {
	const segments: Extrait = [];
	for (const [i, texte] of typographier(sansMarkdown(brut)).split(/[\u0002\u0003]/).entries()) {
		if (texte) segments.push({ texte, marque: i % 2 === 1 });
	}
	return segments;
}
