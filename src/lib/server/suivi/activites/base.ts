// Activities' follow-up and milestones reached, in the database.
import { and, eq, sql } from 'drizzle-orm';
import { dansProjets, type Database } from '../../db/index.ts';
import { suiviActivites, suiviJalons, utilisateurs } from '../../db/schema.ts';
import type { Avancement } from './regles.ts';

export async function suiviDesActivites(db: Database, projet: number | readonly number[]) {
	return db
		.select({ projetId: suiviActivites.projetId, activite: suiviActivites.activite, statut: suiviActivites.statut, debutReel: suiviActivites.debutReel, finReelle: suiviActivites.finReelle, commentaire: suiviActivites.commentaire, version: suiviActivites.version, auteur: utilisateurs.name, modifieLe: suiviActivites.modifieLe })
		.from(suiviActivites)
		.leftJoin(utilisateurs, eq(utilisateurs.id, suiviActivites.modifiePar))
		.where(dansProjets(suiviActivites.projetId, projet));
}

/** Saves an activity's follow-up if nobody changed it since the version read (0: none yet). */
export async function enregistrerAvancement(db: Database, p: { projetId: number; activite: string; avancement: Avancement; versionLue: number; auteurId: string }): Promise<{ ok: true } | { ok: false; raison: 'conflit' }> {
	return db.transaction(async (tx) => {
		const [actuel] = await tx.select({ id: suiviActivites.id, version: suiviActivites.version }).from(suiviActivites).where(and(eq(suiviActivites.projetId, p.projetId), eq(suiviActivites.activite, p.activite))).for('update');
		if ((actuel?.version ?? 0) !== p.versionLue) return { ok: false as const, raison: 'conflit' as const };
		if (actuel) await tx.update(suiviActivites).set({ ...p.avancement, version: actuel.version + 1, modifiePar: p.auteurId, modifieLe: sql`now()` }).where(eq(suiviActivites.id, actuel.id));
		else {
			const [cree] = await tx.insert(suiviActivites).values({ projetId: p.projetId, activite: p.activite, ...p.avancement, modifiePar: p.auteurId }).onConflictDoNothing().returning({ id: suiviActivites.id });
			if (!cree) return { ok: false as const, raison: 'conflit' as const };
		}
		return { ok: true as const };
	});
}

export function jalonsAtteints(db: Database, projet: number | readonly number[]) {
	return db.select({ projetId: suiviJalons.projetId, jalon: suiviJalons.jalon, atteintLe: suiviJalons.atteintLe, commentaire: suiviJalons.commentaire }).from(suiviJalons).where(dansProjets(suiviJalons.projetId, projet));
}

/** Marks a milestone reached on a day, or not reached (null). */
export async function marquerJalon(db: Database, p: { projetId: number; jalon: string; atteintLe: string | null; commentaire: string; auteurId: string }) {
	if (!p.atteintLe) {
		await db.delete(suiviJalons).where(and(eq(suiviJalons.projetId, p.projetId), eq(suiviJalons.jalon, p.jalon)));
		return;
	}
	await db
		.insert(suiviJalons)
		.values({ projetId: p.projetId, jalon: p.jalon, atteintLe: p.atteintLe, commentaire: p.commentaire, modifiePar: p.auteurId })
		.onConflictDoUpdate({ target: [suiviJalons.projetId, suiviJalons.jalon], set: { atteintLe: p.atteintLe, commentaire: p.commentaire, modifiePar: p.auteurId, modifieLe: sql`now()` } });
}
