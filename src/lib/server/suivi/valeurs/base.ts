// Indicator values in the database: entered, submitted, validated or returned, each step kept
// in their history. Every change holds its period's row lock, so that a period being locked
// cannot receive a value at the same instant, and checks the version the person read.
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { dansProjets, type Database } from '../../db/index.ts';
import { suiviComptesRendus, suiviPeriodes, suiviValeurs, suiviValeursHistorique, utilisateurs, type CoteSuivi, type StatutValeur } from '../../db/schema.ts';
import type { Contenu } from './regles.ts';

export type ValeurEnregistree = Contenu & {
	id: number;
	indicateur: string;
	periodeId: number;
	cote: CoteSuivi;
	statut: StatutValeur;
	note: string | null;
	version: number;
	auteur: string | null;
	modifieLe: Date;
};

const colonnes = {
	id: suiviValeurs.id,
	projetId: suiviValeurs.projetId,
	indicateur: suiviValeurs.indicateur,
	periodeId: suiviValeurs.periodeId,
	cote: suiviValeurs.cote,
	valeur: suiviValeurs.valeur,
	numerateur: suiviValeurs.numerateur,
	denominateur: suiviValeurs.denominateur,
	texte: suiviValeurs.texte,
	ventilation: suiviValeurs.ventilation,
	commentaire: suiviValeurs.commentaire,
	statut: suiviValeurs.statut,
	note: suiviValeurs.note,
	version: suiviValeurs.version,
	auteur: utilisateurs.name,
	modifieLe: suiviValeurs.modifieLe
};
const valeursOu = (db: Database, ou: SQL | undefined) => db.select(colonnes).from(suiviValeurs).leftJoin(utilisateurs, eq(utilisateurs.id, suiviValeurs.saisiePar)).where(ou).orderBy(asc(suiviValeurs.id));

/** Every value of the project, or of one of its periods (one query, whatever the number of indicators). */
export function valeursDuProjet(db: Database, projet: number | readonly number[], periodeId?: number): Promise<(ValeurEnregistree & { projetId: number })[]> {
	return valeursOu(db, periodeId === undefined ? dansProjets(suiviValeurs.projetId, projet) : and(dansProjets(suiviValeurs.projetId, projet), eq(suiviValeurs.periodeId, periodeId)));
}

export type Evenement = { valeurId: number; action: string; statut: StatutValeur; note: string | null; contenu: Record<string, unknown>; auteur: string | null; le: Date };

/** The history of the values of one period, oldest first (one query). */
export async function historiqueDeLaPeriode(db: Database, projetId: number, periodeId: number): Promise<Evenement[]> {
	return db
		.select({ valeurId: suiviValeursHistorique.valeurId, action: suiviValeursHistorique.action, statut: suiviValeursHistorique.statut, note: suiviValeursHistorique.note, contenu: suiviValeursHistorique.contenu, auteur: utilisateurs.name, le: suiviValeursHistorique.le })
		.from(suiviValeursHistorique)
		.innerJoin(suiviValeurs, eq(suiviValeurs.id, suiviValeursHistorique.valeurId))
		.leftJoin(utilisateurs, eq(utilisateurs.id, suiviValeursHistorique.auteurId))
		.where(and(eq(suiviValeurs.projetId, projetId), eq(suiviValeurs.periodeId, periodeId)))
		.orderBy(asc(suiviValeursHistorique.le), asc(suiviValeursHistorique.id));
}

export type Refus = 'periode-absente' | 'verrouillee' | 'conflit' | 'validee' | 'absente' | 'statut';
type Resultat<T = object> = ({ ok: true } & T) | { ok: false; raison: Refus; actuelle?: ValeurEnregistree };

/** The period, locked for the transaction; undefined when it is not one of the project's. */
export async function periodeVerrouillee(tx: Database, projetId: number, periodeId: number) {
	const [p] = await tx
		.select({ id: suiviPeriodes.id, verrouilleeLe: suiviPeriodes.verrouilleeLe })
		.from(suiviPeriodes)
		.where(and(eq(suiviPeriodes.projetId, projetId), eq(suiviPeriodes.id, periodeId)))
		.for('update');
	return p;
}

/** One value, its row locked for the transaction. */
async function uneValeur(tx: Database, projetId: number, filtre: SQL | undefined) {
	const [v] = await tx.select({ id: suiviValeurs.id }).from(suiviValeurs).where(and(eq(suiviValeurs.projetId, projetId), filtre)).for('update');
	if (!v) return undefined;
	const [r] = await valeursOu(tx, eq(suiviValeurs.id, v.id));
	return r;
}

const instantane = (c: Contenu) => ({ valeur: c.valeur, numerateur: c.numerateur, denominateur: c.denominateur, texte: c.texte, ventilation: c.ventilation, commentaire: c.commentaire });

/**
 * Enters a value, as a draft or submitted for validation. `versionLue` is the version the
 * person read (0: there was none). A validated value is changed only once a pilot returned it.
 */
export async function enregistrerValeur(
	db: Database,
	p: { projetId: number; periodeId: number; indicateur: string; cote: CoteSuivi; contenu: Contenu; soumettre: boolean; versionLue: number; auteurId: string }
): Promise<Resultat<{ statut: StatutValeur; id: number }>> {
	return db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		const periode = await periodeVerrouillee(t, p.projetId, p.periodeId);
		if (!periode) return { ok: false as const, raison: 'periode-absente' as const };
		if (periode.verrouilleeLe) return { ok: false as const, raison: 'verrouillee' as const };
		const actuelle = await uneValeur(t, p.projetId, and(eq(suiviValeurs.periodeId, p.periodeId), eq(suiviValeurs.indicateur, p.indicateur), eq(suiviValeurs.cote, p.cote)));
		if ((actuelle?.version ?? 0) !== p.versionLue) return { ok: false as const, raison: 'conflit' as const, actuelle };
		if (actuelle?.statut === 'validee') return { ok: false as const, raison: 'validee' as const, actuelle };
		const statut: StatutValeur = p.soumettre ? 'soumise' : 'brouillon';
		let id: number;
		if (actuelle) {
			await tx
				.update(suiviValeurs)
				.set({ ...instantane(p.contenu), statut, note: null, version: actuelle.version + 1, saisiePar: p.auteurId, modifieLe: sql`now()` })
				.where(eq(suiviValeurs.id, actuelle.id));
			id = actuelle.id;
		} else {
			// Two first entries at once: the unique key keeps one, the other is told.
			const [cree] = await tx
				.insert(suiviValeurs)
				.values({ projetId: p.projetId, periodeId: p.periodeId, indicateur: p.indicateur, cote: p.cote, ...instantane(p.contenu), statut, saisiePar: p.auteurId })
				.onConflictDoNothing()
				.returning({ id: suiviValeurs.id });
			if (!cree) return { ok: false as const, raison: 'conflit' as const };
			id = cree.id;
		}
		await tx.insert(suiviValeursHistorique).values({ valeurId: id, action: p.soumettre ? 'soumission' : 'brouillon', statut, contenu: instantane(p.contenu), auteurId: p.auteurId });
		return { ok: true as const, statut, id };
	});
}

/**
 * The pilot's decision on a value: validate a submitted one, or return a submitted or
 * validated one with a note saying why.
 */
export async function deciderValeur(db: Database, p: { projetId: number; periodeId?: number; valeurId: number; decision: 'valider' | 'renvoyer'; note?: string; versionLue: number; auteurId: string }): Promise<Resultat<{ statut: StatutValeur }>> {
	return db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		const [v] = await tx.select({ periodeId: suiviValeurs.periodeId }).from(suiviValeurs).where(and(eq(suiviValeurs.projetId, p.projetId), eq(suiviValeurs.id, p.valeurId)));
		// Decided from its own period's page only.
		if (!v || (p.periodeId !== undefined && v.periodeId !== p.periodeId)) return { ok: false as const, raison: 'absente' as const };
		const periode = await periodeVerrouillee(t, p.projetId, v.periodeId);
		if (periode?.verrouilleeLe) return { ok: false as const, raison: 'verrouillee' as const };
		const actuelle = (await uneValeur(t, p.projetId, eq(suiviValeurs.id, p.valeurId)))!;
		if (actuelle.version !== p.versionLue) return { ok: false as const, raison: 'conflit' as const, actuelle };
		const permis = p.decision === 'valider' ? actuelle.statut === 'soumise' : actuelle.statut === 'soumise' || actuelle.statut === 'validee';
		if (!permis) return { ok: false as const, raison: 'statut' as const, actuelle };
		const statut: StatutValeur = p.decision === 'valider' ? 'validee' : 'renvoyee';
		const note = p.decision === 'renvoyer' ? (p.note ?? '') : null;
		await tx.update(suiviValeurs).set({ statut, note, version: actuelle.version + 1, modifieLe: sql`now()` }).where(eq(suiviValeurs.id, actuelle.id));
		await tx.insert(suiviValeursHistorique).values({ valeurId: actuelle.id, action: p.decision === 'valider' ? 'validation' : 'renvoi', statut, note, contenu: instantane(actuelle), auteurId: p.auteurId });
		return { ok: true as const, statut };
	});
}

/**
 * Locks a period once every value and narrative report in it is validated, or unlocks it.
 * Answers how many still wait when some do.
 */
export async function verrouillerPeriode(db: Database, p: { projetId: number; periodeId: number; verrouiller: boolean; auteurId: string; series?: readonly { indicateur: string; cote: CoteSuivi }[] }): Promise<{ ok: true } | { ok: false; raison: 'periode-absente' } | { ok: false; raison: 'en-attente'; n: number }> {
	return db.transaction(async (tx) => {
		const periode = await periodeVerrouillee(tx as unknown as Database, p.projetId, p.periodeId);
		if (!periode) return { ok: false as const, raison: 'periode-absente' as const };
		if (p.verrouiller) {
			// Only the series the page shows: a draft left on an indicator since removed from the
			// logical framework does not hold the period open.
			const enAttente = await tx.select({ indicateur: suiviValeurs.indicateur, cote: suiviValeurs.cote }).from(suiviValeurs).where(and(eq(suiviValeurs.periodeId, p.periodeId), ne(suiviValeurs.statut, 'validee')));
			const attente = { n: enAttente.filter((v) => !p.series || p.series.some((s) => s.indicateur === v.indicateur && s.cote === v.cote)).length };
			const [rapports] = await tx
				.select({ n: sql<number>`count(*)::int` })
				.from(suiviComptesRendus)
				.where(and(eq(suiviComptesRendus.periodeId, p.periodeId), ne(suiviComptesRendus.statut, 'validee')));
			const n = attente.n + rapports!.n;
			if (n > 0) return { ok: false as const, raison: 'en-attente' as const, n };
		}
		await tx
			.update(suiviPeriodes)
			.set(p.verrouiller ? { verrouilleeLe: sql`now()`, verrouilleePar: p.auteurId } : { verrouilleeLe: null, verrouilleePar: null })
			.where(eq(suiviPeriodes.id, p.periodeId));
		return { ok: true as const };
	});
}

/** How many values each period holds (a period with values is not removed). */
export async function valeursParPeriode(db: Database, periodes: number[]): Promise<Map<number, number>> {
	if (!periodes.length) return new Map();
	const r = await db.select({ periodeId: suiviValeurs.periodeId, n: sql<number>`count(*)::int` }).from(suiviValeurs).where(inArray(suiviValeurs.periodeId, periodes)).groupBy(suiviValeurs.periodeId);
	return new Map(r.map((x) => [x.periodeId, x.n]));
}

/** How many of the project's values are in each state (the project's home says what waits). */
export async function etatDesValeurs(db: Database, projetId: number): Promise<Record<StatutValeur, number>> {
	const r = await db.select({ statut: suiviValeurs.statut, n: sql<number>`count(*)::int` }).from(suiviValeurs).where(eq(suiviValeurs.projetId, projetId)).groupBy(suiviValeurs.statut);
	return { brouillon: 0, soumise: 0, validee: 0, renvoyee: 0, ...Object.fromEntries(r.map((x) => [x.statut, x.n])) };
}
