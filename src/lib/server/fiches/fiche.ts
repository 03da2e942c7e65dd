import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	etapes,
	fiches,
	fichesEtapes,
	fichesOddCibles,
	fichesPublics,
	fichesRecommandations,
	fichesTerritoires,
	fichesThemes,
	oddCibles,
	oddObjectifs,
	publics,
	recommandations,
	themes
} from '../db/schema.ts';
import { SECTIONS_FICHE } from '../contenu/schemas.ts';
import { rendreMarkdown } from '../markdown.ts';
import { departement, nomPays } from '../referentiels/territoires.ts';

/** A fiche with everything its page shows, whatever its status (the caller asks the policy), or undefined. */
export async function ficheParSlug(db: Database, slug: string) {
	// The search documents are large and for the database only.
	const { recherche: _r, rechercheEntete: _e, ...colonnes } = getTableColumns(fiches);
	const [fiche] = await db.select(colonnes).from(fiches).where(eq(fiches.slug, slug));
	if (!fiche) return undefined;

	const [listeThemes, listePublics, listeEtapes, listeRecommandations, cibles, territoires] = await Promise.all([
		db
			.select({ slug: themes.slug, nom: themes.nom })
			.from(fichesThemes)
			.innerJoin(themes, eq(themes.slug, fichesThemes.theme))
			.where(eq(fichesThemes.ficheId, fiche.id))
			.orderBy(asc(themes.ordre)),
		db
			.select({ slug: publics.slug, nom: publics.nom })
			.from(fichesPublics)
			.innerJoin(publics, eq(publics.slug, fichesPublics.public))
			.where(eq(fichesPublics.ficheId, fiche.id))
			.orderBy(asc(publics.ordre)),
		db
			.select({ numero: etapes.numero, slug: etapes.slug, titre: etapes.titre })
			.from(fichesEtapes)
			.innerJoin(etapes, eq(etapes.id, fichesEtapes.etapeId))
			.where(eq(fichesEtapes.ficheId, fiche.id))
			.orderBy(asc(etapes.numero)),
		db
			.select({
				etapeNumero: etapes.numero,
				etapeSlug: etapes.slug,
				numero: recommandations.numero,
				titre: recommandations.titre
			})
			.from(fichesRecommandations)
			.innerJoin(recommandations, eq(recommandations.id, fichesRecommandations.recommandationId))
			.innerJoin(etapes, eq(etapes.id, recommandations.etapeId))
			.where(eq(fichesRecommandations.ficheId, fiche.id))
			.orderBy(asc(etapes.numero), asc(recommandations.numero)),
		db
			.select({
				code: oddCibles.code,
				titre: oddCibles.titre,
				objectif: oddObjectifs.numero,
				objectifCourt: oddObjectifs.intituleCourt,
				justification: fichesOddCibles.justification
			})
			.from(fichesOddCibles)
			.innerJoin(oddCibles, eq(oddCibles.code, fichesOddCibles.cible))
			.innerJoin(oddObjectifs, eq(oddObjectifs.numero, oddCibles.objectif))
			.where(eq(fichesOddCibles.ficheId, fiche.id))
			.orderBy(asc(oddCibles.ordre)),
		db.select().from(fichesTerritoires).where(eq(fichesTerritoires.ficheId, fiche.id)).orderBy(asc(fichesTerritoires.code))
	]);

	return {
		id: fiche.id,
		slug: fiche.slug,
		statut: fiche.statut,
		titre: fiche.titre,
		resume: fiche.resume,
		exemple: fiche.exemple,
		porteur: fiche.porteur,
		partenairesIci: fiche.partenairesIci,
		partenairesLaBas: fiche.partenairesLaBas,
		territoiresLaBas: fiche.territoiresLaBas,
		periodeDebut: fiche.periodeDebut,
		periodeFin: fiche.periodeFin,
		budgetMontant: fiche.budgetMontant,
		budgetCommentaire: fiche.budgetCommentaire,
		financements: fiche.financements,
		temoignages: fiche.temoignages,
		ressources: fiche.ressources,
		contacts: fiche.contacts,
		modifieLe: fiche.modifieLe,
		sections: SECTIONS_FICHE.map(([titre, champ]) => ({ id: champ, titre, html: rendreMarkdown(fiche[champ]) })),
		themes: listeThemes,
		publics: listePublics,
		etapes: listeEtapes,
		recommandations: listeRecommandations,
		odd: cibles.map((c) => ({
			code: c.code,
			titre: c.titre.fr,
			objectif: c.objectif,
			objectifCourt: c.objectifCourt.fr,
			justification: c.justification
		})),
		departements: territoires
			.filter((t) => t.type === 'departement')
			.map((t) => ({ code: t.code, nom: departement(t.code)?.nom ?? t.code })),
		pays: territoires.filter((t) => t.type === 'pays').map((t) => ({ code: t.code, nom: nomPays(t.code) ?? t.code }))
	};
}

export type FicheDetail = NonNullable<Awaited<ReturnType<typeof ficheParSlug>>>;
