// Realistic synthetic fiches for the benchmark: sentences of the example fiches recombined,
// spread over every theme, public, stage, département and some forty partner countries.
import { sql } from 'drizzle-orm';
import type { KitContenu } from '../src/lib/server/contenu/lecture.ts';
import type { Database } from '../src/lib/server/db/index.ts';
import {
	etapes as tableEtapes,
	fiches,
	fichesEtapes,
	fichesOddCibles,
	fichesPublics,
	fichesRecommandations,
	fichesTerritoires,
	fichesThemes,
	recommandations as tableRecommandations
} from '../src/lib/server/db/schema.ts';
import { SECTIONS_FICHE } from '../src/lib/server/contenu/schemas.ts';
import { DEPARTEMENTS } from '../src/lib/server/referentiels/territoires.ts';
import { liensFacettes, texteIdentite } from '../src/lib/server/recherche/identite.ts';

export const PAYS = ['SN', 'MA', 'BJ', 'TN', 'MG', 'LB', 'BF', 'HT', 'CO', 'ML', 'TG', 'DZ', 'CM', 'CI', 'NE', 'GN', 'MR', 'TD', 'CD', 'CG', 'GA', 'RW', 'BI', 'KM', 'MU', 'DJ', 'PS', 'JO', 'VN', 'KH', 'LA', 'PE', 'BO', 'BR', 'CL', 'EC', 'CU', 'DO', 'AM', 'GE'];

/** A small seeded generator, so that two runs measure the same data. */
export function aleatoire(graine: number) {
	let a = graine >>> 0;
	const suivant = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const entier = (n: number) => Math.floor(suivant() * n);
	const un = <T>(liste: readonly T[]) => liste[entier(liste.length)]!;
	const plusieurs = <T>(liste: readonly T[], min: number, max: number) => {
		const n = min + entier(max - min + 1);
		return [...new Set(Array.from({ length: n }, () => un(liste)))];
	};
	return { suivant, entier, un, plusieurs };
}

export async function genererFiches(db: Database, kit: KitContenu, nombre: number, graine = 42): Promise<void> {
	const h = aleatoire(graine);
	// Sentences of each section of the example fiches.
	const phrases = Object.fromEntries(
		SECTIONS_FICHE.map(([, champ]) => [
			champ,
			kit.fiches.flatMap((f) => String(f[champ]).split(/(?<=[.!?])\s+/).filter((p) => p.length > 30))
		])
	) as Record<(typeof SECTIONS_FICHE)[number][1], string[]>;
	const resumes = kit.fiches.map((f) => f.resume);
	const titres = kit.fiches.map((f) => f.titre);
	const cibles = [...new Set(kit.fiches.flatMap((f) => f.odd.map((o) => o.cible)))];
	const idEtape = new Map((await db.select({ id: tableEtapes.id, numero: tableEtapes.numero }).from(tableEtapes)).map((e) => [e.numero, e.id]));
	const recos = await db.select({ id: tableRecommandations.id, etapeId: tableRecommandations.etapeId }).from(tableRecommandations);
	const noms = {
		themes: new Map(kit.themes.map((t) => [t.slug, t.nom])),
		publics: new Map(kit.publics.map((p) => [p.slug, p.nom])),
		etapes: new Map(kit.etapes.map((e) => [e.numero, e.titre]))
	};

	for (let debut = 0; debut < nombre; debut += 250) {
		const lot = Array.from({ length: Math.min(250, nombre - debut) }, (_, i) => {
			const n = debut + i;
			const themes = h.plusieurs(kit.themes.map((t) => t.slug), 1, 2);
			const publics = h.plusieurs(kit.publics.map((p) => p.slug), 1, 2);
			const etapes = h.plusieurs([1, 2, 3, 4, 5, 6, 7, 8], 1, 3).sort();
			const departements = h.plusieurs(DEPARTEMENTS.map((d) => d.code), 1, 1);
			const pays = h.plusieurs(PAYS, 1, 2);
			const odd = h.plusieurs(cibles, 1, 3);
			const annee = 2008 + h.entier(18);
			const sections = Object.fromEntries(
				SECTIONS_FICHE.map(([, champ]) => [champ, Array.from({ length: 3 + h.entier(3) }, () => h.un(phrases[champ])).join(' ')])
			);
			const ligne = {
				slug: `bench-${n}`,
				titre: `${h.un(titres).split(/[,:]/)[0]} (${n})`,
				resume: h.un(resumes),
				statut: h.suivant() < 0.95 ? ('publiee' as const) : ('brouillon' as const),
				exemple: true,
				source: 'bench',
				porteur: 'Un Département de France',
				typePorteur: 'departement',
				partenairesIci: ['Une association du territoire'],
				partenairesLaBas: ['Une commune partenaire'],
				territoiresLaBas: null,
				periodeDebut: `${annee}-0${1 + h.entier(9)}`,
				periodeFin: h.suivant() < 0.8 ? String(annee + 1 + h.entier(4)) : null,
				budgetMontant: 20000 + h.entier(200) * 1000,
				budgetCommentaire: null,
				financements: [],
				temoignages: [],
				ressources: [],
				contacts: [],
				...sections
			} as unknown as typeof fiches.$inferInsert;
			ligne.identite = texteIdentite(
				{ ...ligne, partenairesIci: ligne.partenairesIci!, partenairesLaBas: ligne.partenairesLaBas!, territoiresLaBas: null, departements, regions: [], pays, themes, publics, etapes },
				noms
			);
			ligne.liensFacettes = liensFacettes({ departements, regions: [], pays, themes, publics, etapes, cibles: odd });
			return { ligne, themes, publics, etapes, departements, pays, odd };
		});
		await db.transaction(async (tx) => {
			const ids = await tx.insert(fiches).values(lot.map((l) => l.ligne)).returning({ id: fiches.id });
			const avec = lot.map((l, i) => ({ ...l, id: ids[i]!.id }));
			await tx.insert(fichesThemes).values(avec.flatMap((l) => l.themes.map((theme) => ({ ficheId: l.id, theme }))));
			await tx.insert(fichesPublics).values(avec.flatMap((l) => l.publics.map((p) => ({ ficheId: l.id, public: p }))));
			await tx.insert(fichesEtapes).values(avec.flatMap((l) => l.etapes.map((e) => ({ ficheId: l.id, etapeId: idEtape.get(e)! }))));
			await tx.insert(fichesRecommandations).values(
				avec.flatMap((l) => {
					const siennes = recos.filter((r) => l.etapes.some((e) => idEtape.get(e) === r.etapeId));
					return h.plusieurs(siennes, 1, 3).map((r) => ({ ficheId: l.id, recommandationId: r.id }));
				})
			);
			await tx.insert(fichesOddCibles).values(
				avec.flatMap((l) => l.odd.map((cible) => ({ ficheId: l.id, cible, justification: 'Cible illustrée par le projet.' })))
			);
			await tx.insert(fichesTerritoires).values(
				avec.flatMap((l) => [
					...l.departements.map((code) => ({ ficheId: l.id, type: 'departement' as const, code })),
					...l.pays.map((code) => ({ ficheId: l.id, type: 'pays' as const, code }))
				])
			);
		});
	}
	await db.execute(sql`analyze`);
}
