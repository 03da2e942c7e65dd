// A small preview of an image, for the lists of evidence: re-encoded by sharp, so that what a
// page shows inline is never the uploaded bytes themselves.
import sharp from 'sharp';

/** A WebP at most 320 px wide, rotated as the camera said; null when the image cannot be read. */
export async function apercuDe(chemin: string): Promise<Buffer | null> {
	try {
		return await sharp(chemin, { limitInputPixels: 50_000_000, animated: false }).rotate().resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
	} catch {
		return null;
	}
}
