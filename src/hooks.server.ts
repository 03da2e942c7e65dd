import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { acteurDeLaRequete } from '#lib/server/comptes/session.ts';
import { auth, initialiserComptes } from '#lib/server/comptes/instance.ts';
import { estCheminAuth, passerLaPorte } from '#lib/server/comptes/porte.ts';
import { configurationSso } from '#lib/server/comptes/sso.ts';
import { arreter, db, demarrer } from '#lib/server/demarrage.ts';
import { EN_TETES_SECURITE, HSTS } from '#lib/server/securite/en-tetes.js';
import { garderEntrees } from '#lib/server/securite/entrees.ts';
import { typographierHtml } from '#lib/typographie.ts';

export const init: ServerInit = async () => {
	await demarrer();
	await initialiserComptes(db());
	// PGlite keeps the process alive after SIGTERM unless it is closed.
	process.once('sveltekit:shutdown' as 'beforeExit', () => void arreter());
};

const principal: Handle = async ({ event, resolve }) => {
	event.locals.acteur = await acteurDeLaRequete(auth(), event.request.headers);
	// Better Auth's own endpoints: only the links of mails and the sign-on callback (porte.ts).
	let response =
		(estCheminAuth(event.url.pathname) && (await passerLaPorte(event))) ||
		// French typography on every page's text, in one place (typographie.ts).
		(await resolve(event, { transformPageChunk: ({ html }) => typographierHtml(html) }));
	// Responses built elsewhere may have immutable headers.
	response = new Response(response.body, response);
	for (const [nom, valeur] of Object.entries(EN_TETES_SECURITE)) {
		if (!response.headers.has(nom)) response.headers.set(nom, valeur);
	}
	// The single sign-on form is answered by a redirect to the identity provider, which the
	// policy's form-action must allow.
	const sso = configurationSso();
	const csp = response.headers.get('content-security-policy');
	if (sso && csp) response.headers.set('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${new URL(sso.issuer).origin}`));
	// Over https, browsers are told to never use plain http for this site again.
	if (event.url.protocol === 'https:' && !response.headers.has('strict-transport-security')) response.headers.set('strict-transport-security', HSTS);
	// Pages that depend on who is signed in are never kept by shared caches.
	if (event.locals.acteur.role !== 'visiteur') response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle: Handle = sequence(garderEntrees, principal);

const MESSAGES_HTTP: Record<number, string> = {
	400: 'Requête invalide',
	403: 'Accès refusé',
	404: 'Page introuvable',
	405: 'Méthode non autorisée',
	413: 'Requête trop volumineuse',
	415: 'Type de contenu non pris en charge'
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
