import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { fiches, fichesTerritoires, fichesThemes, themes } from '../db/schema.ts';
import { departement, nomPays, region } from '../referentiels/territoires.ts';
import { typographier } from '../../typographie.ts';

/** What a list shows of a fiche. */
export interface CarteFiche {
	slug: string;
	titre: string;
	resume: string;
	exemple: boolean;
	porteur: string;
	periodeDebut: string;
	periodeFin: string | null;
	statut: 'brouillon' | 'publiee';
	themes: { slug: string; nom: string }[];
	departements: { code: string; nom: string }[];
	/** Regions named without a département: an example fiche's fictitious location. */
	regions: { code: string; nom: string }[];
	pays: { code: string; nom: string }[];
}

/**
 * Cards of the given fiches, in the order of `ids`. The callers chose them with the statuses
 * the policy lets the reader see (`statutsFichesLisibles`): an editor's list shows drafts.
 */
export async function cartesFiches(db: Database, ids: number[]): Promise<CarteFiche[]> {
	if (ids.length === 0) return [];
	const [lignes, liensThemes, territoires] = await Promise.all([
		db
			.select({
				id: fiches.id,
				slug: fiches.slug,
				titre: fiches.titre,
				resume: fiches.resume,
				exemple: fiches.exemple,
				porteur: fiches.porteur,
				periodeDebut: fiches.periodeDebut,
				periodeFin: fiches.periodeFin,
				statut: fiches.statut
			})
			.from(fiches)
			.where(inArray(fiches.id, ids)),
		db
			.select({ ficheId: fichesThemes.ficheId, slug: themes.slug, nom: themes.nom })
			.from(fichesThemes)
			.innerJoin(themes, eq(themes.slug, fichesThemes.theme))
			.where(inArray(fichesThemes.ficheId, ids))
			.orderBy(asc(themes.ordre)),
		db
			.select()
			.from(fichesTerritoires)
			.where(inArray(fichesTerritoires.ficheId, ids))
			.orderBy(asc(fichesTerritoires.code))
	]);
	const parId = new Map(lignes.map((l) => [l.id, l]));
	return ids
		.filter((id) => parId.has(id))
		.map((id) => {
			const { id: _id, ...fiche } = parId.get(id)!;
			const siens = territoires.filter((t) => t.ficheId === id);
			return {
				...fiche,
				titre: typographier(fiche.titre),
				resume: typographier(fiche.resume),
				porteur: typographier(fiche.porteur),
				themes: liensThemes.filter((t) => t.ficheId === id).map(({ slug, nom }) => ({ slug, nom: typographier(nom) })),
				departements: siens
					.filter((t) => t.type === 'departement')
					.map((t) => ({ code: t.code, nom: departement(t.code)?.nom ?? t.code })),
				regions: siens.filter((t) => t.type === 'region').map((t) => ({ code: t.code, nom: region(t.code)?.nom ?? t.code })),
				pays: siens.filter((t) => t.type === 'pays').map((t) => ({ code: t.code, nom: nomPays(t.code) ?? t.code }))
			};
		});
}
