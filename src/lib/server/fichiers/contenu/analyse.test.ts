// Scanning through a real clamd (started with the EICAR test signature only).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerClamd, EICAR, type Clamd } from '../../../../../tests/support/clamd.ts';
import { analyser } from './analyse.ts';

let clamd: Clamd;
let dossier: string;

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-analyse-'));
	clamd = await demarrerClamd();
});
afterAll(async () => {
	await clamd?.arreter();
	await rm(dossier, { recursive: true, force: true });
});

describe('virus scanning', () => {
	it('finds the test signature, passes a clean file, including one larger than a chunk', async () => {
		await writeFile(path.join(dossier, 'eicar.txt'), EICAR);
		await writeFile(path.join(dossier, 'sain.txt'), 'Compte rendu de la visite à Thiès.\n'.repeat(20_000));
		expect(await analyser({ socket: clamd.socket }, path.join(dossier, 'eicar.txt'))).toEqual({ etat: 'quarantaine', signature: 'Terrinclus-Test-EICAR.UNOFFICIAL' });
		expect(await analyser({ socket: clamd.socket }, path.join(dossier, 'sain.txt'))).toEqual({ etat: 'sain' });
	});

	it('leaves a file « à analyser » when the scanner cannot be reached', async () => {
		const v = await analyser({ socket: path.join(dossier, 'absent.sock') }, path.join(dossier, 'sain.txt'));
		expect(v.etat).toBe('a-analyser');
		const tcp = await analyser({ host: '127.0.0.1', port: 1 }, path.join(dossier, 'sain.txt'));
		expect(tcp.etat).toBe('a-analyser');
	});
});
