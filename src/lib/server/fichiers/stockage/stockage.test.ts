// Both backends through the same interface: the filesystem, and a real S3-compatible server
// (s3rver) on loopback reached with the AWS SDK.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerS3, type ServeurS3 } from '../../../../../tests/support/s3.ts';
import { configurationS3 } from '../configuration.ts';
import { stockageDisque } from './disque.ts';
import type { Stockage } from './index.ts';
import { stockageS3 } from './s3.ts';

let dossier: string;
let s3: ServeurS3;
let source: string;

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-stockage-'));
	source = path.join(dossier, 'source.txt');
	await writeFile(source, 'Liste de présence — atelier du 12 mars\n'.repeat(5000));
	s3 = await demarrerS3();
});
afterAll(async () => {
	await s3?.arreter();
	await rm(dossier, { recursive: true, force: true });
});

async function allerRetour(s: Stockage) {
	await s.deposer('12/ab/abcdef', source, 'text/plain; charset=utf-8');
	expect(await text(await s.lire('12/ab/abcdef'))).toBe('Liste de présence — atelier du 12 mars\n'.repeat(5000));
	await s.supprimer('12/ab/abcdef');
	await expect(s.lire('12/ab/abcdef')).rejects.toThrow();
	// Removing what is not there is not an error.
	await s.supprimer('12/ab/abcdef');
}

describe('file storage', () => {
	it('keeps, reads and removes bytes on the filesystem, never outside its directory', async () => {
		const racine = path.join(dossier, 'fichiers');
		const s = stockageDisque(racine);
		await allerRetour(s);
		await expect(s.deposer('../evasion', source, 'text/plain')).rejects.toThrow(/invalide/);
		await s.deposer('1/x', source, 'text/plain');
		// Written aside then renamed: no partial file left behind.
		expect(await readdir(path.join(racine, '1'))).toEqual(['x']);
	});

	it('keeps, reads and removes bytes in an S3-compatible bucket', async () => {
		const config = configurationS3(s3.env);
		expect(config).toMatchObject({ bucket: 'preuves', forcePathStyle: true, endpoint: s3.endpoint });
		await allerRetour(stockageS3(config!));
	});

	it('is configured for S3 only when S3_BUCKET names a bucket', () => {
		expect(configurationS3({})).toBeNull();
		expect(configurationS3({ S3_BUCKET: '  ' })).toBeNull();
		expect(configurationS3({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({ region: 'us-east-1', forcePathStyle: false });
	});
});
