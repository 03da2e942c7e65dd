// Better Auth's HTTP endpoints (/api/auth/…) are a second door into accounts, around the
// rules of our forms. Only what arrives by a link stays open — the links of our mails and
// the single sign-on callback — each a GET carrying a single-use token; every other path
// answers 404 as if it did not exist. Our forms call Better Auth on the server instead.
import { error, type RequestEvent } from '@sveltejs/kit';
import { adresseClient } from '../securite/adresse.ts';
import { entetesPourAuth } from './entetes.ts';
import { auth } from './instance.ts';
import { compter, messageAttente } from './limites.ts';

const BASE = '/api/auth/';

const OUVERTS = [
	/** The confirmation link of a new account or address. */
	/^\/api\/auth\/verify-email$/,
	/** The magic link. */
	/^\/api\/auth\/magic-link\/verify$/,
	/** The password reset link, which goes on to /nouveau-mot-de-passe. */
	/^\/api\/auth\/reset-password\/[\w-]{1,200}$/,
	/** The OpenID Connect provider sends the person back here. */
	/^\/api\/auth\/callback\/oidc$/
];

export const estCheminAuth = (chemin: string) => chemin === BASE.slice(0, -1) || chemin.startsWith(BASE);

export const estOuvert = (methode: string, chemin: string) => (methode === 'GET' || methode === 'HEAD') && OUVERTS.some((r) => r.test(chemin));

/**
 * The answer to a request for /api/auth/…: Better Auth's for the open links, else undefined,
 * and the app answers 404 (no route has these paths).
 */
export async function passerLaPorte(event: RequestEvent): Promise<Response | undefined> {
	if (!estOuvert(event.request.method, event.url.pathname)) return undefined;
	const attente = await compter('lienCourriel', { ip: adresseClient(event) });
	if (attente > 0) error(429, messageAttente(attente));
	return auth().handler(new Request(event.request.url, { method: event.request.method, headers: entetesPourAuth(event) }));
}
