// The production server: SvelteKit's adapter-node handler behind a plain Node HTTP server.
// adapter-node assumes https unless told otherwise; served directly over http, form posts
// would fail its CSRF origin check. So when no trusted proxy sets PROTOCOL_HEADER, the real
// protocol of the connection is written into a header of our own, overwriting any sent value.
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import compression from '@polka/compression';
import { EN_TETES_SECURITE, HSTS } from '../src/lib/server/securite/en-tetes.js';

const root = process.env.TERRINCLUS_ROOT ?? process.cwd();
const host = process.env.HOST?.trim() || '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

// In production the public address is required: without it the session cookie would lack
// Secure behind TLS and the links of mails would point at http://.
const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
const production = process.env.NODE_ENV === 'production' || !loopback;
const publique = process.env.ADRESSE_PUBLIQUE?.trim();
/** @param {string} why */
function refuse(why) {
	console.error(`Terrinclus refuse de démarrer : ${why}`);
	process.exit(1);
}
if (production && !publique) {
	refuse(`en production (NODE_ENV=production, ou écoute sur ${host}, une adresse autre que cette machine), ADRESSE_PUBLIQUE doit donner l’adresse publique du site, par exemple ADRESSE_PUBLIQUE=https://terrinclus.example.fr.`);
}
if (publique && !/^https?:\/\/[^/\s]+/.test(publique)) refuse(`ADRESSE_PUBLIQUE (« ${publique} ») n’est pas une adresse de site, comme https://terrinclus.example.fr.`);
if (production && publique && !publique.startsWith('https://')) {
	refuse(`en production, ADRESSE_PUBLIQUE (« ${publique} ») doit commencer par https:// : sans TLS, les cookies de session et les liens des courriels circuleraient en clair.`);
}

const direct = !process.env.PROTOCOL_HEADER;
if (direct) process.env.PROTOCOL_HEADER = 'x-terrinclus-protocol';
const protocolHeader = (process.env.PROTOCOL_HEADER ?? '').toLowerCase();

// Files are posted to one route, which streams them: the server takes bodies up to the file
// limit, and every other route keeps 512 KB (securite/entrees.ts refuses larger bodies first).
if (!process.env.BODY_SIZE_LIMIT) {
	const mo = Number(process.env.FICHIERS_TAILLE_MAX_MO ?? 20);
	process.env.BODY_SIZE_LIMIT = String(Math.ceil((Number.isFinite(mo) && mo > 0 ? mo : 20) * 1024 * 1024) + 1024 * 1024);
}

const { handler } = await import(pathToFileURL(path.join(root, 'build/handler.js')).href);

// Pages are compressed on the fly (static assets are served precompressed by the handler).
const compress = compression({ brotli: true, level: 6 });

const server = http.createServer((req, res) => {
	if (direct) req.headers['x-terrinclus-protocol'] = 'encrypted' in req.socket ? 'https' : 'http';
	// Every response, static files included; pages may set their own on top (hooks.server.ts).
	for (const [name, value] of Object.entries(EN_TETES_SECURITE)) res.setHeader(name, value);
	if (req.headers[protocolHeader] === 'https') res.setHeader('strict-transport-security', HSTS);
	compress(req, res, () =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		})
	);
});

// Idle connections are kept longer than clients and load balancers keep theirs (Node's 5 s
// would close them while a client reuses one: a reset under load).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen({ host, port }, () => {
	const address = server.address();
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const actualPort = typeof address === 'object' && address ? address.port : port;
	console.log(`Terrinclus est prêt : http://${shown}:${actualPort}`);
});
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
	console.error(
		error.code === 'EADDRINUSE'
			? `Le port ${port} est déjà utilisé : arrêtez l'autre service ou choisissez un autre port (PORT=3001 npm start).`
			: `Impossible de démarrer le serveur : ${error.message}`
	);
	process.exit(1);
});

let stopping = false;
/** @param {'SIGTERM' | 'SIGINT'} reason */
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	// @ts-expect-error custom event, as adapter-node's own server emits it
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000).unref();
	setTimeout(() => process.exit(0), 60_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
