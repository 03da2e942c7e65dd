import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { tableauTexte } from '../db/motif.ts';
import type { RequeteAnalysee } from './requete.ts';
import { normaliser } from './synonymes.ts';

/**
 * « Vouliez-vous dire … ? »: each plain word of 4 letters or more that the kit never uses is
 * replaced by the closest word it does use (trigram similarity). Undefined when nothing changes.
 */
export async function corrigerRequete(db: Database, r: RequeteAnalysee): Promise<string | undefined> {
	const inconnus = new Map<string, string>();
	const candidats = r.termes.filter((t) => t.corrigeable && t.texte.length >= 4 && t.texte.length <= 30 && /^\p{L}+$/u.test(t.texte));
	if (candidats.length === 0) return undefined;
	const cles = [...new Set(candidats.map((t) => normaliser(t.texte)))];
	const liste = tableauTexte(cles);
	// Known words are looked up first (an index probe); only unknown ones pay for similarity.
	const connus = (await db.execute(sql`select cle from recherche_mots where cle = any(${liste})`)) as unknown as {
		rows: { cle: string }[];
	};
	const aCorriger = cles.filter((c) => !connus.rows.some((k) => k.cle === c));
	if (aCorriger.length === 0) return undefined;
	const res = (await db.execute(sql`
		select q.mot, best.forme
		from unnest(${tableauTexte(aCorriger)}) as q(mot)
		left join lateral (
			select m.forme from recherche_mots m
			where m.cle % q.mot
			order by similarity(m.cle, q.mot) desc, abs(char_length(m.cle) - char_length(q.mot)), m.cle
			limit 1
		) best on true`)) as unknown as {
		rows: { mot: string; forme: string | null }[];
	};
	for (const l of res.rows) if (l.forme) inconnus.set(l.mot, l.forme);
	if (inconnus.size === 0) return undefined;
	const corrige = r.termes
		.map((t) => {
			const texte = t.exclu ? `-${t.texte}` : /\s/.test(t.texte) && !t.corrigeable && t.variantes.length === 1 ? `"${t.texte}"` : t.texte;
			return (t.corrigeable && inconnus.get(normaliser(t.texte))) || texte;
		})
		.join(' ');
	return corrige === r.texte ? undefined : corrige;
}
