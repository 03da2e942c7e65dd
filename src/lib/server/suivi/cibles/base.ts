// Targets per period in the database: read in one query, saved all at once.
import { and, eq, inArray } from 'drizzle-orm';
import { dansProjets, type Database } from '../../db/index.ts';
import { projets, suiviCibles } from '../../db/schema.ts';
import type { CibleDePeriode } from './regles.ts';

export function ciblesDuProjet(db: Database, projet: number | readonly number[]): Promise<(CibleDePeriode & { projetId: number })[]> {
	return db.select({ projetId: suiviCibles.projetId, indicateur: suiviCibles.indicateur, cote: suiviCibles.cote, periodeId: suiviCibles.periodeId, cible: suiviCibles.cible }).from(suiviCibles).where(dansProjets(suiviCibles.projetId, projet));
}

/**
 * The targets of the indicators and periods the form showed become the ones given: one left
 * blank goes. In one transaction under the project's row lock, so that a reader never sees half
 * of them and two saves at once do not collide.
 */
export async function enregistrerCibles(db: Database, p: { projetId: number; indicateurs: string[]; periodes: number[]; cibles: CibleDePeriode[]; auteurId: string }) {
	await db.transaction(async (tx) => {
		// Two pilots saving at once: the second waits for the first, then replaces its targets.
		await tx.select({ id: projets.id }).from(projets).where(eq(projets.id, p.projetId)).for('update');
		if (p.indicateurs.length && p.periodes.length)
			await tx.delete(suiviCibles).where(and(eq(suiviCibles.projetId, p.projetId), inArray(suiviCibles.indicateur, p.indicateurs), inArray(suiviCibles.periodeId, p.periodes)));
		if (p.cibles.length) await tx.insert(suiviCibles).values(p.cibles.map((c) => ({ ...c, projetId: p.projetId, modifiePar: p.auteurId })));
	});
}
