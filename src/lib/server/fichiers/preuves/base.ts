// Evidence in the database. A file's content is one row per project and SHA-256; attaching
// the same bytes again reuses it. Attaching and removing hold that row's lock, so that bytes
// are never deleted while a new piece of evidence starts using them.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/index.ts';
import { fichiers, preuves, utilisateurs, type CiblePreuve, type EtatAnalyse, type NomStockage } from '../../db/schema.ts';
import { periodeVerrouillee } from '../../suivi/valeurs/base.ts';
import type { Verdict } from '../contenu/analyse.ts';

export type NouvellePreuve = {
	projetId: number;
	cible: CiblePreuve;
	cibleId: string;
	periodeId: number | null;
	titre: string;
	confidentielle: boolean;
	auteurId: string;
};

export type Cle = { stockage: NomStockage; cle: string };
export type Contenu = { sha256: string; taille: number; type: string; stockage: NomStockage; cle: string; apercu: string | null; analyse: EtatAnalyse; signature: string | null };

type Refus = 'verrouillee' | 'periode-absente';
type Ajout = { ok: true; id: number } | { ok: false; raison: Refus };

/** Refuses evidence on a locked period's value or report (the period's row stays locked until commit). */
async function periodeOuverte(tx: Database, p: NouvellePreuve): Promise<Refus | null> {
	if (p.periodeId === null) return null;
	const periode = await periodeVerrouillee(tx, p.projetId, p.periodeId);
	if (!periode) return 'periode-absente';
	return periode.verrouilleeLe ? 'verrouillee' : null;
}

export async function ajouterLien(db: Database, p: NouvellePreuve & { lien: string }): Promise<Ajout> {
	return db.transaction(async (tx) => {
		const refus = await periodeOuverte(tx, p);
		if (refus) return { ok: false as const, raison: refus };
		const [r] = await tx.insert(preuves).values({ ...colonnesPreuve(p), lien: p.lien }).returning({ id: preuves.id });
		return { ok: true as const, id: r!.id };
	});
}

const colonnesPreuve = (p: NouvellePreuve) => ({ projetId: p.projetId, cible: p.cible, cibleId: p.cibleId, periodeId: p.periodeId, titre: p.titre, confidentielle: p.confidentielle, ajouteePar: p.auteurId });

/**
 * Attaches content this project already holds (same SHA-256, bytes still stored): nothing is
 * stored again. 'absent' when the bytes must be stored first (`ajouterFichier`).
 */
export async function attacherExistant(
	db: Database,
	p: NouvellePreuve & { sha256: string; nomFichier: string; verdict?: Verdict | null }
): Promise<(Ajout & { analyse?: EtatAnalyse; cles?: Cle[] }) | { ok: false; raison: 'absent' }> {
	return db.transaction(async (tx) => {
		const refus = await periodeOuverte(tx, p);
		if (refus) return { ok: false as const, raison: refus };
		const [f] = await tx
			.select({ id: fichiers.id, analyse: fichiers.analyse, stockage: fichiers.stockage, cle: fichiers.cle, apercu: fichiers.apercu })
			.from(fichiers)
			.where(and(eq(fichiers.projetId, p.projetId), eq(fichiers.sha256, p.sha256), isNull(fichiers.supprimeLe)))
			.for('update');
		if (!f) return { ok: false as const, raison: 'absent' as const };
		// The same bytes were just scanned: a file stored before a scanner was configured, or
		// while it was down, gets the verdict (and loses its bytes if infected).
		let analyse = f.analyse;
		const cles: Cle[] = [];
		const v = p.verdict;
		if (v && v.etat !== 'a-analyser' && (f.analyse === 'non-analyse' || f.analyse === 'a-analyser')) {
			analyse = v.etat;
			await tx.update(fichiers).set({ analyse, signature: v.etat === 'quarantaine' ? v.signature : null, ...(v.etat === 'quarantaine' ? { apercu: null } : {}) }).where(eq(fichiers.id, f.id));
			if (v.etat === 'quarantaine') cles.push(...[f.cle, f.apercu].filter((c): c is string => !!c).map((cle) => ({ stockage: f.stockage, cle })));
		}
		const [r] = await tx.insert(preuves).values({ ...colonnesPreuve(p), fichierId: f.id, nomFichier: p.nomFichier }).returning({ id: preuves.id });
		return { ok: true as const, id: r!.id, analyse, cles };
	});
}

/**
 * Records content just stored under its own new key, with its evidence. When someone stored
 * the same bytes meanwhile, theirs is used: `orphelin` says the caller's copy can go.
 */
export async function ajouterFichier(db: Database, p: NouvellePreuve & { nomFichier: string; contenu: Contenu }): Promise<(Ajout & { orphelin?: boolean }) | { ok: false; raison: Refus; orphelin: true }> {
	return db.transaction(async (tx) => {
		const refus = await periodeOuverte(tx, p);
		if (refus) return { ok: false as const, raison: refus, orphelin: true as const };
		const c = p.contenu;
		const [nouveau] = await tx
			.insert(fichiers)
			.values({ projetId: p.projetId, ...c })
			.onConflictDoUpdate({ target: [fichiers.projetId, fichiers.sha256], set: { ...c, creeLe: sql`now()`, supprimeLe: null }, setWhere: sql`${fichiers.supprimeLe} is not null` })
			.returning({ id: fichiers.id });
		let id = nouveau?.id;
		if (id === undefined) {
			const [f] = await tx.select({ id: fichiers.id }).from(fichiers).where(and(eq(fichiers.projetId, p.projetId), eq(fichiers.sha256, c.sha256))).for('update');
			id = f!.id;
		}
		const [r] = await tx.insert(preuves).values({ ...colonnesPreuve(p), fichierId: id, nomFichier: p.nomFichier }).returning({ id: preuves.id });
		return { ok: true as const, id: r!.id, orphelin: nouveau === undefined };
	});
}

const auteurs = alias(utilisateurs, 'preuves_auteurs');
const retirants = alias(utilisateurs, 'preuves_retirants');

const colonnes = {
	id: preuves.id,
	cible: preuves.cible,
	cibleId: preuves.cibleId,
	periodeId: preuves.periodeId,
	titre: preuves.titre,
	nomFichier: preuves.nomFichier,
	lien: preuves.lien,
	confidentielle: preuves.confidentielle,
	ajouteePar: preuves.ajouteePar,
	auteur: auteurs.name,
	ajouteeLe: preuves.ajouteeLe,
	retireeLe: preuves.retireeLe,
	retirant: retirants.name,
	fichierId: preuves.fichierId,
	taille: fichiers.taille,
	type: fichiers.type,
	stockage: fichiers.stockage,
	cle: fichiers.cle,
	apercu: fichiers.apercu,
	analyse: fichiers.analyse,
	signature: fichiers.signature,
	sha256: fichiers.sha256
};

export type PreuveLue = Awaited<ReturnType<typeof preuvesOu>>[number];

function preuvesOu(db: Database, filtre: ReturnType<typeof and>) {
	return db
		.select(colonnes)
		.from(preuves)
		.leftJoin(fichiers, eq(fichiers.id, preuves.fichierId))
		.leftJoin(auteurs, eq(auteurs.id, preuves.ajouteePar))
		.leftJoin(retirants, eq(retirants.id, preuves.retireePar))
		.where(filtre)
		.orderBy(asc(preuves.ajouteeLe), asc(preuves.id));
}

/**
 * A project's evidence on some kinds of things (and one period), removed ones included for
 * history; confidential ones only when `confidentielles` (never for a lecteur).
 */
export function preuvesDuProjet(db: Database, projetId: number, o: { cibles: CiblePreuve[]; periodeId?: number; confidentielles: boolean }) {
	return preuvesOu(
		db,
		and(eq(preuves.projetId, projetId), inArray(preuves.cible, o.cibles), o.periodeId === undefined ? undefined : eq(preuves.periodeId, o.periodeId), o.confidentielles ? undefined : eq(preuves.confidentielle, false))
	);
}

export async function unePreuve(db: Database, projetId: number, id: number): Promise<PreuveLue | undefined> {
	const [p] = await preuvesOu(db, and(eq(preuves.projetId, projetId), eq(preuves.id, id)));
	return p;
}

/**
 * Removes one piece of evidence (its row stays, marked removed). When no other evidence uses
 * its file, the file is marked deleted and its keys are returned for the caller to remove.
 */
export async function retirerPreuve(db: Database, p: { projetId: number; id: number; auteurId: string }): Promise<{ ok: true; cles: { stockage: NomStockage; cle: string }[] } | { ok: false; raison: Refus | 'absente' }> {
	return db.transaction(async (tx) => {
		const [actuelle] = await tx.select({ id: preuves.id, fichierId: preuves.fichierId, periodeId: preuves.periodeId }).from(preuves).where(and(eq(preuves.projetId, p.projetId), eq(preuves.id, p.id), isNull(preuves.retireeLe))).for('update');
		if (!actuelle) return { ok: false as const, raison: 'absente' as const };
		if (actuelle.periodeId !== null) {
			const periode = await periodeVerrouillee(tx, p.projetId, actuelle.periodeId);
			if (periode?.verrouilleeLe) return { ok: false as const, raison: 'verrouillee' as const };
		}
		await tx.update(preuves).set({ retireeLe: sql`now()`, retireePar: p.auteurId }).where(eq(preuves.id, actuelle.id));
		if (actuelle.fichierId === null) return { ok: true as const, cles: [] };
		const [f] = await tx.select({ id: fichiers.id, stockage: fichiers.stockage, cle: fichiers.cle, apercu: fichiers.apercu, analyse: fichiers.analyse }).from(fichiers).where(eq(fichiers.id, actuelle.fichierId)).for('update');
		const [encore] = await tx.select({ id: preuves.id }).from(preuves).where(and(eq(preuves.fichierId, actuelle.fichierId), isNull(preuves.retireeLe))).limit(1);
		if (encore || !f) return { ok: true as const, cles: [] };
		await tx.update(fichiers).set({ supprimeLe: sql`now()` }).where(eq(fichiers.id, f.id));
		const cles = [...(f.analyse === 'quarantaine' ? [] : [f.cle]), ...(f.apercu ? [f.apercu] : [])].map((cle) => ({ stockage: f.stockage, cle }));
		return { ok: true as const, cles };
	});
}

/** The files stored in one backend, for the command that moves them to the other. */
export function fichiersDans(db: Database, stockage: NomStockage) {
	return db.select({ id: fichiers.id, sha256: fichiers.sha256, cle: fichiers.cle, apercu: fichiers.apercu, type: fichiers.type, analyse: fichiers.analyse }).from(fichiers).where(and(eq(fichiers.stockage, stockage), isNull(fichiers.supprimeLe)));
}

/** Records a file as moved; false when it changed meanwhile (removed, or stored again under another key). */
export async function changerStockage(db: Database, f: { id: number; cle: string }, de: NomStockage, vers: NomStockage): Promise<boolean> {
	const r = await db
		.update(fichiers)
		.set({ stockage: vers })
		.where(and(eq(fichiers.id, f.id), eq(fichiers.cle, f.cle), eq(fichiers.stockage, de), isNull(fichiers.supprimeLe)))
		.returning({ id: fichiers.id });
	return r.length > 0;
}

/** Files a scanner has not answered for yet. */
export function fichiersAAnalyser(db: Database) {
	return db.select({ id: fichiers.id, stockage: fichiers.stockage, cle: fichiers.cle, apercu: fichiers.apercu }).from(fichiers).where(and(eq(fichiers.analyse, 'a-analyser'), isNull(fichiers.supprimeLe)));
}

/** An infected file loses its preview too (the caller removes both from storage). */
export async function noterAnalyse(db: Database, id: number, analyse: EtatAnalyse, signature: string | null) {
	await db
		.update(fichiers)
		.set({ analyse, signature, ...(analyse === 'quarantaine' ? { apercu: null } : {}) })
		.where(eq(fichiers.id, id));
}
