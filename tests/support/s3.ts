// A real S3-compatible server on loopback for tests (s3rver, objects kept in a temporary directory).
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export type ServeurS3 = { endpoint: string; bucket: string; env: Record<string, string>; arreter(): Promise<void> };

export async function demarrerS3(bucket = 'preuves'): Promise<ServeurS3> {
	const directory = await mkdtemp(path.join(tmpdir(), 'terrinclus-s3-'));
	const serveur = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
	const adresse = (await serveur.run()) as AddressInfo;
	const endpoint = `http://127.0.0.1:${adresse.port}`;
	return {
		endpoint,
		bucket,
		// s3rver accepts its default key pair.
		env: { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' },
		async arreter() {
			await serveur.close();
			await rm(directory, { recursive: true, force: true });
		}
	};
}
