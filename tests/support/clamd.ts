// A real clamd on a Unix socket of a temporary directory, for tests: its only signature is
// the EICAR test file's, so that it starts in seconds. Debian's clamav-daemon provides clamd.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The EICAR anti-virus test file, built here so that no file of the repository holds it. */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');

export type Clamd = { socket: string; arreter(): Promise<void> };

const CLAMD = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((p) => existsSync(p));

function repond(socket: string): Promise<boolean> {
	return new Promise((resolve) => {
		const s = connect(socket);
		let r = '';
		s.on('error', () => resolve(false));
		s.on('data', (d) => (r += d.toString()));
		s.on('end', () => resolve(r.includes('PONG')));
		s.on('connect', () => s.write('zPING\0'));
	});
}

export async function demarrerClamd(): Promise<Clamd> {
	if (!CLAMD) throw new Error('clamd est introuvable : installez les paquets Debian clamav et clamav-daemon (voir le README).');
	const dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-clamd-'));
	await mkdir(path.join(dossier, 'db'));
	const md5 = createHash('md5').update(EICAR).digest('hex');
	await writeFile(path.join(dossier, 'db', 'test.hdb'), `${md5}:${EICAR.length}:Terrinclus-Test-EICAR\n`);
	const socket = path.join(dossier, 'clamd.sock');
	await writeFile(
		path.join(dossier, 'clamd.conf'),
		[`LocalSocket ${socket}`, `DatabaseDirectory ${path.join(dossier, 'db')}`, 'Foreground yes', `LogFile ${path.join(dossier, 'clamd.log')}`, `PidFile ${path.join(dossier, 'clamd.pid')}`, 'StreamMaxLength 100M', ''].join('\n')
	);
	const processus: ChildProcess = spawn(CLAMD, ['-c', path.join(dossier, 'clamd.conf')], { stdio: 'ignore' });
	let sorti = false;
	processus.on('exit', () => (sorti = true));
	// Loading the database takes a second or two; more on a loaded machine.
	const limite = Date.now() + 90_000;
	while (!(await repond(socket))) {
		if (sorti || Date.now() > limite) throw new Error(`clamd n’a pas démarré (voir ${path.join(dossier, 'clamd.log')})`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		socket,
		async arreter() {
			if (!sorti) {
				const fin = new Promise((r) => processus.once('exit', r));
				processus.kill('SIGTERM');
				await fin;
			}
			await rm(dossier, { recursive: true, force: true });
		}
	};
}
