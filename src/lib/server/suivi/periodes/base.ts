// The reporting periods in the database. Overlaps are checked under the project's row lock,
// so two pilots adding periods at the same moment cannot both slip one in.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { preuves, projets, suiviComptesRendus, suiviDepenses, suiviPeriodes, suiviValeurs } from '../../db/schema.ts';
import { chevauche, duAu, type Periode } from './regles.ts';

export type PeriodeEnregistree = Periode & { id: number };

export function periodesDuProjet(db: Database, projetId: number): Promise<PeriodeEnregistree[]> {
	return db
		.select({ id: suiviPeriodes.id, libelle: suiviPeriodes.libelle, debut: suiviPeriodes.debut, fin: suiviPeriodes.fin })
		.from(suiviPeriodes)
		.where(eq(suiviPeriodes.projetId, projetId))
		.orderBy(asc(suiviPeriodes.debut));
}

/**
 * Adds periods, all or none: refused with the first overlap (with one already there, or
 * between two of the new ones), named in French.
 */
export async function ajouterPeriodes(db: Database, projetId: number, nouvelles: Periode[], auteurId: string): Promise<{ ok: true; ajoutees: number } | { ok: false; message: string }> {
	return db.transaction(async (tx) => {
		await tx.select({ id: projets.id }).from(projets).where(eq(projets.id, projetId)).for('update');
		const existantes = await periodesDuProjet(tx, projetId);
		const vues: Periode[] = [...existantes];
		for (const p of nouvelles) {
			const autre = vues.find((e) => chevauche(e, p));
			if (autre) return { ok: false as const, message: `La période « ${p.libelle} » (${duAu(p.debut, p.fin)}) chevauche « ${autre.libelle} » (${duAu(autre.debut, autre.fin)}) : une journée ne peut appartenir qu’à une période.` };
			vues.push(p);
		}
		if (nouvelles.length) await tx.insert(suiviPeriodes).values(nouvelles.map((p) => ({ ...p, projetId, creePar: auteurId })));
		return { ok: true as const, ajoutees: nouvelles.length };
	});
}

/**
 * Removes one period of this project: 'absente' when it is not one of its periods, 'tenue'
 * when values, reports, spending or evidence were entered in it (they would be lost: the foreign keys refuse too).
 */
export async function supprimerPeriode(db: Database, projetId: number, periodeId: number): Promise<true | 'absente' | 'tenue'> {
	return db.transaction(async (tx) => {
		const [p] = await tx.select({ id: suiviPeriodes.id }).from(suiviPeriodes).where(and(eq(suiviPeriodes.projetId, projetId), eq(suiviPeriodes.id, periodeId))).for('update');
		if (!p) return 'absente' as const;
		const [v] = await tx.select({ id: suiviValeurs.id }).from(suiviValeurs).where(eq(suiviValeurs.periodeId, periodeId)).limit(1);
		const [c] = await tx.select({ id: suiviComptesRendus.id }).from(suiviComptesRendus).where(eq(suiviComptesRendus.periodeId, periodeId)).limit(1);
		const [d] = await tx.select({ id: suiviDepenses.id }).from(suiviDepenses).where(eq(suiviDepenses.periodeId, periodeId)).limit(1);
		// Evidence, even removed, keeps its period: the history says where it was.
		const [e] = await tx.select({ id: preuves.id }).from(preuves).where(eq(preuves.periodeId, periodeId)).limit(1);
		if (v || c || d || e) return 'tenue' as const;
		await tx.delete(suiviPeriodes).where(eq(suiviPeriodes.id, periodeId));
		return true as const;
	});
}
