// RGPD: everything the platform holds about an account, and its deletion.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	demandesAdhesion,
	identifiants,
	invitations,
	journalSecurite,
	membres,
	organisations,
	projets,
	projetsAutoEvaluations,
	projetsCommentaires,
	projetsEquipe,
	projetsInvitations,
	projetsRevisions,
	sessions,
	utilisateurs
} from '../db/schema.ts';

/** The account's data as JSON-ready values: never a password hash, a token or another person's data. */
export async function mesDonnees(db: Database, id: string) {
	const [u] = await db.select().from(utilisateurs).where(eq(utilisateurs.id, id));
	if (!u) return undefined;
	const [mesSessions, moyens, adhesions, invitationsRecues, invitationsEnvoyees, demandes, evenements, equipes, commentaires, versions, autoEvaluations, invitationsProjets] = await Promise.all([
		db.select({ creeLe: sessions.createdAt, expireLe: sessions.expiresAt, adresseIp: sessions.ipAddress, navigateur: sessions.userAgent }).from(sessions).where(eq(sessions.userId, id)),
		db.select({ fournisseur: identifiants.providerId, creeLe: identifiants.createdAt }).from(identifiants).where(eq(identifiants.userId, id)),
		db
			.select({ organisation: organisations.nom, role: membres.role, depuis: membres.creeLe })
			.from(membres)
			.innerJoin(organisations, eq(organisations.id, membres.organisationId))
			.where(eq(membres.utilisateurId, id)),
		db
			.select({ organisation: organisations.nom, role: invitations.role, creeLe: invitations.creeLe, accepteeLe: invitations.accepteeLe })
			.from(invitations)
			.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
			.where(eq(invitations.courriel, u.email)),
		db
			.select({ organisation: organisations.nom, courriel: invitations.courriel, role: invitations.role, creeLe: invitations.creeLe })
			.from(invitations)
			.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
			.where(eq(invitations.invitePar, id)),
		db
			.select({ organisation: organisations.nom, message: demandesAdhesion.message, statut: demandesAdhesion.statut, creeLe: demandesAdhesion.creeLe })
			.from(demandesAdhesion)
			.innerJoin(organisations, eq(organisations.id, demandesAdhesion.organisationId))
			.where(eq(demandesAdhesion.utilisateurId, id)),
		db
			.select({ evenement: journalSecurite.evenement, le: journalSecurite.creeLe, adresseIp: journalSecurite.adresseIp })
			.from(journalSecurite)
			.where(or(eq(journalSecurite.utilisateurId, id), eq(journalSecurite.cibleId, id), eq(journalSecurite.courriel, u.email))),
		db.select({ projet: projets.titre, role: projetsEquipe.role, depuis: projetsEquipe.creeLe }).from(projetsEquipe).innerJoin(projets, eq(projets.id, projetsEquipe.projetId)).where(eq(projetsEquipe.utilisateurId, id)),
		db
			.select({ projet: projets.titre, section: projetsCommentaires.section, texte: projetsCommentaires.texte, le: projetsCommentaires.creeLe })
			.from(projetsCommentaires)
			.innerJoin(projets, eq(projets.id, projetsCommentaires.projetId))
			.where(eq(projetsCommentaires.auteurId, id)),
		db
			.select({ projet: projets.titre, section: projetsRevisions.section, version: projetsRevisions.version, le: projetsRevisions.creeLe })
			.from(projetsRevisions)
			.innerJoin(projets, eq(projets.id, projetsRevisions.projetId))
			.where(eq(projetsRevisions.auteurId, id)),
		db
			.select({ projet: projets.titre, reponses: projetsAutoEvaluations.reponses, le: projetsAutoEvaluations.creeLe })
			.from(projetsAutoEvaluations)
			.innerJoin(projets, eq(projets.id, projetsAutoEvaluations.projetId))
			.where(eq(projetsAutoEvaluations.auteurId, id)),
		db
			.select({ projet: projets.titre, courriel: projetsInvitations.courriel, role: projetsInvitations.role, creeLe: projetsInvitations.creeLe })
			.from(projetsInvitations)
			.innerJoin(projets, eq(projets.id, projetsInvitations.projetId))
			.where(or(eq(projetsInvitations.invitePar, id), eq(projetsInvitations.courriel, u.email)))
	]);
	return {
		exporteLe: new Date().toISOString(),
		compte: { nom: u.name, courriel: u.email, courrielConfirme: u.emailVerified, role: u.role, langue: u.langue, fuseauHoraire: u.fuseauHoraire, creeLe: u.createdAt, modifieLe: u.updatedAt },
		moyensDeConnexion: moyens,
		sessions: mesSessions,
		organisations: adhesions,
		invitationsRecues,
		invitationsEnvoyees,
		demandesAdhesion: demandes,
		journalDeSecurite: evenements,
		// Projects' content belongs to their teams: here is what this account did in them.
		projets: { equipes, commentaires, versionsEnregistrees: versions, autoEvaluations, invitations: invitationsProjets }
	};
}

/**
 * The organisations that would be left without an owner, and the projects without a pilot,
 * while keeping other people: the account cannot be deleted until it names another there.
 */
export async function organisationsABloquer(db: Database, id: string) {
	const [o, p] = await Promise.all([
		db.execute(sql`
			select o.nom from ${membres} m join ${organisations} o on o.id = m.organisation_id
			where m.utilisateur_id = ${id} and m.role = 'proprietaire'
			and not exists (select 1 from ${membres} x where x.organisation_id = m.organisation_id and x.role = 'proprietaire' and x.utilisateur_id <> ${id})
			and exists (select 1 from ${membres} x where x.organisation_id = m.organisation_id and x.utilisateur_id <> ${id})`),
		db.execute(sql`
			select p.titre as nom from ${projetsEquipe} e join ${projets} p on p.id = e.projet_id
			where e.utilisateur_id = ${id} and e.role = 'pilote'
			and not exists (select 1 from ${projetsEquipe} x where x.projet_id = e.projet_id and x.role = 'pilote' and x.utilisateur_id <> ${id})
			and exists (select 1 from ${projetsEquipe} x where x.projet_id = e.projet_id and x.utilisateur_id <> ${id})`)
	]);
	const noms = (r: unknown) => (r as { rows: { nom: string }[] }).rows.map((x) => x.nom);
	return [...noms(o), ...noms(p).map((n) => `le projet « ${n} »`)];
}

/**
 * Deletes an account. Organisations and projects it alone belonged to go with it; what it wrote elsewhere
 * stays, attributed to « compte supprimé » (the links to it become empty).
 */
export async function supprimerCompte(db: Database, id: string) {
	await db.transaction(async (tx) => {
		const seules = await tx.execute(sql`
			select m.organisation_id as id from ${membres} m where m.utilisateur_id = ${id}
			and not exists (select 1 from ${membres} x where x.organisation_id = m.organisation_id and x.utilisateur_id <> ${id})`);
		const ids = (seules as unknown as { rows: { id: number }[] }).rows.map((x) => x.id);
		if (ids.length > 0) await tx.delete(organisations).where(inArray(organisations.id, ids));
		// Projects whose team is this account alone go too.
		await tx.execute(sql`
			delete from ${projets} p where exists (select 1 from ${projetsEquipe} e where e.projet_id = p.id and e.utilisateur_id = ${id})
			and not exists (select 1 from ${projetsEquipe} e where e.projet_id = p.id and e.utilisateur_id <> ${id})`);
		const [u] = await tx.select({ email: utilisateurs.email }).from(utilisateurs).where(eq(utilisateurs.id, id));
		// Pending invitations to this address would recreate a link to the person.
		if (u) await tx.delete(invitations).where(and(eq(invitations.courriel, u.email), sql`${invitations.accepteeLe} is null`));
		await tx.delete(utilisateurs).where(eq(utilisateurs.id, id));
	});
}
