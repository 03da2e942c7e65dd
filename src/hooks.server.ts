import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { arreter, demarrer } from '#lib/server/demarrage.ts';
import { VISITEUR } from '#lib/server/policies/index.ts';

export const init: ServerInit = async () => {
	await demarrer();
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
	event.locals.acteur = VISITEUR;
	const response = await resolve(event);
	for (const [nom, valeur] of Object.entries(EN_TETES_SECURITE)) {
		if (!response.headers.has(nom)) response.headers.set(nom, valeur);
	}
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
