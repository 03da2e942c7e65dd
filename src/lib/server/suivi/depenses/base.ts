// Spending per budget line and period in the database. A locked period's amounts do not change.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { dansProjets, type Database } from '../../db/index.ts';
import { suiviDepenses, suiviPeriodes } from '../../db/schema.ts';

export function depensesDuProjet(db: Database, projet: number | readonly number[]) {
	return db.select({ projetId: suiviDepenses.projetId, ligne: suiviDepenses.ligne, periodeId: suiviDepenses.periodeId, montant: suiviDepenses.montant }).from(suiviDepenses).where(dansProjets(suiviDepenses.projetId, projet));
}

/**
 * Sets one line's amounts, period by period (null: nothing spent). Refused whole when a period
 * is not the project's, or is locked and its amount would change.
 */
export async function enregistrerDepenses(db: Database, p: { projetId: number; ligne: string; montants: Map<number, number | null>; auteurId: string }): Promise<{ ok: true } | { ok: false; raison: 'periode-absente' | 'verrouillee'; periode?: string }> {
	return db.transaction(async (tx) => {
		const ids = [...p.montants.keys()];
		if (!ids.length) return { ok: true as const };
		const periodes = await tx.select({ id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, verrouilleeLe: suiviPeriodes.verrouilleeLe }).from(suiviPeriodes).where(and(eq(suiviPeriodes.projetId, p.projetId), inArray(suiviPeriodes.id, ids))).for('update');
		if (periodes.length !== ids.length) return { ok: false as const, raison: 'periode-absente' as const };
		const actuels = new Map((await tx.select({ periodeId: suiviDepenses.periodeId, montant: suiviDepenses.montant }).from(suiviDepenses).where(and(eq(suiviDepenses.projetId, p.projetId), eq(suiviDepenses.ligne, p.ligne)))).map((d) => [d.periodeId, d.montant]));
		for (const periode of periodes) if (periode.verrouilleeLe && (actuels.get(periode.id) ?? null) !== p.montants.get(periode.id)) return { ok: false as const, raison: 'verrouillee' as const, periode: periode.libelle };
		for (const [periodeId, montant] of p.montants) {
			const ou = and(eq(suiviDepenses.projetId, p.projetId), eq(suiviDepenses.ligne, p.ligne), eq(suiviDepenses.periodeId, periodeId));
			if (montant === null) await tx.delete(suiviDepenses).where(ou);
			else if (actuels.get(periodeId) !== montant)
				await tx
					.insert(suiviDepenses)
					.values({ projetId: p.projetId, ligne: p.ligne, periodeId, montant, modifiePar: p.auteurId })
					.onConflictDoUpdate({ target: [suiviDepenses.projetId, suiviDepenses.ligne, suiviDepenses.periodeId], set: { montant, modifiePar: p.auteurId, modifieLe: sql`now()` } });
		}
		return { ok: true as const };
	});
}
