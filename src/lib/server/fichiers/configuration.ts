// How files are kept and checked, read from the environment once per use: the size limit,
// the storage backend (the filesystem, or an S3-compatible store when S3_BUCKET is set) and
// the virus scanner (clamd, when CLAMD_SOCKET or CLAMD_HOST is set).
import path from 'node:path';
import { projectRoot } from '../db/index.ts';

const MO = 1024 * 1024;

/** The largest file accepted, in bytes: FICHIERS_TAILLE_MAX_MO megabytes, 20 by default. */
export function tailleMax(): number {
	const mo = Number(process.env.FICHIERS_TAILLE_MAX_MO ?? 20);
	return Number.isFinite(mo) && mo > 0 ? Math.floor(mo * MO) : 20 * MO;
}

/** Where the filesystem backend keeps files: $DATA_DIR/fichiers. */
export const dossierFichiers = () => path.resolve(projectRoot(), process.env.DATA_DIR ?? 'data', 'fichiers');

export type ConfigurationS3 = { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };

/** The S3-compatible store, when S3_BUCKET names one. */
export function configurationS3(env: NodeJS.ProcessEnv = process.env): ConfigurationS3 | null {
	const bucket = env.S3_BUCKET?.trim();
	if (!bucket) return null;
	return {
		bucket,
		endpoint: env.S3_ENDPOINT?.trim() || undefined,
		region: env.S3_REGION?.trim() || 'us-east-1',
		accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
		secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
		// Most self-hosted stores (MinIO, Garage, s3rver) address buckets by path.
		forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false'
	};
}

export type ConfigurationClamd = { socket: string } | { host: string; port: number };

/** The clamd daemon that scans files, when one is configured. */
export function configurationClamd(env: NodeJS.ProcessEnv = process.env): ConfigurationClamd | null {
	const socket = env.CLAMD_SOCKET?.trim();
	if (socket) return { socket };
	const host = env.CLAMD_HOST?.trim();
	if (host) return { host, port: Number(env.CLAMD_PORT ?? 3310) || 3310 };
	return null;
}
