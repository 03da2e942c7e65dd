// Projects, their team and their sections: the queries. Callers have asked the policy module.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, lte, inArray, isNull, sql } from 'drizzle-orm';
import { lignes, remplissage, section as sectionDe, SECTIONS, type Donnees, type Section } from '#lib/projets/sections.ts';
import type { Database } from '../db/index.ts';
import {
	membres,
	organisations,
	projets,
	projetsCommentaires,
	projetsEquipe,
	projetsInvitations,
	projetsRevisions,
	projetsSections,
	utilisateurs,
	type RoleProjet
} from '../db/schema.ts';
import { estDoublon } from '../db/erreurs.ts';
import { etatInvitation, hacherJeton, type NouvelleInvitation } from '../organisations/organisations.ts';
import { MOTIF } from './mise-a-niveau.ts';
import { changements } from './saisie.ts';

export const DUREE_INVITATION_JOURS = 7;

export async function creerProjet(db: Database, p: { organisationId: number; titre: string }, auteurId: string) {
	return db.transaction(async (tx) => {
		const [projet] = await tx.insert(projets).values({ organisationId: p.organisationId, titre: p.titre, creePar: auteurId }).returning();
		await tx.insert(projetsEquipe).values({ projetId: projet!.id, utilisateurId: auteurId, role: 'pilote' });
		const donnees = { titre: p.titre };
		await tx.insert(projetsSections).values({ projetId: projet!.id, section: 'identite', donnees, version: 1, modifiePar: auteurId });
		await tx.insert(projetsRevisions).values({ projetId: projet!.id, section: 'identite', version: 1, donnees, changements: ['Création du projet'], auteurId });
		return projet!;
	});
}

export async function roleSurProjet(db: Database, projetId: number, utilisateurId: string | undefined): Promise<RoleProjet | null> {
	if (!utilisateurId) return null;
	const [r] = await db
		.select({ role: projetsEquipe.role })
		.from(projetsEquipe)
		.where(and(eq(projetsEquipe.projetId, projetId), eq(projetsEquipe.utilisateurId, utilisateurId)));
	return r?.role ?? null;
}

export async function projetParId(db: Database, id: number) {
	const [p] = await db
		.select({
			id: projets.id,
			titre: projets.titre,
			public: projets.public,
			organisationId: projets.organisationId,
			porteur: organisations.nom,
			porteurSlug: organisations.slug,
			creeLe: projets.creeLe,
			modifieLe: projets.modifieLe
		})
		.from(projets)
		.innerJoin(organisations, eq(organisations.id, projets.organisationId))
		.where(eq(projets.id, id));
	return p;
}
export type Projet = NonNullable<Awaited<ReturnType<typeof projetParId>>>;

export interface EtatSection {
	donnees: Donnees;
	version: number;
	modifieLe: Date | null;
	modifiePar: string | null;
}

/** Every section of a project, filled or not (an unsaved section is at version 0). */
export async function sectionsDuProjet(db: Database, projetId: number): Promise<Record<string, EtatSection>> {
	return (await sectionsDesProjets(db, [projetId])).get(projetId)!;
}

/** The sections of several projects in one query, by project. */
export async function sectionsDesProjets(db: Database, ids: readonly number[]): Promise<Map<number, Record<string, EtatSection>>> {
	const rangs = ids.length
		? await db
				.select({ projetId: projetsSections.projetId, section: projetsSections.section, donnees: projetsSections.donnees, version: projetsSections.version, modifieLe: projetsSections.modifieLe, modifiePar: utilisateurs.name })
				.from(projetsSections)
				.leftJoin(utilisateurs, eq(utilisateurs.id, projetsSections.modifiePar))
				.where(inArray(projetsSections.projetId, [...ids]))
		: [];
	const parCle = new Map(rangs.map((r) => [`${r.projetId}|${r.section}`, r]));
	return new Map(
		ids.map((id) => [
			id,
			Object.fromEntries(
				SECTIONS.map((s) => {
					const r = parCle.get(`${id}|${s.slug}`);
					return [s.slug, r ? { donnees: r.donnees as Donnees, version: r.version, modifieLe: r.modifieLe, modifiePar: r.modifiePar } : { donnees: {}, version: 0, modifieLe: null, modifiePar: null }];
				})
			)
		])
	);
}

export async function etatSection(db: Database, projetId: number, slug: string): Promise<EtatSection> {
	const [r] = await db
		.select({ donnees: projetsSections.donnees, version: projetsSections.version, modifieLe: projetsSections.modifieLe, modifiePar: utilisateurs.name })
		.from(projetsSections)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsSections.modifiePar))
		.where(and(eq(projetsSections.projetId, projetId), eq(projetsSections.section, slug)));
	return r ? { donnees: r.donnees as Donnees, version: r.version, modifieLe: r.modifieLe, modifiePar: r.modifiePar } : { donnees: {}, version: 0, modifieLe: null, modifiePar: null };
}

export type Enregistrement = { ok: true; version: number; changements: string[] } | { ok: false; actuel: EtatSection };

/**
 * Saves a section if nobody saved it since the version the person read (optimistic
 * concurrency); otherwise answers the current state so that both versions can be shown. Each
 * save writes a revision with the fields that changed.
 */
export async function enregistrerSection(
	db: Database,
	p: { projetId: number; section: Section; donnees: Donnees; versionLue: number; auteurId: string; restaure?: number }
): Promise<Enregistrement> {
	const slug = p.section.slug;
	return db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		const avant = await etatSection(t, p.projetId, slug);
		if (avant.version !== p.versionLue) return { ok: false, actuel: avant };
		const version = avant.version + 1;
		const changes = changements(p.section, avant.donnees, p.donnees);
		if (avant.version === 0) {
			const r = await tx.insert(projetsSections).values({ projetId: p.projetId, section: slug, donnees: p.donnees, version, modifiePar: p.auteurId }).onConflictDoNothing().returning();
			if (!r.length) return { ok: false, actuel: await etatSection(t, p.projetId, slug) };
		} else {
			// The version in the condition guards against a save between the read and this write.
			const r = await tx
				.update(projetsSections)
				.set({ donnees: p.donnees, version, modifiePar: p.auteurId, modifieLe: sql`now()` })
				.where(and(eq(projetsSections.projetId, p.projetId), eq(projetsSections.section, slug), eq(projetsSections.version, avant.version)))
				.returning();
			if (!r.length) return { ok: false, actuel: await etatSection(t, p.projetId, slug) };
		}
		await tx.insert(projetsRevisions).values({ projetId: p.projetId, section: slug, version, donnees: p.donnees, changements: changes, restaure: p.restaure ?? null, auteurId: p.auteurId });
		const titre = slug === 'identite' && typeof p.donnees.titre === 'string' ? { titre: p.donnees.titre } : {};
		await tx.update(projets).set({ ...titre, modifieLe: sql`now()` }).where(eq(projets.id, p.projetId));
		return { ok: true, version, changements: changes };
	});
}

/** The projects of an account, with its role, the porteur and how far each has gone. */
export async function mesProjets(db: Database, utilisateurId: string) {
	const liste = await db
		.select({ id: projets.id, titre: projets.titre, role: projetsEquipe.role, porteur: organisations.nom, modifieLe: projets.modifieLe, public: projets.public })
		.from(projetsEquipe)
		.innerJoin(projets, eq(projets.id, projetsEquipe.projetId))
		.innerJoin(organisations, eq(organisations.id, projets.organisationId))
		.where(eq(projetsEquipe.utilisateurId, utilisateurId))
		.orderBy(desc(projets.modifieLe));
	if (!liste.length) return [];
	const contenus = await db
		.select({ projetId: projetsSections.projetId, section: projetsSections.section, donnees: projetsSections.donnees })
		.from(projetsSections)
		.where(inArray(projetsSections.projetId, liste.map((p) => p.id)));
	return liste.map((p) => {
		const faites = SECTIONS.filter((s) => remplissage(s, contenus.find((c) => c.projetId === p.id && c.section === s.slug)?.donnees as Donnees) > 0).length;
		return { ...p, sectionsRemplies: faites, sectionsTotal: SECTIONS.length };
	});
}

/** The revisions of a project, newest first, optionally of one section. */
/** The author's name; the installation's own data migration signs as Terrinclus. */
const auteurRevision = sql<string | null>`coalesce(${utilisateurs.name}, case when ${projetsRevisions.auteurId} is null and ${projetsRevisions.changements} @> ${JSON.stringify([MOTIF])}::jsonb then 'Terrinclus (mise à niveau)' end)`;

export async function revisions(db: Database, projetId: number, slug?: string, limite = 200) {
	return db
		.select({
			id: projetsRevisions.id,
			section: projetsRevisions.section,
			version: projetsRevisions.version,
			changements: projetsRevisions.changements,
			restaure: projetsRevisions.restaure,
			auteur: auteurRevision,
			creeLe: projetsRevisions.creeLe
		})
		.from(projetsRevisions)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsRevisions.auteurId))
		.where(slug ? and(eq(projetsRevisions.projetId, projetId), eq(projetsRevisions.section, slug)) : eq(projetsRevisions.projetId, projetId))
		.orderBy(desc(projetsRevisions.creeLe), desc(projetsRevisions.id))
		.limit(limite);
}

export async function revision(db: Database, projetId: number, id: number) {
	const [r] = await db
		.select({ id: projetsRevisions.id, section: projetsRevisions.section, version: projetsRevisions.version, donnees: projetsRevisions.donnees, auteur: auteurRevision, creeLe: projetsRevisions.creeLe })
		.from(projetsRevisions)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsRevisions.auteurId))
		.where(and(eq(projetsRevisions.projetId, projetId), eq(projetsRevisions.id, id)));
	return r && sectionDe(r.section) ? { ...r, donnees: r.donnees as Donnees } : undefined;
}

/** One version of a section, by its number. */
export async function versionDeSection(db: Database, projetId: number, slug: string, version: number) {
	const [r] = await db
		.select({ version: projetsRevisions.version, donnees: projetsRevisions.donnees })
		.from(projetsRevisions)
		.where(and(eq(projetsRevisions.projetId, projetId), eq(projetsRevisions.section, slug), eq(projetsRevisions.version, version)));
	return r ? { version: r.version, donnees: r.donnees as Donnees } : undefined;
}

// ——— Team ———

export async function equipeDuProjet(db: Database, projetId: number) {
	const gens = await db
		.select({ id: utilisateurs.id, nom: utilisateurs.name, courriel: utilisateurs.email, fuseau: utilisateurs.fuseauHoraire, role: projetsEquipe.role })
		.from(projetsEquipe)
		.innerJoin(utilisateurs, eq(utilisateurs.id, projetsEquipe.utilisateurId))
		.where(eq(projetsEquipe.projetId, projetId))
		.orderBy(asc(utilisateurs.name));
	const orgs = gens.length
		? await db
				.select({ utilisateurId: membres.utilisateurId, nom: organisations.nom, slug: organisations.slug })
				.from(membres)
				.innerJoin(organisations, eq(organisations.id, membres.organisationId))
				.where(inArray(membres.utilisateurId, gens.map((g) => g.id)))
				.orderBy(asc(organisations.nom))
		: [];
	return gens.map((g) => ({ ...g, organisations: orgs.filter((o) => o.utilisateurId === g.id).map(({ nom, slug }) => ({ nom, slug })) }));
}

/** The organisations of the team other than the porteur: the project's partners. */
export const organisationsPartenaires = (equipe: Awaited<ReturnType<typeof equipeDuProjet>>, porteurSlug: string) =>
	[...new Map(equipe.flatMap((m) => m.organisations).filter((o) => o.slug !== porteurSlug).map((o) => [o.slug, o])).values()].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

export async function invitationsEnAttente(db: Database, projetId: number) {
	return db
		.select({ id: projetsInvitations.id, courriel: projetsInvitations.courriel, role: projetsInvitations.role, expireLe: projetsInvitations.expireLe })
		.from(projetsInvitations)
		.where(and(eq(projetsInvitations.projetId, projetId), isNull(projetsInvitations.accepteeLe), isNull(projetsInvitations.revoqueeLe), gt(projetsInvitations.expireLe, sql`now()`)))
		.orderBy(desc(projetsInvitations.creeLe));
}

/** Members of the porteur organisation not yet in the team: they can be added directly. */
export async function membresAjoutables(db: Database, projetId: number, organisationId: number) {
	return db
		.select({ id: utilisateurs.id, nom: utilisateurs.name, courriel: utilisateurs.email })
		.from(membres)
		.innerJoin(utilisateurs, eq(utilisateurs.id, membres.utilisateurId))
		.where(
			and(
				eq(membres.organisationId, organisationId),
				isNull(utilisateurs.desactiveLe),
				sql`not exists (select 1 from ${projetsEquipe} e where e.projet_id = ${projetId} and e.utilisateur_id = ${membres.utilisateurId})`
			)
		)
		.orderBy(asc(utilisateurs.name));
}

export async function ajouterAuProjet(db: Database, projetId: number, utilisateurId: string, role: RoleProjet) {
	await db.insert(projetsEquipe).values({ projetId, utilisateurId, role }).onConflictDoNothing();
}

/**
 * Invites an address to the team, unless it is the inviter's, a team member's, or already
 * invited and pending (addresses compared without case); an expired invitation is closed and
 * replaced. Two simultaneous posts: the unique index on pending invitations keeps one.
 */
export async function creerInvitationProjet(db: Database, p: { projetId: number; courriel: string; role: RoleProjet; invitePar: string }): Promise<NouvelleInvitation> {
	const courriel = p.courriel.toLowerCase();
	const memeAdresse = sql`lower(${projetsInvitations.courriel}) = ${courriel}`;
	const jeton = randomBytes(32).toString('base64url');
	try {
		return await db.transaction(async (tx) => {
			const [invitant] = await tx.select({ courriel: utilisateurs.email }).from(utilisateurs).where(eq(utilisateurs.id, p.invitePar));
			if (invitant?.courriel.toLowerCase() === courriel) return { ok: false, raison: 'soi-meme' } as const;
			const [membre] = await tx
				.select({ id: projetsEquipe.utilisateurId })
				.from(projetsEquipe)
				.innerJoin(utilisateurs, eq(utilisateurs.id, projetsEquipe.utilisateurId))
				.where(and(eq(projetsEquipe.projetId, p.projetId), sql`lower(${utilisateurs.email}) = ${courriel}`));
			if (membre) return { ok: false, raison: 'deja-membre' } as const;
			const enAttente = and(eq(projetsInvitations.projetId, p.projetId), memeAdresse, isNull(projetsInvitations.accepteeLe), isNull(projetsInvitations.revoqueeLe));
			const [deja] = await tx.select({ expireLe: projetsInvitations.expireLe }).from(projetsInvitations).where(and(enAttente, gt(projetsInvitations.expireLe, sql`now()`)));
			if (deja) return { ok: false, raison: 'deja-invite', expireLe: deja.expireLe } as const;
			// Only an expired one: a valid invitation committed meanwhile by a simultaneous post stays, and
			// this insert then meets the unique index.
			await tx.update(projetsInvitations).set({ revoqueeLe: sql`now()` }).where(and(enAttente, lte(projetsInvitations.expireLe, sql`now()`)));
			const [cree] = await tx
				.insert(projetsInvitations)
				.values({ ...p, courriel, jetonHache: hacherJeton(jeton), expireLe: sql`now() + make_interval(days => ${DUREE_INVITATION_JOURS})` })
				.returning({ expireLe: projetsInvitations.expireLe });
			return { ok: true, jeton, expireLe: cree!.expireLe } as const;
		});
	} catch (e) {
		if (!estDoublon(e)) throw e;
		const [deja] = await db.select({ expireLe: projetsInvitations.expireLe }).from(projetsInvitations).where(and(eq(projetsInvitations.projetId, p.projetId), memeAdresse, isNull(projetsInvitations.accepteeLe), isNull(projetsInvitations.revoqueeLe)));
		return { ok: false, raison: 'deja-invite', expireLe: deja?.expireLe ?? new Date() };
	}
}

export async function invitationProjetParJeton(db: Database, jeton: string) {
	const [i] = await db
		.select({
			id: projetsInvitations.id,
			projetId: projets.id,
			projet: projets.titre,
			porteur: organisations.nom,
			courriel: projetsInvitations.courriel,
			role: projetsInvitations.role,
			expireLe: projetsInvitations.expireLe,
			accepteeLe: projetsInvitations.accepteeLe,
			revoqueeLe: projetsInvitations.revoqueeLe
		})
		.from(projetsInvitations)
		.innerJoin(projets, eq(projets.id, projetsInvitations.projetId))
		.innerJoin(organisations, eq(organisations.id, projets.organisationId))
		.where(eq(projetsInvitations.jetonHache, hacherJeton(jeton)));
	if (!i) return undefined;
	return { ...i, etat: etatInvitation(i) } as const;
}

/** Single use: the second acceptance finds nothing to update. A team member keeps their role. */
export async function accepterInvitationProjet(db: Database, invitationId: number, utilisateurId: string): Promise<number | undefined> {
	return db.transaction(async (tx) => {
		const [i] = await tx
			.update(projetsInvitations)
			.set({ accepteeLe: sql`now()` })
			.where(and(eq(projetsInvitations.id, invitationId), isNull(projetsInvitations.accepteeLe), isNull(projetsInvitations.revoqueeLe), gt(projetsInvitations.expireLe, sql`now()`)))
			.returning();
		if (!i) return undefined;
		await tx.insert(projetsEquipe).values({ projetId: i.projetId, utilisateurId, role: i.role }).onConflictDoNothing();
		return i.projetId;
	});
}

export async function revoquerInvitationProjet(db: Database, projetId: number, invitationId: number) {
	const [r] = await db
		.update(projetsInvitations)
		.set({ revoqueeLe: sql`now()` })
		.where(and(eq(projetsInvitations.id, invitationId), eq(projetsInvitations.projetId, projetId), isNull(projetsInvitations.accepteeLe), isNull(projetsInvitations.revoqueeLe)))
		.returning({ courriel: projetsInvitations.courriel });
	return r;
}

const pilotes = async (db: Database, projetId: number) =>
	(await db.select({ id: projetsEquipe.utilisateurId }).from(projetsEquipe).where(and(eq(projetsEquipe.projetId, projetId), eq(projetsEquipe.role, 'pilote')))).map((r) => r.id);

/**
 * Runs a change of the team with the project's row locked: two pilots demoting each other at
 * the same instant are served one after the other, and the second sees the first's change.
 */
function avecEquipeVerrouillee<T>(db: Database, projetId: number, f: (tx: Database) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.select({ id: projets.id }).from(projets).where(eq(projets.id, projetId)).for('update');
		return f(tx as unknown as Database);
	});
}

/** Changes a role; refuses (French reason) to leave the project without a pilot. */
export async function changerRoleProjet(db: Database, projetId: number, utilisateurId: string, role: RoleProjet): Promise<string | undefined> {
	return avecEquipeVerrouillee(db, projetId, async (tx) => {
		const p = await pilotes(tx, projetId);
		if (role !== 'pilote' && p.length === 1 && p[0] === utilisateurId) return 'Le projet doit garder au moins un pilote : nommez-en un autre d’abord.';
		const r = await tx.update(projetsEquipe).set({ role }).where(and(eq(projetsEquipe.projetId, projetId), eq(projetsEquipe.utilisateurId, utilisateurId))).returning();
		return r.length ? undefined : 'Cette personne ne fait pas partie de l’équipe.';
	});
}

export async function retirerDuProjet(db: Database, projetId: number, utilisateurId: string): Promise<string | undefined> {
	return avecEquipeVerrouillee(db, projetId, async (tx) => {
		const p = await pilotes(tx, projetId);
		if (p.length === 1 && p[0] === utilisateurId) return 'Le dernier pilote ne peut quitter le projet : nommez-en un autre d’abord.';
		const r = await tx.delete(projetsEquipe).where(and(eq(projetsEquipe.projetId, projetId), eq(projetsEquipe.utilisateurId, utilisateurId))).returning();
		return r.length ? undefined : 'Cette personne ne fait pas partie de l’équipe.';
	});
}

export async function rendrePublic(db: Database, projetId: number, publique: boolean) {
	await db.update(projets).set({ public: publique }).where(eq(projets.id, projetId));
}

// ——— Comments ———

export async function commentaires(db: Database, projetId: number, slug: string) {
	return db
		.select({ id: projetsCommentaires.id, texte: projetsCommentaires.texte, auteur: utilisateurs.name, auteurId: projetsCommentaires.auteurId, creeLe: projetsCommentaires.creeLe })
		.from(projetsCommentaires)
		.leftJoin(utilisateurs, eq(utilisateurs.id, projetsCommentaires.auteurId))
		.where(and(eq(projetsCommentaires.projetId, projetId), eq(projetsCommentaires.section, slug)))
		.orderBy(asc(projetsCommentaires.creeLe), asc(projetsCommentaires.id));
}

export async function commenter(db: Database, p: { projetId: number; section: string; auteurId: string; texte: string }) {
	await db.insert(projetsCommentaires).values(p);
	await db.update(projets).set({ modifieLe: sql`now()` }).where(eq(projets.id, p.projetId));
}

/** One comment of this project's section (an id from another project or section finds nothing). */
export async function commentaire(db: Database, projetId: number, slug: string, id: number) {
	if (!Number.isSafeInteger(id) || id <= 0 || id > 2 ** 31 - 1) return undefined;
	const [c] = await db
		.select({ id: projetsCommentaires.id, auteurId: projetsCommentaires.auteurId })
		.from(projetsCommentaires)
		.where(and(eq(projetsCommentaires.id, id), eq(projetsCommentaires.projetId, projetId), eq(projetsCommentaires.section, slug)));
	return c;
}

export async function supprimerCommentaire(db: Database, id: number) {
	await db.delete(projetsCommentaires).where(eq(projetsCommentaires.id, id));
}

/** The latest saves and comments, for the project home. */
export async function activiteRecente(db: Database, projetId: number, limite = 8) {
	const [saves, notes] = await Promise.all([
		revisions(db, projetId, undefined, limite),
		db
			.select({ id: projetsCommentaires.id, section: projetsCommentaires.section, auteur: utilisateurs.name, creeLe: projetsCommentaires.creeLe })
			.from(projetsCommentaires)
			.leftJoin(utilisateurs, eq(utilisateurs.id, projetsCommentaires.auteurId))
			.where(eq(projetsCommentaires.projetId, projetId))
			.orderBy(desc(projetsCommentaires.creeLe))
			.limit(limite)
	]);
	return [
		...saves.map((r) => ({ type: 'revision' as const, section: r.section, auteur: r.auteur, le: r.creeLe, changements: r.changements, restaure: r.restaure })),
		...notes.map((n) => ({ type: 'commentaire' as const, section: n.section, auteur: n.auteur, le: n.creeLe, changements: [] as string[], restaure: null }))
	]
		.sort((a, b) => b.le.getTime() - a.le.getTime())
		.slice(0, limite);
}

/** Projects whose team made the summary public, with their territories here and there (map, search). */
export async function projetsPublics(db: Database) {
	const rangs = await db
		.select({ id: projets.id, titre: projets.titre, porteur: organisations.nom, identite: projetsSections.donnees })
		.from(projets)
		.innerJoin(organisations, eq(organisations.id, projets.organisationId))
		.leftJoin(projetsSections, and(eq(projetsSections.projetId, projets.id), eq(projetsSections.section, 'identite')))
		.where(eq(projets.public, true))
		.orderBy(asc(projets.titre));
	const codes = (d: unknown, tableau: string, cle: string) =>
		[...new Set(lignes(d as Donnees, tableau).flatMap((l) => (typeof l[cle] === 'string' && l[cle] ? [l[cle] as string] : [])))];
	return rangs.map((r) => ({ id: r.id, titre: r.titre, porteur: r.porteur, departements: codes(r.identite, 'territoiresIci', 'departement'), pays: codes(r.identite, 'territoiresLaBas', 'pays') }));
}
