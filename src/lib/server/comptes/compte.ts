import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { db } from '../demarrage.ts';
import { identifiants, utilisateurs } from '../db/schema.ts';
import { mesOrganisations } from '../organisations/organisations.ts';
import { LIBELLES_ROLES } from '../organisations/regles.ts';
import type { Acteur } from '../policies/index.ts';
import { auth } from './instance.ts';

const ROLES = { membre: 'Membre', editeur: 'Éditeur du kit', administrateur: 'Administrateur' } as const;

/** A browser's name from its user agent, enough to recognise one's sessions. */
export function navigateurLisible(ua: string | null | undefined): string {
	if (!ua) return 'Navigateur inconnu';
	const nav = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome ou Chromium' : /Safari\//.test(ua) ? 'Safari' : 'Navigateur';
	const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
	return os ? `${nav} sur ${os}` : nav;
}

/** The account of an address (compared without case), if any: whether to offer sign-up, which zone to write its mails in. */
export async function compteDeLAdresse(base: Database, courriel: string) {
	const [u] = await base
		.select({ id: utilisateurs.id, fuseau: utilisateurs.fuseauHoraire, verifie: utilisateurs.emailVerified })
		.from(utilisateurs)
		.where(sql`lower(${utilisateurs.email}) = ${courriel.toLowerCase()}`);
	return u;
}

/** What the account page shows of the signed-in account. */
export async function monCompte(acteur: Extract<Acteur, { id: string }>, headers: Headers) {
	const [[u], sessions, moyens, orgs] = await Promise.all([
		db().select().from(utilisateurs).where(eq(utilisateurs.id, acteur.id)),
		auth().api.listSessions({ headers }),
		db().select({ fournisseur: identifiants.providerId }).from(identifiants).where(eq(identifiants.userId, acteur.id)),
		mesOrganisations(db(), acteur.id)
	]);
	return {
		nom: u!.name,
		courriel: u!.email,
		role: ROLES[u!.role],
		langue: u!.langue === 'fr' ? 'Français' : u!.langue,
		fuseau: u!.fuseauHoraire,
		creeLe: u!.createdAt.toISOString(),
		organisations: orgs.map((o) => ({ ...o, role: LIBELLES_ROLES[o.role] })),
		motDePasse: moyens.some((m) => m.fournisseur === 'credential'),
		sessions: sessions
			.map((s) => ({
				id: s.id,
				courante: s.id === acteur.sessionId,
				navigateur: navigateurLisible(s.userAgent),
				adresseIp: s.ipAddress ?? 'adresse inconnue',
				depuis: new Date(s.createdAt).toISOString(),
				vueLe: new Date(s.updatedAt).toISOString()
			}))
			.sort((a, b) => Number(b.courante) - Number(a.courante) || b.vueLe.localeCompare(a.vueLe))
	};
}
