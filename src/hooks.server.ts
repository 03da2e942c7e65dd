import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { acteurDeLaRequete } from '#lib/server/comptes/session.ts';
import { auth, initialiserComptes } from '#lib/server/comptes/instance.ts';
import { configurationSso } from '#lib/server/comptes/sso.ts';
import { arreter, db, demarrer } from '#lib/server/demarrage.ts';

export const init: ServerInit = async () => {
	await demarrer();
	await initialiserComptes(db());
	// PGlite keeps the process alive after SIGTERM unless it is closed.
	process.once('sveltekit:shutdown' as 'beforeExit', () => void arreter());
};

const EN_TETES_SECURITE: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.acteur = await acteurDeLaRequete(auth(), event.request.headers);
	// Better Auth's own endpoints (/api/auth/…): links in mails, sign-on callbacks.
	const response = await svelteKitHandler({ auth: auth(), event, resolve, building: false });
	for (const [nom, valeur] of Object.entries(EN_TETES_SECURITE)) {
		if (!response.headers.has(nom)) response.headers.set(nom, valeur);
	}
	// The single sign-on form is answered by a redirect to the identity provider, which the
	// policy's form-action must allow.
	const sso = configurationSso();
	const csp = response.headers.get('content-security-policy');
	if (sso && csp) response.headers.set('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${new URL(sso.issuer).origin}`));
	// Over https, browsers are told to never use plain http for this site again.
	if (event.url.protocol === 'https:' && !response.headers.has('strict-transport-security')) {
		response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
	}
	// Pages that depend on who is signed in are never kept by shared caches.
	if (event.locals.acteur.role !== 'visiteur') response.headers.set('cache-control', 'private, no-store');
	return response;
};

const MESSAGES_HTTP: Record<number, string> = {
	400: 'Requête invalide',
	403: 'Accès refusé',
	404: 'Page introuvable',
	405: 'Méthode non autorisée',
	413: 'Requête trop volumineuse'
};

/** Errors raised by SvelteKit itself or by a bug get a French message; ours already have one. */
export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return;
	if (caught.kind === 'unknown') {
		console.error(`Erreur sur ${caught.event.url.pathname} :`, caught.error);
		return { message: 'Une erreur inattendue est survenue' };
	}
	return { message: MESSAGES_HTTP[caught.error.status] ?? 'Requête invalide' };
};
