// Virus scanning through clamd's INSTREAM command, when CLAMD_SOCKET or CLAMD_HOST is set: the
// protocol is four messages (a command, length-prefixed chunks, a zero chunk, one reply line),
// small enough to speak directly.
import { createReadStream } from 'node:fs';
import { connect } from 'node:net';
import type { ConfigurationClamd } from '../configuration.ts';

export type Verdict = { etat: 'sain' } | { etat: 'quarantaine'; signature: string } | { etat: 'a-analyser'; erreur: string };

/** Scans the file at `chemin`; a scanner that cannot be reached leaves it « à analyser ». */
export function analyser(config: ConfigurationClamd, chemin: string, delaiMs = 120_000): Promise<Verdict> {
	return new Promise((resolve) => {
		const socket = 'socket' in config ? connect(config.socket) : connect(config.port, config.host);
		let reponse = '';
		let fini = false;
		let fichier: ReturnType<typeof createReadStream> | null = null;
		const finir = (v: Verdict) => {
			if (fini) return;
			fini = true;
			socket.destroy();
			// A stream paused for a drain that never comes would keep the file open.
			fichier?.destroy();
			resolve(v);
		};
		socket.setTimeout(delaiMs, () => finir({ etat: 'a-analyser', erreur: 'délai dépassé' }));
		socket.on('error', (e) => finir({ etat: 'a-analyser', erreur: e.message }));
		socket.on('data', (d) => (reponse += d.toString('utf8')));
		socket.on('end', () => {
			const ligne = reponse.replace(/\0/g, '').trim();
			const trouve = /^stream: (.+) FOUND$/.exec(ligne);
			if (trouve) finir({ etat: 'quarantaine', signature: trouve[1]! });
			else if (ligne === 'stream: OK') finir({ etat: 'sain' });
			else finir({ etat: 'a-analyser', erreur: ligne || 'réponse vide' });
		});
		socket.once('connect', () => {
			socket.write('zINSTREAM\0');
			const flux = createReadStream(chemin, { highWaterMark: 64 * 1024 });
			fichier = flux;
			flux.on('error', (e) => finir({ etat: 'a-analyser', erreur: e.message }));
			flux.on('data', (morceau) => {
				const b = morceau as Buffer;
				const longueur = Buffer.alloc(4);
				longueur.writeUInt32BE(b.length);
				if (!socket.write(Buffer.concat([longueur, b]))) {
					flux.pause();
					socket.once('drain', () => flux.resume());
				}
			});
			flux.on('end', () => socket.write(Buffer.alloc(4)));
		});
	});
}
