import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ConfigurationS3 } from '../configuration.ts';
import type { Stockage } from './index.ts';

/** An S3-compatible bucket (AWS SDK v3; path-style addressing unless S3_FORCE_PATH_STYLE=false). */
export function stockageS3(config: ConfigurationS3): Stockage {
	const client = new S3Client({
		region: config.region,
		endpoint: config.endpoint,
		forcePathStyle: config.forcePathStyle,
		// Checksums only where S3 requires them: the default (aws-chunked bodies with trailing
		// checksums) is not understood by many S3-compatible stores, which would keep the framing.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
		credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined
	});
	const Bucket = config.bucket;
	return {
		nom: 's3',
		async deposer(Key, chemin, ContentType) {
			// Streamed from the temporary file: the body is never held in memory.
			const { size } = await stat(chemin);
			await client.send(new PutObjectCommand({ Bucket, Key, Body: createReadStream(chemin), ContentLength: size, ContentType }));
		},
		async lire(Key) {
			const reponse = await client.send(new GetObjectCommand({ Bucket, Key }));
			const corps = reponse.Body;
			if (corps instanceof Readable) return corps;
			if (corps && 'transformToWebStream' in corps) return Readable.fromWeb(corps.transformToWebStream() as import('node:stream/web').ReadableStream);
			throw new Error(`Objet S3 sans contenu : ${Key}`);
		},
		async supprimer(Key) {
			await client.send(new DeleteObjectCommand({ Bucket, Key }));
		}
	};
}
