import type { RequestEvent } from '@sveltejs/kit';

/**
 * The client's address, the one every limiter and log uses: the socket's peer, or what the
 * trusted proxy's header says when ADDRESS_HEADER (and XFF_DEPTH) are configured, as
 * adapter-node reads them. Never a header the client chose.
 */
export function adresseClient(event: Pick<RequestEvent, 'getClientAddress'>): string {
	let adresse: string;
	try {
		adresse = event.getClientAddress();
	} catch {
		// adapter-node throws when ADDRESS_HEADER names a header the proxy did not send.
		return 'inconnue';
	}
	return adresse.startsWith('::ffff:') ? adresse.slice(7) : adresse;
}

/** 127.0.0.0/8 and ::1: this very machine. */
export const estBoucleLocale = (adresse: string | undefined): boolean =>
	adresse === '::1' || adresse === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(adresse ?? '');

/** The address the server listens on (HOST, 127.0.0.1 by default, as in scripts/serve.js). */
export const adresseDEcoute = () => process.env.HOST?.trim() || '127.0.0.1';
