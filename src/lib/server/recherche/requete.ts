import { sql, type SQL } from 'drizzle-orm';
import { normaliser, synonymesA } from './synonymes.ts';

/** Beyond this, a query is cut (and the reader told): no one types 200 characters to search. */
export const LONGUEUR_MAX = 200;
const TERMES_MAX = 12;

/** One unit of the query: a word, a "phrase", an -excluded word, or a group of synonyms. */
export interface Terme {
	texte: string;
	exclu: boolean;
	/** What to search for, any of them: the term itself, or its synonyms. */
	variantes: string[];
	/** Single plain words can be corrected (« Vouliez-vous dire … ? »). */
	corrigeable: boolean;
}

export interface RequeteAnalysee {
	/** The query as searched: trimmed, without control characters, cut if too long. */
	texte: string;
	tronquee: boolean;
	termes: Terme[];
}

/** Splits what the reader typed into terms. Never fails, whatever the input. */
export function analyserRequete(brut: string): RequeteAnalysee {
	const propre = brut
		.replace(/[\p{Cc}\p{Cs}\u2028\u2029]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const tronquee = propre.length > LONGUEUR_MAX;
	const texte = tronquee ? propre.slice(0, LONGUEUR_MAX).replace(/\s\S*$/, '') : propre;

	// Phrases in quotes (straight or French) and exclusions are kept whole.
	const morceaux: { texte: string; phrase: boolean; exclu: boolean }[] = [];
	for (const m of texte.matchAll(/(-?)(?:"([^"]+)"|«\s*([^»]+?)\s*»|(\S+))/g)) {
		const phrase = m[2] ?? m[3];
		const mot = m[4];
		if (phrase) morceaux.push({ texte: phrase.trim(), phrase: true, exclu: m[1] === '-' });
		else if (mot) {
			// Bare punctuation (« ? », « - ») is not a word.
			const nettoye = mot.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
			if (nettoye) morceaux.push({ texte: nettoye, phrase: false, exclu: m[1] === '-' && m[0].length > 1 });
		}
	}

	const termes: Terme[] = [];
	for (let i = 0; i < morceaux.length && termes.length < TERMES_MAX; ) {
		const m = morceaux[i]!;
		if (m.exclu || m.phrase) {
			termes.push({ texte: m.texte, exclu: m.exclu, variantes: [m.texte], corrigeable: false });
			i++;
			continue;
		}
		// The longest run of plain words that is a known synonym.
		let fin = i;
		while (fin < morceaux.length && !morceaux[fin]!.phrase && !morceaux[fin]!.exclu) fin++;
		const trouve = synonymesA(
			morceaux.slice(i, fin).map((x) => x.texte),
			0
		);
		if (trouve) {
			const texteTerme = morceaux
				.slice(i, i + trouve.longueur)
				.map((x) => x.texte)
				.join(' ');
			const variantes = [texteTerme, ...trouve.groupe.filter((s) => normaliser(s) !== normaliser(texteTerme))];
			termes.push({ texte: texteTerme, exclu: false, variantes, corrigeable: false });
			i += trouve.longueur;
		} else {
			termes.push({ texte: m.texte, exclu: false, variantes: [m.texte], corrigeable: true });
			i++;
		}
	}
	return { texte, tronquee, termes };
}

const CONFIGURATION = sql.raw(`'public.francais'::regconfig`);

/** A term as a tsquery: any of its variants, multi-word variants as phrases. */
function requeteTerme(t: Terme): SQL {
	const parts = t.variantes.map((v) => {
		const source = t.exclu ? `-"${v.replaceAll('"', ' ')}"` : /\s/.test(v) ? `"${v.replaceAll('"', ' ')}"` : v;
		return sql`websearch_to_tsquery(${CONFIGURATION}, ${source})`;
	});
	return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * The tsqueries of a query, as SQL expressions: `tous` requires every term, `certains` any of
 * them (used when no document has them all). Excluded terms are excluded from both.
 */
export function requetesTexte(r: RequeteAnalysee): { tous: SQL; certains: SQL } | undefined {
	const inclus = r.termes.filter((t) => !t.exclu).map(requeteTerme);
	if (inclus.length === 0) return undefined;
	const exclus = r.termes.filter((t) => t.exclu).map(requeteTerme);
	const avecExclus = (q: SQL) => (exclus.length ? sql`(${q}) && ${sql.join(exclus, sql` && `)}` : q);
	return {
		tous: avecExclus(sql.join(inclus, sql` && `)),
		certains: avecExclus(sql`(${sql.join(inclus, sql` || `)})`)
	};
}
