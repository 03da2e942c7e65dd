import type { RequestEvent } from '@sveltejs/kit';
import { adresseClient } from '../securite/adresse.ts';

/** The header Better Auth reads the client address from (auth.ts); only we set it. */
export const ENTETE_ADRESSE = 'x-terrinclus-adresse-client';

/** Proxy headers a client may forge: Better Auth must never read an address from them. */
const FORGEABLES = ['x-forwarded-for', 'x-real-ip', 'forwarded', 'cf-connecting-ip', 'true-client-ip', 'x-client-ip'];

/**
 * The request's headers as Better Auth gets them, on every call (our forms' server calls and
 * the open endpoints of porte.ts): the client address from the socket or the configured
 * proxy header, nothing a client chose.
 */
export function entetesPourAuth(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): Headers {
	const entetes = new Headers(event.request.headers);
	for (const nom of FORGEABLES) entetes.delete(nom);
	entetes.set(ENTETE_ADRESSE, adresseClient(event));
	return entetes;
}
