import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { motifContient } from '../db/motif.ts';
import { journalSecurite, membres, organisations, sessions, utilisateurs, type RolePlateforme } from '../db/schema.ts';
import { EVENEMENTS, type Evenement } from '../comptes/journal.ts';

export const LIBELLES_ROLES_PLATEFORME: Record<RolePlateforme, string> = {
	membre: 'Membre',
	editeur: 'Éditeur du kit',
	administrateur: 'Administrateur'
};


/**
 * The addresses of ADMINISTRATEURS (comma-separated): their accounts are administrators. This
 * is how the first administrator of an installation is named; the others are named in the
 * admin area.
 */
export function administrateursConfigures(): string[] {
	return (process.env.ADMINISTRATEURS ?? '')
		.split(',')
		.map((a) => a.trim().toLowerCase())
		.filter(Boolean);
}

export async function promouvoirAdministrateursConfigures(db: Database) {
	const adresses = administrateursConfigures();
	if (adresses.length > 0) await db.update(utilisateurs).set({ role: 'administrateur' }).where(inArray(utilisateurs.email, adresses));
}

export async function listerUtilisateurs(db: Database, q = '') {
	const lignes = await db
		.select({
			id: utilisateurs.id,
			nom: utilisateurs.name,
			courriel: utilisateurs.email,
			verifie: utilisateurs.emailVerified,
			role: utilisateurs.role,
			desactiveLe: utilisateurs.desactiveLe,
			creeLe: utilisateurs.createdAt,
			organisations: sql<string>`coalesce((select string_agg(o.nom, ', ' order by o.nom) from ${membres} m join ${organisations} o on o.id = m.organisation_id where m.utilisateur_id = "utilisateurs"."id"), '')`
		})
		.from(utilisateurs)
		.where(q.trim() ? or(ilike(utilisateurs.name, motifContient(q)), ilike(utilisateurs.email, motifContient(q))) : undefined)
		.orderBy(asc(utilisateurs.name))
		.limit(200);
	return lignes.map((u) => ({ ...u, roleLibelle: LIBELLES_ROLES_PLATEFORME[u.role] }));
}

export async function changerRolePlateforme(db: Database, id: string, role: RolePlateforme) {
	const r = await db.update(utilisateurs).set({ role, updatedAt: sql`now()` }).where(eq(utilisateurs.id, id)).returning({ courriel: utilisateurs.email });
	return r[0];
}

/** Deactivates an account: it is signed out everywhere and can no longer sign in. Nothing it wrote is deleted. */
export async function desactiver(db: Database, id: string) {
	return db.transaction(async (tx) => {
		const r = await tx
			.update(utilisateurs)
			.set({ desactiveLe: sql`now()`, updatedAt: sql`now()` })
			.where(and(eq(utilisateurs.id, id), sql`${utilisateurs.desactiveLe} is null`))
			.returning({ courriel: utilisateurs.email });
		await tx.delete(sessions).where(eq(sessions.userId, id));
		return r[0];
	});
}

export async function reactiver(db: Database, id: string) {
	const r = await db.update(utilisateurs).set({ desactiveLe: null, updatedAt: sql`now()` }).where(eq(utilisateurs.id, id)).returning({ courriel: utilisateurs.email });
	return r[0];
}

export const PAR_PAGE_JOURNAL = 50;

/** The security log, newest first, optionally one kind of event. */
export async function journal(db: Database, p: { evenement?: string; page?: number }) {
	const page = Math.max(1, Math.min(p.page ?? 1, 1000));
	const filtre = p.evenement && p.evenement in EVENEMENTS ? eq(journalSecurite.evenement, p.evenement) : undefined;
	const lignes = await db
		.select({
			id: journalSecurite.id,
			evenement: journalSecurite.evenement,
			le: journalSecurite.creeLe,
			auteur: utilisateurs.name,
			courriel: journalSecurite.courriel,
			cibleId: journalSecurite.cibleId,
			adresseIp: journalSecurite.adresseIp,
			details: journalSecurite.details
		})
		.from(journalSecurite)
		.leftJoin(utilisateurs, eq(utilisateurs.id, journalSecurite.utilisateurId))
		.where(filtre)
		.orderBy(desc(journalSecurite.creeLe), desc(journalSecurite.id))
		.limit(PAR_PAGE_JOURNAL + 1)
		.offset((page - 1) * PAR_PAGE_JOURNAL);
	return {
		page,
		suivante: lignes.length > PAR_PAGE_JOURNAL,
		lignes: lignes.slice(0, PAR_PAGE_JOURNAL).map((l) => ({
			...l,
			le: l.le.toISOString(),
			libelle: EVENEMENTS[l.evenement as Evenement] ?? l.evenement,
			details: Object.entries(l.details)
				.map(([k, v]) => `${k} : ${String(v)}`)
				.join(', ')
		}))
	};
}
