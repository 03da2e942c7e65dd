// Narrative reports in the database, with the same workflow as values: draft, submitted,
// returned with a note, validated; each step kept; under the period's row lock.
import { and, asc, eq, sql } from 'drizzle-orm';
import { dansProjets, type Database } from '../../db/index.ts';
import { suiviComptesRendus, suiviComptesRendusHistorique, utilisateurs, type CoteSuivi, type StatutValeur } from '../../db/schema.ts';
import { periodeVerrouillee } from '../valeurs/base.ts';
import type { ContenuCompteRendu } from './regles.ts';

const colonnes = {
	id: suiviComptesRendus.id,
	projetId: suiviComptesRendus.projetId,
	periodeId: suiviComptesRendus.periodeId,
	cote: suiviComptesRendus.cote,
	contenu: suiviComptesRendus.contenu,
	statut: suiviComptesRendus.statut,
	note: suiviComptesRendus.note,
	version: suiviComptesRendus.version,
	auteur: utilisateurs.name,
	modifieLe: suiviComptesRendus.modifieLe
};

export type CompteRendu = { id: number; periodeId: number; cote: CoteSuivi; contenu: ContenuCompteRendu; statut: StatutValeur; note: string | null; version: number; auteur: string | null; modifieLe: Date };

/** The project's reports, or one period's (one query). */
export async function comptesRendus(db: Database, projet: number | readonly number[], periodeId?: number): Promise<(CompteRendu & { projetId: number })[]> {
	const r = await db
		.select(colonnes)
		.from(suiviComptesRendus)
		.leftJoin(utilisateurs, eq(utilisateurs.id, suiviComptesRendus.saisiePar))
		.where(periodeId === undefined ? dansProjets(suiviComptesRendus.projetId, projet) : and(dansProjets(suiviComptesRendus.projetId, projet), eq(suiviComptesRendus.periodeId, periodeId)))
		.orderBy(asc(suiviComptesRendus.id));
	return r as (CompteRendu & { projetId: number })[];
}

export async function historiqueDesComptesRendus(db: Database, projetId: number, periodeId: number) {
	return db
		.select({ compteRenduId: suiviComptesRendusHistorique.compteRenduId, action: suiviComptesRendusHistorique.action, note: suiviComptesRendusHistorique.note, auteur: utilisateurs.name, le: suiviComptesRendusHistorique.le })
		.from(suiviComptesRendusHistorique)
		.innerJoin(suiviComptesRendus, eq(suiviComptesRendus.id, suiviComptesRendusHistorique.compteRenduId))
		.leftJoin(utilisateurs, eq(utilisateurs.id, suiviComptesRendusHistorique.auteurId))
		.where(and(eq(suiviComptesRendus.projetId, projetId), eq(suiviComptesRendus.periodeId, periodeId)))
		.orderBy(asc(suiviComptesRendusHistorique.le), asc(suiviComptesRendusHistorique.id));
}

type Refus = 'periode-absente' | 'verrouillee' | 'conflit' | 'validee' | 'absente' | 'statut';
type Resultat = { ok: true; statut: StatutValeur } | { ok: false; raison: Refus };

export async function enregistrerCompteRendu(db: Database, p: { projetId: number; periodeId: number; cote: CoteSuivi; contenu: ContenuCompteRendu; soumettre: boolean; versionLue: number; auteurId: string }): Promise<Resultat> {
	return db.transaction(async (tx) => {
		const periode = await periodeVerrouillee(tx as unknown as Database, p.projetId, p.periodeId);
		if (!periode) return { ok: false as const, raison: 'periode-absente' as const };
		if (periode.verrouilleeLe) return { ok: false as const, raison: 'verrouillee' as const };
		const [actuel] = await tx
			.select({ id: suiviComptesRendus.id, version: suiviComptesRendus.version, statut: suiviComptesRendus.statut })
			.from(suiviComptesRendus)
			.where(and(eq(suiviComptesRendus.projetId, p.projetId), eq(suiviComptesRendus.periodeId, p.periodeId), eq(suiviComptesRendus.cote, p.cote)))
			.for('update');
		if ((actuel?.version ?? 0) !== p.versionLue) return { ok: false as const, raison: 'conflit' as const };
		if (actuel?.statut === 'validee') return { ok: false as const, raison: 'validee' as const };
		const statut: StatutValeur = p.soumettre ? 'soumise' : 'brouillon';
		let id = actuel?.id;
		if (actuel) await tx.update(suiviComptesRendus).set({ contenu: p.contenu, statut, note: null, version: actuel.version + 1, saisiePar: p.auteurId, modifieLe: sql`now()` }).where(eq(suiviComptesRendus.id, actuel.id));
		else {
			const [cree] = await tx.insert(suiviComptesRendus).values({ projetId: p.projetId, periodeId: p.periodeId, cote: p.cote, contenu: p.contenu, statut, saisiePar: p.auteurId }).onConflictDoNothing().returning({ id: suiviComptesRendus.id });
			if (!cree) return { ok: false as const, raison: 'conflit' as const };
			id = cree.id;
		}
		await tx.insert(suiviComptesRendusHistorique).values({ compteRenduId: id!, action: p.soumettre ? 'soumission' : 'brouillon', statut, contenu: p.contenu, auteurId: p.auteurId });
		return { ok: true as const, statut };
	});
}

export async function deciderCompteRendu(db: Database, p: { projetId: number; periodeId?: number; compteRenduId: number; decision: 'valider' | 'renvoyer'; note?: string; versionLue: number; auteurId: string }): Promise<Resultat> {
	return db.transaction(async (tx) => {
		const [c] = await tx.select({ periodeId: suiviComptesRendus.periodeId }).from(suiviComptesRendus).where(and(eq(suiviComptesRendus.projetId, p.projetId), eq(suiviComptesRendus.id, p.compteRenduId)));
		if (!c || (p.periodeId !== undefined && c.periodeId !== p.periodeId)) return { ok: false as const, raison: 'absente' as const };
		const periode = await periodeVerrouillee(tx as unknown as Database, p.projetId, c.periodeId);
		if (periode?.verrouilleeLe) return { ok: false as const, raison: 'verrouillee' as const };
		const [actuel] = await tx.select({ id: suiviComptesRendus.id, version: suiviComptesRendus.version, statut: suiviComptesRendus.statut, contenu: suiviComptesRendus.contenu }).from(suiviComptesRendus).where(eq(suiviComptesRendus.id, p.compteRenduId)).for('update');
		if (actuel!.version !== p.versionLue) return { ok: false as const, raison: 'conflit' as const };
		const permis = p.decision === 'valider' ? actuel!.statut === 'soumise' : actuel!.statut === 'soumise' || actuel!.statut === 'validee';
		if (!permis) return { ok: false as const, raison: 'statut' as const };
		const statut: StatutValeur = p.decision === 'valider' ? 'validee' : 'renvoyee';
		const note = p.decision === 'renvoyer' ? (p.note ?? '') : null;
		await tx.update(suiviComptesRendus).set({ statut, note, version: actuel!.version + 1, modifieLe: sql`now()` }).where(eq(suiviComptesRendus.id, actuel!.id));
		await tx.insert(suiviComptesRendusHistorique).values({ compteRenduId: actuel!.id, action: p.decision === 'valider' ? 'validation' : 'renvoi', statut, note, contenu: actuel!.contenu, auteurId: p.auteurId });
		return { ok: true as const, statut };
	});
}
