import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import type { StatutFiche } from '../db/schema.ts';
import { cartesFiches, type CarteFiche } from './cartes.ts';
import { typographier } from '../../typographie.ts';

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Up to `nombre` fiches close to this one: what they share (themes ×3, publics ×2, countries
 * ×2, stages ×1), then, among the 40 best, how alike their titles and summaries read (pg_trgm).
 */
export async function fichesSimilaires(
	db: Database,
	ficheId: number,
	statuts: StatutFiche[],
	nombre = 4
): Promise<CarteFiche[]> {
	const visibles = sql.join(statuts.map((s) => sql`${s}`), sql`, `);
	const r = lignes<{ id: number }>(
		await db.execute(sql`
			with partages as (
				select x.fiche_id as id, 3 as poids from fiches_themes x join fiches_themes y on y.theme = x.theme where y.fiche_id = ${ficheId}
				union all select x.fiche_id, 2 from fiches_publics x join fiches_publics y on y.public = x.public where y.fiche_id = ${ficheId}
				union all select x.fiche_id, 2 from fiches_territoires x join fiches_territoires y on y.type = x.type and y.code = x.code where y.fiche_id = ${ficheId} and x.type = 'pays'
				union all select x.fiche_id, 1 from fiches_etapes x join fiches_etapes y on y.etape_id = x.etape_id where y.fiche_id = ${ficheId}
			),
			candidats as (
				select p.id, sum(p.poids) as score from partages p join fiches f on f.id = p.id
				where p.id <> ${ficheId} and f.statut in (${visibles})
				group by p.id order by score desc, p.id limit 40
			),
			moi as (select titre || ' ' || resume as texte from fiches where id = ${ficheId})
			select c.id from candidats c join fiches f on f.id = c.id, moi
			order by c.score + 6 * similarity(f.titre || ' ' || f.resume, moi.texte) desc, f.periode_debut desc, f.id
			limit ${nombre}`)
	);
	return cartesFiches(
		db,
		r.map((x) => x.id)
	);
}

/** « D'autres territoires ont travaillé sur … »: this fiche's themes and publics, with how many other fiches share each. */
export async function autresTerritoires(db: Database, ficheId: number, statuts: StatutFiche[]) {
	const visibles = sql.join(statuts.map((s) => sql`${s}`), sql`, `);
	return lignes<{ facette: 'theme' | 'public'; valeur: string; nom: string; nombre: number }>(
		await db.execute(sql`
			select 'theme' as facette, t.slug as valeur, t.nom, count(f.id)::int as nombre
			from fiches_themes moi join themes t on t.slug = moi.theme
			left join fiches_themes x on x.theme = moi.theme and x.fiche_id <> moi.fiche_id
			left join fiches f on f.id = x.fiche_id and f.statut in (${visibles})
			where moi.fiche_id = ${ficheId} group by t.slug, t.nom, t.ordre
			union all
			select 'public', p.slug, p.nom, count(f.id)::int
			from fiches_publics moi join publics p on p.slug = moi.public
			left join fiches_publics x on x.public = moi.public and x.fiche_id <> moi.fiche_id
			left join fiches f on f.id = x.fiche_id and f.statut in (${visibles})
			where moi.fiche_id = ${ficheId} group by p.slug, p.nom, p.ordre`)
	)
		.filter((l) => l.nombre > 0)
		.map((l) => ({ ...l, nom: typographier(l.nom), href: `/recherche?${l.facette}=${encodeURIComponent(l.valeur)}` }));
}
