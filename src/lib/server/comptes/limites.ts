import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * How often each sensitive action may be tried, per address and per account. The address
 * limits are generous because a whole Département's staff may share one address; the account
 * limits stop someone guessing a password or flooding a mailbox.
 */
const LIMITES = {
	/** Failed sign-ins only: a successful one clears the account's counter. */
	connexion: { ip: { points: 100, duration: 15 * 60 }, compte: { points: 5, duration: 15 * 60 } },
	/** A Département's training session may sign up dozens of agents from one address. */
	inscription: { ip: { points: 100, duration: 60 * 60 }, compte: { points: 3, duration: 60 * 60 } },
	reinitialisation: { ip: { points: 30, duration: 60 * 60 }, compte: { points: 3, duration: 60 * 60 } },
	lienMagique: { ip: { points: 30, duration: 60 * 60 }, compte: { points: 3, duration: 60 * 60 } },
	/** Per inviting account: enough for a team, not for spam. */
	invitation: { ip: { points: 100, duration: 60 * 60 }, compte: { points: 30, duration: 60 * 60 } },
	/** Comments send mails to a whole team. */
	commentaire: { ip: { points: 300, duration: 60 * 60 }, compte: { points: 60, duration: 60 * 60 } }
} as const;

export type ActionLimitee = keyof typeof LIMITES;

const compteurs = Object.fromEntries(
	Object.entries(LIMITES).map(([action, l]) => [
		action,
		{ ip: new RateLimiterMemory({ keyPrefix: `${action}-ip`, ...l.ip }), compte: new RateLimiterMemory({ keyPrefix: `${action}-compte`, ...l.compte }) }
	])
) as Record<ActionLimitee, { ip: RateLimiterMemory; compte: RateLimiterMemory }>;

export interface Qui {
	ip: string;
	/** The account's email, lowercased, when the action names one. */
	courriel?: string;
}

const cles = (qui: Qui) => [['ip', qui.ip] as const, ...(qui.courriel ? [['compte', qui.courriel] as const] : [])];

/** Seconds to wait before this action may be tried again, or 0 when it may be now. */
export async function attenteAvant(action: ActionLimitee, qui: Qui): Promise<number> {
	let attente = 0;
	for (const [sorte, cle] of cles(qui)) {
		const res = await compteurs[action][sorte].get(cle);
		if (res && res.consumedPoints >= LIMITES[action][sorte].points) attente = Math.max(attente, Math.ceil(res.msBeforeNext / 1000));
	}
	return attente;
}

/** Counts one try; answers the seconds to wait when this try goes over a limit, else 0. */
export async function compter(action: ActionLimitee, qui: Qui): Promise<number> {
	let attente = 0;
	for (const [sorte, cle] of cles(qui)) {
		try {
			await compteurs[action][sorte].consume(cle);
		} catch (refus) {
			if (!(refus instanceof RateLimiterRes)) throw refus;
			attente = Math.max(attente, Math.ceil(refus.msBeforeNext / 1000));
		}
	}
	return attente;
}

/** Forgets an account's failures, after it signed in. */
export async function oublier(action: ActionLimitee, courriel: string): Promise<void> {
	await compteurs[action].compte.delete(courriel);
}

/** « Réessayez dans 3 minutes. », rounded up, in French. */
export function messageAttente(secondes: number): string {
	const minutes = Math.ceil(secondes / 60);
	const delai = secondes < 60 ? `${secondes} seconde${secondes > 1 ? 's' : ''}` : `${minutes} minute${minutes > 1 ? 's' : ''}`;
	return `Trop de tentatives. Par sécurité, réessayez dans ${delai}.`;
}
