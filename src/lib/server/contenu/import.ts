import { isDeepStrictEqual } from 'node:util';
import { and, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	departements,
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
	outils,
	pages,
	parametres,
	publics,
	questionsAutoEvaluation,
	recommandations,
	themes,
	type TypeTerritoire
} from '../db/schema.ts';
import { referentielOdd } from '../referentiels/odd.ts';
import { DEPARTEMENTS } from '../referentiels/territoires.ts';
import { liensFacettes, texteIdentite } from '../recherche/identite.ts';
import { ContenuInvalide, type KitContenu } from './lecture.ts';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface Bilan {
	ajouts: number;
	modifications: number;
	suppressions: number;
}
export type BilanImport = Bilan & { details: Record<string, Bilan> };

export const CLE_EMPREINTE = 'contenu.empreinte';

/**
 * Writes the validated content into the database, in one transaction: rows are inserted,
 * updated or deleted only where they differ, so importing unchanged content writes nothing.
 * Fiches created elsewhere than in content/ are left alone.
 */
export async function importerContenu(db: Database, kit: KitContenu): Promise<BilanImport> {
	return db.transaction(async (tx) => {
		// Two servers starting together on PostgreSQL must not import twice at once.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('terrinclus:contenu'))`);
		const bilan = new Compteur();

		// ——— SDG reference data ———
		const odd = referentielOdd();
		await synchroniser(tx, bilan, 'odd_objectifs', {
			existants: await tx.select().from(oddObjectifs),
			voulus: odd.objectifs,
			cle: (o) => String(o.numero),
			inserer: (rows) => tx.insert(oddObjectifs).values(rows),
			modifier: (o) => tx.update(oddObjectifs).set(o).where(eq(oddObjectifs.numero, o.numero)),
			supprimer: null
		});
		await synchroniser(tx, bilan, 'odd_cibles', {
			existants: await tx.select().from(oddCibles),
			voulus: odd.cibles,
			cle: (c) => c.code,
			inserer: (rows) => tx.insert(oddCibles).values(rows),
			modifier: (c) => tx.update(oddCibles).set(c).where(eq(oddCibles.code, c.code)),
			supprimer: null
		});

		await synchroniser(tx, bilan, 'departements', {
			existants: await tx.select().from(departements),
			voulus: DEPARTEMENTS.map((d) => ({ code: d.code, nom: d.nom, regionCode: d.regionCode, regionNom: d.region })),
			cle: (d) => d.code,
			inserer: (rows) => tx.insert(departements).values(rows),
			modifier: (d) => tx.update(departements).set(d).where(eq(departements.code, d.code)),
			supprimer: null
		});

		// ——— Taxonomies ———
		await synchroniser(tx, bilan, 'themes', {
			existants: await tx.select().from(themes),
			voulus: kit.themes,
			cle: (t) => t.slug,
			inserer: (rows) => tx.insert(themes).values(rows),
			modifier: (t) => tx.update(themes).set(t).where(eq(themes.slug, t.slug)),
			supprimer: (cles) => tx.delete(themes).where(inArray(themes.slug, cles))
		});
		await synchroniser(tx, bilan, 'publics', {
			existants: await tx.select().from(publics),
			voulus: kit.publics,
			cle: (p) => p.slug,
			inserer: (rows) => tx.insert(publics).values(rows),
			modifier: (p) => tx.update(publics).set(p).where(eq(publics.slug, p.slug)),
			supprimer: (cles) => tx.delete(publics).where(inArray(publics.slug, cles))
		});

		// ——— Stages and what belongs to them ———
		// A stage keeps its id across edits (keyed by number), so links to it survive.
		const colonnesEtape = {
			numero: etapes.numero,
			slug: etapes.slug,
			titre: etapes.titre,
			resume: etapes.resume,
			pourquoi: etapes.pourquoi,
			questionsCles: etapes.questionsCles,
			ecueils: etapes.ecueils
		};
		await synchroniser(tx, bilan, 'etapes', {
			existants: await tx.select(colonnesEtape).from(etapes),
			voulus: kit.etapes.map((e) => ({
				numero: e.numero,
				slug: e.slug,
				titre: e.titre,
				resume: e.resume,
				pourquoi: e.pourquoi,
				questionsCles: e.questionsCles,
				ecueils: e.ecueils
			})),
			cle: (e) => String(e.numero),
			inserer: (rows) => tx.insert(etapes).values(rows),
			modifier: (e) => tx.update(etapes).set({ ...e, modifieLe: sql`now()` }).where(eq(etapes.numero, e.numero)),
			supprimer: (cles) => tx.delete(etapes).where(inArray(etapes.numero, cles.map(Number)))
		});
		const idEtape = new Map(
			(await tx.select({ id: etapes.id, numero: etapes.numero }).from(etapes)).map((e) => [e.numero, e.id])
		);

		const colonnesRecommandation = {
			etapeId: recommandations.etapeId,
			numero: recommandations.numero,
			titre: recommandations.titre,
			pourquoi: recommandations.pourquoi,
			enPratique: recommandations.enPratique
		};
		await synchroniser(tx, bilan, 'recommandations', {
			existants: await tx.select(colonnesRecommandation).from(recommandations),
			voulus: kit.etapes.flatMap((e) =>
				e.recommandations.map((r) => ({ etapeId: idEtape.get(e.numero)!, ...r }))
			),
			cle: (r) => `${r.etapeId}.${r.numero}`,
			inserer: (rows) => tx.insert(recommandations).values(rows),
			modifier: (r) =>
				tx
					.update(recommandations)
					.set({ ...r, modifieLe: sql`now()` })
					.where(and(eq(recommandations.etapeId, r.etapeId), eq(recommandations.numero, r.numero))),
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [etapeId, numero] = cle.split('.').map(Number) as [number, number];
						return tx
							.delete(recommandations)
							.where(and(eq(recommandations.etapeId, etapeId), eq(recommandations.numero, numero)));
					})
				)
		});
		const idRecommandation = new Map(
			(await tx.select({ id: recommandations.id, etapeId: recommandations.etapeId, numero: recommandations.numero }).from(recommandations)).map(
				(r) => [`${r.etapeId}.${r.numero}`, r.id]
			)
		);
		const idParCode = (numeroEtape: number, numero: number) =>
			idRecommandation.get(`${idEtape.get(numeroEtape)}.${numero}`)!;

		await synchroniser(tx, bilan, 'outils', {
			existants: await tx
				.select({
					etapeId: outils.etapeId,
					ordre: outils.ordre,
					titre: outils.titre,
					type: outils.type,
					description: outils.description,
					contenu: outils.contenu
				})
				.from(outils),
			voulus: kit.etapes.flatMap((e) => e.outils.map((o) => ({ etapeId: idEtape.get(e.numero)!, ...o }))),
			cle: (o) => `${o.etapeId}.${o.ordre}`,
			inserer: (rows) => tx.insert(outils).values(rows),
			modifier: (o) =>
				tx.update(outils).set(o).where(and(eq(outils.etapeId, o.etapeId), eq(outils.ordre, o.ordre))),
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [etapeId, ordre] = cle.split('.').map(Number) as [number, number];
						return tx.delete(outils).where(and(eq(outils.etapeId, etapeId), eq(outils.ordre, ordre)));
					})
				)
		});

		await synchroniser(tx, bilan, 'questions_auto_evaluation', {
			existants: await tx
				.select({
					etapeId: questionsAutoEvaluation.etapeId,
					ordre: questionsAutoEvaluation.ordre,
					question: questionsAutoEvaluation.question,
					recommandationId: questionsAutoEvaluation.recommandationId
				})
				.from(questionsAutoEvaluation),
			voulus: kit.etapes.flatMap((e) =>
				e.autoEvaluation.map((q) => ({
					etapeId: idEtape.get(e.numero)!,
					ordre: q.ordre,
					question: q.question,
					recommandationId: idParCode(e.numero, q.recommandation)
				}))
			),
			cle: (q) => `${q.etapeId}.${q.ordre}`,
			inserer: (rows) => tx.insert(questionsAutoEvaluation).values(rows),
			modifier: (q) =>
				tx
					.update(questionsAutoEvaluation)
					.set(q)
					.where(and(eq(questionsAutoEvaluation.etapeId, q.etapeId), eq(questionsAutoEvaluation.ordre, q.ordre))),
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [etapeId, ordre] = cle.split('.').map(Number) as [number, number];
						return tx
							.delete(questionsAutoEvaluation)
							.where(and(eq(questionsAutoEvaluation.etapeId, etapeId), eq(questionsAutoEvaluation.ordre, ordre)));
					})
				)
		});

		// ——— Pages ———
		await synchroniser(tx, bilan, 'pages', {
			existants: await tx
				.select({ slug: pages.slug, titre: pages.titre, description: pages.description, corps: pages.corps })
				.from(pages),
			voulus: kit.pages.map(({ slug, titre, description, corps }) => ({ slug, titre, description, corps })),
			cle: (p) => p.slug,
			inserer: (rows) => tx.insert(pages).values(rows),
			modifier: (p) => tx.update(pages).set({ ...p, modifieLe: sql`now()` }).where(eq(pages.slug, p.slug)),
			supprimer: (cles) => tx.delete(pages).where(inArray(pages.slug, cles))
		});

		// ——— Fiches ———
		const slugs = kit.fiches.map((f) => f.slug);
		if (slugs.length > 0) {
			const conflits = await tx
				.select({ slug: fiches.slug })
				.from(fiches)
				.where(and(inArray(fiches.slug, slugs), ne(fiches.source, 'contenu')));
			if (conflits.length > 0) {
				throw new ContenuInvalide(
					conflits.map((c) => ({
						fichier: kit.fiches.find((f) => f.slug === c.slug)!.fichier,
						message: `une fiche « ${c.slug} » créée dans l'application existe déjà : renommez le fichier`
					}))
				);
			}
		}
		// The search documents and facets are generated by the database, and a fiche's organisation
		// is set online: none is read back nor written by the import.
		const { id: _id, creeLe: _c, modifieLe: _m, recherche: _s, rechercheEntete: _se, facettes: _fa, organisationId: _o, ...colonnesFiche } = getTableColumns(fiches);
		const noms = {
			themes: new Map(kit.themes.map((t) => [t.slug, t.nom])),
			publics: new Map(kit.publics.map((p) => [p.slug, p.nom])),
			etapes: new Map(kit.etapes.map((e) => [e.numero, e.titre]))
		};
		await synchroniser(tx, bilan, 'fiches', {
			existants: await tx.select(colonnesFiche).from(fiches).where(eq(fiches.source, 'contenu')),
			voulus: kit.fiches.map((f) => {
				const { fichier: _f, themes: _t, publics: _p, etapes: _e, recommandations: _r, odd: _o, departements: _d, regions: _rg, pays: _pa, ...ligne } = f;
				return {
					...ligne,
					identite: texteIdentite(f, noms),
					liensFacettes: liensFacettes({ ...f, cibles: f.odd.map((o) => o.cible) }),
					source: 'contenu'
				};
			}),
			cle: (f) => f.slug,
			inserer: (rows) => tx.insert(fiches).values(rows),
			modifier: (f) => tx.update(fiches).set({ ...f, modifieLe: sql`now()` }).where(eq(fiches.slug, f.slug)),
			supprimer: (cles) => tx.delete(fiches).where(and(inArray(fiches.slug, cles), eq(fiches.source, 'contenu')))
		});
		const idFiche = new Map(
			(await tx.select({ id: fiches.id, slug: fiches.slug }).from(fiches).where(eq(fiches.source, 'contenu'))).map(
				(f) => [f.slug, f.id]
			)
		);
		const idsContenu = [...idFiche.values()];
		const liens = <T>(fn: (f: KitContenu['fiches'][number], ficheId: number) => T[]) =>
			kit.fiches.flatMap((f) => fn(f, idFiche.get(f.slug)!));
		const deFichesContenu = <T extends { ficheId: number }>(rows: T[]) =>
			rows.filter((r) => idsContenu.includes(r.ficheId));

		await synchroniser(tx, bilan, 'fiches_etapes', {
			existants: deFichesContenu(await tx.select().from(fichesEtapes)),
			voulus: liens((f, ficheId) => f.etapes.map((n) => ({ ficheId, etapeId: idEtape.get(n)! }))),
			cle: (l) => `${l.ficheId}:${l.etapeId}`,
			inserer: (rows) => tx.insert(fichesEtapes).values(rows),
			modifier: null,
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, etapeId] = cle.split(':').map(Number) as [number, number];
						return tx.delete(fichesEtapes).where(and(eq(fichesEtapes.ficheId, ficheId), eq(fichesEtapes.etapeId, etapeId)));
					})
				)
		});
		await synchroniser(tx, bilan, 'fiches_recommandations', {
			existants: deFichesContenu(await tx.select().from(fichesRecommandations)),
			voulus: liens((f, ficheId) =>
				f.recommandations.map((code) => {
					const [e, n] = code.split('.').map(Number) as [number, number];
					return { ficheId, recommandationId: idParCode(e, n) };
				})
			),
			cle: (l) => `${l.ficheId}:${l.recommandationId}`,
			inserer: (rows) => tx.insert(fichesRecommandations).values(rows),
			modifier: null,
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, recommandationId] = cle.split(':').map(Number) as [number, number];
						return tx
							.delete(fichesRecommandations)
							.where(and(eq(fichesRecommandations.ficheId, ficheId), eq(fichesRecommandations.recommandationId, recommandationId)));
					})
				)
		});
		await synchroniser(tx, bilan, 'fiches_themes', {
			existants: deFichesContenu(await tx.select().from(fichesThemes)),
			voulus: liens((f, ficheId) => f.themes.map((theme) => ({ ficheId, theme }))),
			cle: (l) => `${l.ficheId}:${l.theme}`,
			inserer: (rows) => tx.insert(fichesThemes).values(rows),
			modifier: null,
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, theme] = separerCle(cle);
						return tx.delete(fichesThemes).where(and(eq(fichesThemes.ficheId, ficheId), eq(fichesThemes.theme, theme)));
					})
				)
		});
		await synchroniser(tx, bilan, 'fiches_publics', {
			existants: deFichesContenu(await tx.select().from(fichesPublics)),
			voulus: liens((f, ficheId) => f.publics.map((p) => ({ ficheId, public: p }))),
			cle: (l) => `${l.ficheId}:${l.public}`,
			inserer: (rows) => tx.insert(fichesPublics).values(rows),
			modifier: null,
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, p] = separerCle(cle);
						return tx.delete(fichesPublics).where(and(eq(fichesPublics.ficheId, ficheId), eq(fichesPublics.public, p)));
					})
				)
		});
		await synchroniser(tx, bilan, 'fiches_odd_cibles', {
			existants: deFichesContenu(await tx.select().from(fichesOddCibles)),
			voulus: liens((f, ficheId) => f.odd.map((o) => ({ ficheId, cible: o.cible, justification: o.justification }))),
			cle: (l) => `${l.ficheId}:${l.cible}`,
			inserer: (rows) => tx.insert(fichesOddCibles).values(rows),
			modifier: (l) =>
				tx
					.update(fichesOddCibles)
					.set({ justification: l.justification })
					.where(and(eq(fichesOddCibles.ficheId, l.ficheId), eq(fichesOddCibles.cible, l.cible))),
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, cible] = separerCle(cle);
						return tx.delete(fichesOddCibles).where(and(eq(fichesOddCibles.ficheId, ficheId), eq(fichesOddCibles.cible, cible)));
					})
				)
		});
		await synchroniser(tx, bilan, 'fiches_territoires', {
			existants: deFichesContenu(await tx.select().from(fichesTerritoires)),
			voulus: liens((f, ficheId) => [
				...f.departements.map((code) => ({ ficheId, type: 'departement' as const, code })),
				...f.regions.map((code) => ({ ficheId, type: 'region' as const, code })),
				...f.pays.map((code) => ({ ficheId, type: 'pays' as const, code }))
			]),
			cle: (l) => `${l.ficheId}:${l.type}:${l.code}`,
			inserer: (rows) => tx.insert(fichesTerritoires).values(rows),
			modifier: null,
			supprimer: (cles) =>
				Promise.all(
					cles.map((cle) => {
						const [ficheId, type, code] = cle.split(':') as [string, TypeTerritoire, string];
						return tx
							.delete(fichesTerritoires)
							.where(
								and(eq(fichesTerritoires.ficheId, Number(ficheId)), eq(fichesTerritoires.type, type), eq(fichesTerritoires.code, code))
							);
					})
				)
		});

		await synchroniser(tx, bilan, 'parametres', {
			existants: await tx.select({ cle: parametres.cle, valeur: parametres.valeur }).from(parametres).where(eq(parametres.cle, CLE_EMPREINTE)),
			voulus: [{ cle: CLE_EMPREINTE, valeur: kit.empreinte }],
			cle: (p) => p.cle,
			inserer: (rows) => tx.insert(parametres).values(rows),
			modifier: (p) => tx.update(parametres).set({ valeur: p.valeur, modifieLe: sql`now()` }).where(eq(parametres.cle, p.cle)),
			supprimer: null
		});

		return bilan.resultat();
	});
}

/** The fingerprint of the content last imported, if any. */
export async function empreinteImportee(db: Database): Promise<string | undefined> {
	const [ligne] = await db.select({ valeur: parametres.valeur }).from(parametres).where(eq(parametres.cle, CLE_EMPREINTE));
	return ligne?.valeur;
}

const separerCle = (cle: string): [number, string] => {
	const i = cle.indexOf(':');
	return [Number(cle.slice(0, i)), cle.slice(i + 1)];
};

class Compteur {
	private details: Record<string, Bilan> = {};
	ajouter(table: string, b: Bilan) {
		if (b.ajouts + b.modifications + b.suppressions > 0) this.details[table] = b;
	}
	resultat(): BilanImport {
		const total = { ajouts: 0, modifications: 0, suppressions: 0 };
		for (const b of Object.values(this.details)) {
			total.ajouts += b.ajouts;
			total.modifications += b.modifications;
			total.suppressions += b.suppressions;
		}
		return { ...total, details: this.details };
	}
}

interface Synchro<R extends object> {
	existants: Record<string, unknown>[];
	voulus: R[];
	cle: (r: R) => string;
	inserer: (rows: R[]) => PromiseLike<unknown>;
	/** null when rows are only their key (link tables). */
	modifier: ((r: R) => PromiseLike<unknown>) | null;
	/** null for reference data that is never removed. */
	supprimer: ((cles: string[]) => PromiseLike<unknown>) | null;
}

/** Inserts, updates and deletes the rows that differ between the database and the content. */
async function synchroniser<R extends object>(
	_tx: Transaction,
	compteur: Compteur,
	table: string,
	s: Synchro<R>
): Promise<void> {
	// JSON round trip: jsonb drops undefined fields, so compare what would be stored.
	const voulus = s.voulus.map((r) => JSON.parse(JSON.stringify(r)) as R);
	const existants = new Map(s.existants.map((r) => [s.cle(r as R), r]));
	const aInserer: R[] = [];
	const aModifier: R[] = [];
	for (const r of voulus) {
		const existant = existants.get(s.cle(r));
		if (!existant) aInserer.push(r);
		else if (s.modifier && !memeLigne(existant, r)) aModifier.push(r);
		existants.delete(s.cle(r));
	}
	const aSupprimer = s.supprimer ? [...existants.keys()] : [];
	if (aSupprimer.length > 0) await s.supprimer!(aSupprimer);
	for (const r of aModifier) await s.modifier!(r);
	// Large batches stay under the bound-parameters limit of PostgreSQL.
	for (let i = 0; i < aInserer.length; i += 200) await s.inserer(aInserer.slice(i, i + 200));
	compteur.ajouter(table, { ajouts: aInserer.length, modifications: aModifier.length, suppressions: aSupprimer.length });
}

function memeLigne(existant: Record<string, unknown>, voulu: object): boolean {
	return Object.entries(voulu).every(([k, v]) => isDeepStrictEqual(existant[k] ?? null, v ?? null));
}
