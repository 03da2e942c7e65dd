import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * How often each sensitive action may be tried, per client address (securite/adresse.ts) and
 * per account. The address limits are generous because a whole Département's staff may share
 * one address; the account limits stop someone flooding a mailbox.
 */
const LIMITES = {
	/** A Département's training session may sign up dozens of agents from one address. */
	inscription: { ip: { points: 100, duration: 60 * 60 }, compte: { points: 3, duration: 60 * 60 } },
	reinitialisation: { ip: { points: 30, duration: 60 * 60 }, compte: { points: 3, duration: 60 * 60 } },
	/**
	 * Per account 6 an hour from every address together, but 3 from one address: someone
	 * asking links for another person's address cannot use up that person's own links.
	 */
	lienMagique: { ip: { points: 30, duration: 60 * 60 }, compte: { points: 6, duration: 60 * 60 }, paire: { points: 3, duration: 60 * 60 } },
	/** Per inviting account: enough for a team, not for spam. */
	invitation: { ip: { points: 100, duration: 60 * 60 }, compte: { points: 30, duration: 60 * 60 } },
	/** Comments send mails to a whole team. */
	commentaire: { ip: { points: 300, duration: 60 * 60 }, compte: { points: 60, duration: 60 * 60 } },
	/** The links of mails and the sign-on callback, Better Auth's only open endpoints. */
	lienCourriel: { ip: { points: 300, duration: 15 * 60 } }
} as const;

export type ActionLimitee = keyof typeof LIMITES;
type Sorte = 'ip' | 'compte' | 'paire';

const compteurs = Object.fromEntries(
	Object.entries(LIMITES).map(([action, l]) => [
		action,
		Object.fromEntries(Object.entries(l).map(([sorte, o]) => [sorte, new RateLimiterMemory({ keyPrefix: `${action}-${sorte}`, ...o })]))
	])
) as Record<ActionLimitee, Partial<Record<Sorte, RateLimiterMemory>>>;

export interface Qui {
	ip: string;
	/** The account's email, lowercased, when the action names one. */
	courriel?: string;
}

const cles = (qui: Qui): [Sorte, string][] => [
	['ip', qui.ip],
	...(qui.courriel ? ([['compte', qui.courriel], ['paire', `${qui.courriel}|${qui.ip}`]] as [Sorte, string][]) : [])
];

/** Counts one try; answers the seconds to wait when this try goes over a limit, else 0. */
export async function compter(action: ActionLimitee, qui: Qui): Promise<number> {
	let attente = 0;
	for (const [sorte, cle] of cles(qui)) {
		const limiteur = compteurs[action][sorte];
		if (!limiteur) continue;
		try {
			await limiteur.consume(cle);
		} catch (refus) {
			if (!(refus instanceof RateLimiterRes)) throw refus;
			attente = Math.max(attente, Math.ceil(refus.msBeforeNext / 1000));
		}
	}
	return attente;
}

// ——— Failed sign-ins ———
// Counted per (account, address): five failures from one place make that place wait, with a
// delay that doubles at each further failure. The account as a whole waits only after many
// failures from everywhere, and less long; the magic link is never blocked. So nobody can
// lock a person out of their account by typing wrong passwords in their name.

const ECHECS = {
	/** One address trying one account, counted over a day. */
	paire: { seuil: 5, premier: 30, plafond: 15 * 60, fenetre: 24 * 60 * 60 },
	/** Many addresses trying one account: a slower ceiling. */
	compte: { seuil: 20, premier: 15, plafond: 15 * 60, fenetre: 24 * 60 * 60 },
	/** One address trying many accounts (a shared office address stays usable). */
	ip: { seuil: 100, premier: 15 * 60, plafond: 15 * 60, fenetre: 15 * 60 }
} as const;
type SorteEchec = keyof typeof ECHECS;

const echecs = Object.fromEntries(
	Object.entries(ECHECS).map(([s, e]) => [s, new RateLimiterMemory({ keyPrefix: `echecs-${s}`, points: 1_000_000, duration: e.fenetre })])
) as Record<SorteEchec, RateLimiterMemory>;
const blocages = Object.fromEntries(
	Object.keys(ECHECS).map((s) => [s, new RateLimiterMemory({ keyPrefix: `blocage-${s}`, points: 1, duration: 1 })])
) as Record<SorteEchec, RateLimiterMemory>;

const clesEchec = (qui: Required<Qui>): [SorteEchec, string][] => [
	['paire', `${qui.courriel}|${qui.ip}`],
	['compte', qui.courriel],
	['ip', qui.ip]
];

/** The wait after the n-th failure of a kind: nothing below its threshold, then doubling up to its ceiling. */
export function delaiApresEchecs(sorte: SorteEchec, n: number): number {
	const e = ECHECS[sorte];
	if (n < e.seuil) return 0;
	return Math.min(e.plafond, e.premier * 2 ** Math.min(20, n - e.seuil));
}

/** Seconds before this address may try a password on this account again, or 0. */
export async function attenteConnexion(qui: Required<Qui>): Promise<number> {
	let attente = 0;
	for (const [sorte, cle] of clesEchec(qui)) {
		const res = await blocages[sorte].get(cle);
		if (res && res.msBeforeNext > 0 && res.consumedPoints > blocages[sorte].points) attente = Math.max(attente, Math.ceil(res.msBeforeNext / 1000));
	}
	return attente;
}

/** Counts a failed sign-in; answers the seconds to wait before the next try (0: none). */
export async function compterEchecConnexion(qui: Required<Qui>): Promise<number> {
	let attente = 0;
	for (const [sorte, cle] of clesEchec(qui)) {
		const n = (await echecs[sorte].penalty(cle, 1)).consumedPoints;
		const delai = delaiApresEchecs(sorte, n);
		if (delai > 0) {
			await blocages[sorte].block(cle, delai);
			attente = Math.max(attente, delai);
		}
	}
	return attente;
}

/** After a successful sign-in: this address and this account start again from zero. */
export async function oublierEchecsConnexion(qui: Required<Qui>): Promise<void> {
	for (const [sorte, cle] of clesEchec(qui)) {
		if (sorte === 'ip') continue;
		await echecs[sorte].delete(cle);
		await blocages[sorte].delete(cle);
	}
}

/** « Réessayez dans 3 minutes. », rounded up, in French. */
export function messageAttente(secondes: number): string {
	const minutes = Math.ceil(secondes / 60);
	const delai = secondes < 60 ? `${secondes} seconde${secondes > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
	return `Trop de tentatives. Par sécurité, réessayez dans ${delai}.`;
}
