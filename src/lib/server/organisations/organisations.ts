import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, lte, ilike, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { estDoublon } from '../db/erreurs.ts';
import { motifContient } from '../db/motif.ts';
import { cartesFiches } from '../fiches/cartes.ts';
import {
	demandesAdhesion,
	fiches,
	invitations,
	membres,
	organisations,
	utilisateurs,
	type RoleOrganisation,
	type StatutFiche,
	type TypeOrganisation
} from '../db/schema.ts';
import { LIBELLES_TYPES, nomTerritoire, slugDe, type SaisieOrganisation } from './regles.ts';

export const DUREE_INVITATION_JOURS = 7;

export const hacherJeton = (jeton: string) => createHash('sha256').update(jeton).digest('hex');

/** Every organisation, or those whose name matches, with their number of members. */
export async function listerOrganisations(db: Database, q = '') {
	const lignes = await db
		.select({
			slug: organisations.slug,
			nom: organisations.nom,
			type: organisations.type,
			pays: organisations.pays,
			codeTerritoire: organisations.codeTerritoire,
			creeLe: organisations.creeLe,
			membres: sql<number>`(select count(*)::int from ${membres} m where m.organisation_id = "organisations"."id")`
		})
		.from(organisations)
		.where(q.trim() ? ilike(organisations.nom, motifContient(q)) : undefined)
		.orderBy(asc(organisations.nom))
		.limit(200);
	return lignes.map((o) => ({ ...o, typeLibelle: LIBELLES_TYPES[o.type], territoire: nomTerritoire(o) }));
}

export async function organisationParSlug(db: Database, slug: string) {
	const [o] = await db.select().from(organisations).where(eq(organisations.slug, slug));
	return o ? { ...o, typeLibelle: LIBELLES_TYPES[o.type], territoire: nomTerritoire(o) } : undefined;
}

export type Organisation = NonNullable<Awaited<ReturnType<typeof organisationParSlug>>>;

/** The role of an account in an organisation, or null when it is not a member. */
export async function roleDans(db: Database, organisationId: number, utilisateurId: string | undefined): Promise<RoleOrganisation | null> {
	if (!utilisateurId) return null;
	const [m] = await db
		.select({ role: membres.role })
		.from(membres)
		.where(and(eq(membres.organisationId, organisationId), eq(membres.utilisateurId, utilisateurId)));
	return m?.role ?? null;
}

/**
 * Kinds whose territory is the body itself: a Département, a Région, a commune or an
 * intercommunality has one organisation on Terrinclus, whatever it is named.
 */
export const TERRITOIRE_UNIQUE: readonly TypeOrganisation[] = ['departement', 'region', 'commune-intercommunalite'];

/** A name as compared for duplicates: no case, no accents, punctuation and spaces as one space. */
export const nomCompare = (nom: string) =>
	nom
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** An organisation that the one being created or edited would duplicate. */
export interface Doublon {
	id: number;
	nom: string;
	slug: string;
	typeLibelle: string;
	territoire: string;
}

/**
 * What an organisation would duplicate: for a territory that is the body itself, the
 * organisation already holding it (`meme`: refused); for the others, those of the same kind,
 * country and name (`homonymes`: the person confirms it is really another body).
 */
export async function doublonsDe(db: Database, s: SaisieOrganisation, sauf?: number): Promise<{ meme?: Doublon; homonymes: Doublon[] }> {
	const autre = sauf === undefined ? undefined : ne(organisations.id, sauf);
	const colonnes = { id: organisations.id, nom: organisations.nom, slug: organisations.slug, type: organisations.type, pays: organisations.pays, codeTerritoire: organisations.codeTerritoire };
	const decrire = (o: { id: number; nom: string; slug: string; type: TypeOrganisation; pays: string; codeTerritoire: string | null }): Doublon => ({ id: o.id, nom: o.nom, slug: o.slug, typeLibelle: LIBELLES_TYPES[o.type], territoire: nomTerritoire(o) });
	if (TERRITOIRE_UNIQUE.includes(s.type) && s.codeTerritoire) {
		const [o] = await db
			.select(colonnes)
			.from(organisations)
			.where(and(eq(organisations.type, s.type), eq(organisations.codeTerritoire, s.codeTerritoire), autre))
			.orderBy(asc(organisations.id))
			.limit(1);
		return { meme: o && decrire(o), homonymes: [] };
	}
	// Compared here rather than in SQL, so that names in any script (Arabic…) compare alike.
	const cle = nomCompare(s.nom);
	const memeSorte = await db
		.select(colonnes)
		.from(organisations)
		.where(and(eq(organisations.type, s.type), eq(organisations.pays, s.pays), autre))
		.orderBy(asc(organisations.id));
	return { homonymes: memeSorte.filter((o) => nomCompare(o.nom) === cle).slice(0, 10).map(decrire) };
}

export type Verification = { ok: true } | { ok: false; meme?: Doublon; homonymes: Doublon[] };

/**
 * Checks for duplicates inside the writing transaction, under a lock on what identifies the
 * body, so that two people creating the same Département at once cannot both succeed.
 * `confirmes`: the homonyms the person said are other bodies.
 */
async function verifierDoublons(tx: Database, s: SaisieOrganisation, confirmes: readonly number[], sauf?: number): Promise<Verification> {
	const cle = TERRITOIRE_UNIQUE.includes(s.type) ? `organisation:${s.type}:${s.codeTerritoire}` : `organisation:${s.type}:${s.pays}:${nomCompare(s.nom)}`;
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${cle}))`);
	const d = await doublonsDe(tx, s, sauf);
	if (d.meme) return { ok: false, meme: d.meme, homonymes: [] };
	const nouveaux = d.homonymes.filter((h) => !confirmes.includes(h.id));
	return nouveaux.length ? { ok: false, homonymes: d.homonymes } : { ok: true };
}

/**
 * Creates an organisation; its creator is its first owner. The address name is made unique.
 * Refused when it would duplicate a body (see `doublonsDe`).
 */
export async function creerOrganisation(db: Database, saisie: SaisieOrganisation, createurId: string, confirmes: readonly number[] = []) {
	return db.transaction(async (tx) => {
		const v = await verifierDoublons(tx as unknown as Database, saisie, confirmes);
		if (!v.ok) return v;
		const base = slugDe(saisie.nom);
		const pris = new Set(
			(await tx.select({ slug: organisations.slug }).from(organisations).where(ilike(organisations.slug, `${base}%`))).map((o) => o.slug)
		);
		let slug = base;
		for (let i = 2; pris.has(slug); i++) slug = `${base}-${i}`;
		const [o] = await tx.insert(organisations).values({ ...saisie, slug, creePar: createurId }).returning();
		await tx.insert(membres).values({ organisationId: o!.id, utilisateurId: createurId, role: 'proprietaire' });
		return { ok: true as const, organisation: o! };
	});
}

export async function modifierOrganisation(db: Database, id: number, saisie: SaisieOrganisation, confirmes: readonly number[] = []): Promise<Verification> {
	return db.transaction(async (tx) => {
		const v = await verifierDoublons(tx as unknown as Database, saisie, confirmes, id);
		if (!v.ok) return v;
		await tx.update(organisations).set({ ...saisie, modifieLe: sql`now()` }).where(eq(organisations.id, id));
		return v;
	});
}

/** The organisations an account belongs to, with its role in each. */
export async function mesOrganisations(db: Database, utilisateurId: string) {
	return db
		.select({ id: organisations.id, slug: organisations.slug, nom: organisations.nom, role: membres.role })
		.from(membres)
		.innerJoin(organisations, eq(organisations.id, membres.organisationId))
		.where(eq(membres.utilisateurId, utilisateurId))
		.orderBy(asc(organisations.nom));
}

/** Members, pending invitations and join requests: what the members page shows. */
export async function equipe(db: Database, organisationId: number) {
	const [liste, invites, demandes] = await Promise.all([
		db
			.select({ id: utilisateurs.id, nom: utilisateurs.name, courriel: utilisateurs.email, role: membres.role, depuis: membres.creeLe })
			.from(membres)
			.innerJoin(utilisateurs, eq(utilisateurs.id, membres.utilisateurId))
			.where(eq(membres.organisationId, organisationId))
			.orderBy(asc(utilisateurs.name)),
		db
			.select({ id: invitations.id, courriel: invitations.courriel, role: invitations.role, expireLe: invitations.expireLe })
			.from(invitations)
			.where(
				and(
					eq(invitations.organisationId, organisationId),
					isNull(invitations.accepteeLe),
					isNull(invitations.revoqueeLe),
					gt(invitations.expireLe, sql`now()`)
				)
			)
			.orderBy(desc(invitations.creeLe)),
		db
			.select({ id: demandesAdhesion.id, nom: utilisateurs.name, courriel: utilisateurs.email, message: demandesAdhesion.message, le: demandesAdhesion.creeLe })
			.from(demandesAdhesion)
			.innerJoin(utilisateurs, eq(utilisateurs.id, demandesAdhesion.utilisateurId))
			.where(and(eq(demandesAdhesion.organisationId, organisationId), eq(demandesAdhesion.statut, 'en-attente')))
			.orderBy(asc(demandesAdhesion.creeLe))
	]);
	return { membres: liste, invitations: invites, demandes };
}

/** Why an invitation is not sent: to oneself, to someone already in, or to an address already invited. */
export type RefusInvitation = { ok: false; raison: 'soi-meme' | 'deja-membre' } | { ok: false; raison: 'deja-invite'; expireLe: Date };
export type NouvelleInvitation = { ok: true; jeton: string; expireLe: Date } | RefusInvitation;

/**
 * Invites an address, unless it is the inviter's, a member's, or already invited and pending
 * (addresses compared without case). An expired invitation is closed and replaced. Answers the
 * token to put in the mail (only its hash is kept). Two simultaneous posts: the unique index on
 * pending invitations keeps one.
 */
export async function creerInvitation(db: Database, p: { organisationId: number; courriel: string; role: RoleOrganisation; invitePar: string }): Promise<NouvelleInvitation> {
	const courriel = p.courriel.toLowerCase();
	const memeAdresse = sql`lower(${invitations.courriel}) = ${courriel}`;
	const jeton = randomBytes(32).toString('base64url');
	try {
		return await db.transaction(async (tx) => {
			const [invitant] = await tx.select({ courriel: utilisateurs.email }).from(utilisateurs).where(eq(utilisateurs.id, p.invitePar));
			if (invitant?.courriel.toLowerCase() === courriel) return { ok: false, raison: 'soi-meme' } as const;
			const [membre] = await tx
				.select({ id: membres.utilisateurId })
				.from(membres)
				.innerJoin(utilisateurs, eq(utilisateurs.id, membres.utilisateurId))
				.where(and(eq(membres.organisationId, p.organisationId), sql`lower(${utilisateurs.email}) = ${courriel}`));
			if (membre) return { ok: false, raison: 'deja-membre' } as const;
			const enAttente = and(eq(invitations.organisationId, p.organisationId), memeAdresse, isNull(invitations.accepteeLe), isNull(invitations.revoqueeLe));
			const [deja] = await tx.select({ expireLe: invitations.expireLe }).from(invitations).where(and(enAttente, gt(invitations.expireLe, sql`now()`)));
			if (deja) return { ok: false, raison: 'deja-invite', expireLe: deja.expireLe } as const;
			// An expired one no longer holds the address: closed, so that its link says it expired.
			// Only an expired one: a valid invitation committed meanwhile by a simultaneous post stays, and
			// this insert then meets the unique index.
			await tx.update(invitations).set({ revoqueeLe: sql`now()` }).where(and(enAttente, lte(invitations.expireLe, sql`now()`)));
			const [cree] = await tx
				.insert(invitations)
				.values({ ...p, courriel, jetonHache: hacherJeton(jeton), expireLe: sql`now() + make_interval(days => ${DUREE_INVITATION_JOURS})` })
				.returning({ expireLe: invitations.expireLe });
			return { ok: true, jeton, expireLe: cree!.expireLe } as const;
		});
	} catch (e) {
		if (!estDoublon(e)) throw e;
		const [deja] = await db.select({ expireLe: invitations.expireLe }).from(invitations).where(and(eq(invitations.organisationId, p.organisationId), memeAdresse, isNull(invitations.accepteeLe), isNull(invitations.revoqueeLe)));
		return { ok: false, raison: 'deja-invite', expireLe: deja?.expireLe ?? new Date() };
	}
}

/** The state of an invitation: an expiry wins over a revocation made after it (a replaced invitation). */
export function etatInvitation(i: { accepteeLe: Date | null; revoqueeLe: Date | null; expireLe: Date }) {
	if (i.accepteeLe) return 'acceptee' as const;
	if (i.revoqueeLe && i.revoqueeLe.getTime() < i.expireLe.getTime()) return 'revoquee' as const;
	if (i.expireLe.getTime() <= Date.now()) return 'expiree' as const;
	return i.revoqueeLe ? ('revoquee' as const) : ('valable' as const);
}

/** An invitation by its token, whatever its state, with its organisation. */
export async function invitationParJeton(db: Database, jeton: string) {
	const [i] = await db
		.select({
			id: invitations.id,
			courriel: invitations.courriel,
			role: invitations.role,
			expireLe: invitations.expireLe,
			accepteeLe: invitations.accepteeLe,
			revoqueeLe: invitations.revoqueeLe,
			organisationId: organisations.id,
			organisation: organisations.nom,
			slug: organisations.slug
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(eq(invitations.jetonHache, hacherJeton(jeton)));
	if (!i) return undefined;
	return { ...i, etat: etatInvitation(i) } as const;
}

/**
 * Accepts an invitation for an account: it becomes a member with the invited role (or keeps a
 * higher one). Single use: a second acceptance finds nothing to update.
 */
export async function accepterInvitation(db: Database, invitationId: number, utilisateurId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [i] = await tx
			.update(invitations)
			.set({ accepteeLe: sql`now()` })
			.where(and(eq(invitations.id, invitationId), isNull(invitations.accepteeLe), isNull(invitations.revoqueeLe), gt(invitations.expireLe, sql`now()`)))
			.returning();
		if (!i) return false;
		const existant = await roleDans(tx as unknown as Database, i.organisationId, utilisateurId);
		if (!existant) await tx.insert(membres).values({ organisationId: i.organisationId, utilisateurId, role: i.role });
		return true;
	});
}

export async function revoquerInvitation(db: Database, organisationId: number, invitationId: number) {
	const r = await db
		.update(invitations)
		.set({ revoqueeLe: sql`now()` })
		.where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), isNull(invitations.accepteeLe)))
		.returning({ courriel: invitations.courriel });
	return r[0];
}

export async function demanderAdhesion(db: Database, organisationId: number, utilisateurId: string, message: string) {
	const [deja] = await db
		.select({ id: demandesAdhesion.id })
		.from(demandesAdhesion)
		.where(
			and(eq(demandesAdhesion.organisationId, organisationId), eq(demandesAdhesion.utilisateurId, utilisateurId), eq(demandesAdhesion.statut, 'en-attente'))
		);
	if (deja) return false;
	await db.insert(demandesAdhesion).values({ organisationId, utilisateurId, message });
	return true;
}

export async function demandeEnAttente(db: Database, organisationId: number, utilisateurId: string) {
	const [d] = await db
		.select({ id: demandesAdhesion.id })
		.from(demandesAdhesion)
		.where(
			and(eq(demandesAdhesion.organisationId, organisationId), eq(demandesAdhesion.utilisateurId, utilisateurId), eq(demandesAdhesion.statut, 'en-attente'))
		);
	return Boolean(d);
}

/** Accepts or refuses a pending request of this organisation; answers the person concerned. */
export async function traiterDemande(db: Database, organisationId: number, demandeId: number, accepter: boolean, parId: string) {
	return db.transaction(async (tx) => {
		const [d] = await tx
			.update(demandesAdhesion)
			.set({ statut: accepter ? 'acceptee' : 'refusee', traitePar: parId, traiteeLe: sql`now()` })
			.where(and(eq(demandesAdhesion.id, demandeId), eq(demandesAdhesion.organisationId, organisationId), eq(demandesAdhesion.statut, 'en-attente')))
			.returning();
		if (!d) return undefined;
		if (accepter) await tx.insert(membres).values({ organisationId, utilisateurId: d.utilisateurId, role: 'membre' }).onConflictDoNothing();
		return d.utilisateurId;
	});
}

/**
 * Locks the organisation's row for the transaction: two owners demoting each other at the
 * same instant are served one after the other, so that one owner always remains.
 */
async function verrouiller(tx: Database, organisationId: number) {
	await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
}

async function nombreProprietaires(db: Database, organisationId: number) {
	const [r] = await db
		.select({ n: count() })
		.from(membres)
		.where(and(eq(membres.organisationId, organisationId), eq(membres.role, 'proprietaire')));
	return r?.n ?? 0;
}

/**
 * Removes a member (or lets one leave). The last owner cannot go: an organisation always has
 * someone to manage it. Answers why not, in French, or undefined when done.
 */
export async function retirerMembre(db: Database, organisationId: number, utilisateurId: string): Promise<string | undefined> {
	return db.transaction(async (tx) => {
		await verrouiller(tx as unknown as Database, organisationId);
		const role = await roleDans(tx as unknown as Database, organisationId, utilisateurId);
		if (!role) return 'Cette personne n’est pas membre de l’organisation.';
		if (role === 'proprietaire' && (await nombreProprietaires(tx as unknown as Database, organisationId)) <= 1) {
			return 'Le dernier propriétaire ne peut pas quitter l’organisation : nommez d’abord un autre propriétaire.';
		}
		await tx.delete(membres).where(and(eq(membres.organisationId, organisationId), eq(membres.utilisateurId, utilisateurId)));
		return undefined;
	});
}

export async function changerRole(db: Database, organisationId: number, utilisateurId: string, role: RoleOrganisation): Promise<string | undefined> {
	return db.transaction(async (tx) => {
		await verrouiller(tx as unknown as Database, organisationId);
		const actuel = await roleDans(tx as unknown as Database, organisationId, utilisateurId);
		if (!actuel) return 'Cette personne n’est pas membre de l’organisation.';
		if (actuel === 'proprietaire' && role !== 'proprietaire' && (await nombreProprietaires(tx as unknown as Database, organisationId)) <= 1) {
			return 'C’est le dernier propriétaire : nommez d’abord un autre propriétaire.';
		}
		await tx.update(membres).set({ role }).where(and(eq(membres.organisationId, organisationId), eq(membres.utilisateurId, utilisateurId)));
		return undefined;
	});
}

/** The fiches an organisation published online that a reader may see, newest first. */
export async function fichesDeLOrganisation(db: Database, organisationId: number, statuts: StatutFiche[]) {
	const ids = await db
		.select({ id: fiches.id })
		.from(fiches)
		.where(and(eq(fiches.organisationId, organisationId), inArray(fiches.statut, statuts)))
		.orderBy(desc(fiches.periodeDebut));
	return cartesFiches(db, ids.map((f) => f.id));
}
