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
import { departement, nomPays, region } from '../referentiels/territoires.ts';
import { typographier, typographierSi } from '../../typographie.ts';

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

	const t = typographier;
	return {
		id: fiche.id,
		slug: fiche.slug,
		statut: fiche.statut,
		titre: t(fiche.titre),
		resume: t(fiche.resume),
		exemple: fiche.exemple,
		porteur: t(fiche.porteur),
		partenairesIci: fiche.partenairesIci.map(t),
		partenairesLaBas: fiche.partenairesLaBas.map(t),
		territoiresLaBas: typographierSi(fiche.territoiresLaBas),
		periodeDebut: fiche.periodeDebut,
		periodeFin: fiche.periodeFin,
		budgetMontant: fiche.budgetMontant,
		budgetCommentaire: typographierSi(fiche.budgetCommentaire),
		financements: fiche.financements.map((f) => ({ ...f, financeur: t(f.financeur) })),
		temoignages: fiche.temoignages.map((x) => ({ ...x, citation: t(x.citation), auteur: t(x.auteur) })),
		ressources: fiche.ressources.map((r) => ({ titre: t(r.titre), description: t(r.description) })),
		// An example fiche's contacts are fictitious even where a file forgot to say so.
		contacts: fiche.contacts.map((c) => ({ nom: t(c.nom), role: t(c.role), fictif: fiche.exemple || c.fictif === true })),
		modifieLe: fiche.modifieLe,
		sections: SECTIONS_FICHE.map(([titre, champ]) => ({ id: champ, titre, html: rendreMarkdown(fiche[champ]) })),
		themes: listeThemes.map((x) => ({ ...x, nom: t(x.nom) })),
		publics: listePublics.map((x) => ({ ...x, nom: t(x.nom) })),
		etapes: listeEtapes.map((e) => ({ ...e, titre: t(e.titre) })),
		recommandations: listeRecommandations.map((r) => ({ ...r, titre: t(r.titre) })),
		odd: cibles.map((c) => ({
			code: c.code,
			titre: t(c.titre.fr),
			objectif: c.objectif,
			objectifCourt: t(c.objectifCourt.fr),
			justification: t(c.justification)
		})),
		departements: territoires
			.filter((x) => x.type === 'departement')
			.map((x) => ({ code: x.code, nom: departement(x.code)?.nom ?? x.code })),
		regions: territoires.filter((x) => x.type === 'region').map((x) => ({ code: x.code, nom: region(x.code)?.nom ?? x.code })),
		/** Where an example fiche is placed is invented too: the page says so. */
		localisationFictive: fiche.exemple,
		pays: territoires.filter((x) => x.type === 'pays').map((x) => ({ code: x.code, nom: nomPays(x.code) ?? x.code }))
	};
}

export type FicheDetail = NonNullable<Awaited<ReturnType<typeof ficheParSlug>>>;
