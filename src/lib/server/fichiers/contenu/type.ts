// What a file is, read from its bytes (magic numbers, and for office documents the parts of
// their zip), never from its name; then its name's extension must agree. Office documents are
// zips: one that would decompress into far more than it weighs (a « zip bomb ») is refused.
import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import yauzl from 'yauzl';

type Genre = { mime: string; extensions: readonly string[]; libelle: string; image?: boolean; zip?: boolean };

/** The kinds of evidence accepted, by the type file-type reads from the bytes. */
const GENRES: Record<string, Genre> = {
	pdf: { mime: 'application/pdf', extensions: ['pdf'], libelle: 'un PDF' },
	jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], libelle: 'une image JPEG', image: true },
	png: { mime: 'image/png', extensions: ['png'], libelle: 'une image PNG', image: true },
	webp: { mime: 'image/webp', extensions: ['webp'], libelle: 'une image WebP', image: true },
	gif: { mime: 'image/gif', extensions: ['gif'], libelle: 'une image GIF', image: true },
	heic: { mime: 'image/heic', extensions: ['heic', 'heif'], libelle: 'une photo HEIC' },
	docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], libelle: 'un document Word', zip: true },
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], libelle: 'un classeur Excel', zip: true },
	pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], libelle: 'une présentation PowerPoint', zip: true },
	odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], libelle: 'un texte OpenDocument', zip: true },
	ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], libelle: 'un classeur OpenDocument', zip: true },
	odp: { mime: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], libelle: 'une présentation OpenDocument', zip: true },
	// Word, Excel and PowerPoint before 2007 share one container format.
	cfb: { mime: 'application/x-cfb', extensions: ['doc', 'xls', 'ppt'], libelle: 'un document Office 97-2003' },
	svg: { mime: 'image/svg+xml', extensions: ['svg'], libelle: 'une image SVG' },
	txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt'], libelle: 'un texte' },
	csv: { mime: 'text/csv; charset=utf-8', extensions: ['csv'], libelle: 'un tableau CSV' }
};

const MIME_OFFICE_97: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };

/** An office document may decompress into this much at most (and 100 times its weight per part). */
export const DECOMPRESSE_MAX = 200 * 1024 * 1024;
const RAPPORT_MAX = 100;
const PARTIES_MAX = 5000;

export type Nature = { type: string; extension: string; image: boolean };
export type Refus = { raison: 'inconnu' } | { raison: 'discordant'; extension: string; genre: string } | { raison: 'archive' };

export const extensionDe = (nom: string) => (/\.([A-Za-z0-9]{1,8})$/.exec(nom)?.[1] ?? '').toLowerCase();

/**
 * Whether a text starts as an SVG: an XML declaration, comments and a doctype, then <svg.
 * Comments are skipped with indexOf, not a regular expression (« <!----> » repeated would
 * make one backtrack for hours).
 */
export function estSvg(texte: string): boolean {
	let reste = texte.trimStart().replace(/^<\?xml[^>]*>/i, '').trimStart();
	for (let i = 0; i < 1000 && reste.startsWith('<!--'); i++) {
		const fin = reste.indexOf('-->', 4);
		if (fin < 0) return false;
		reste = reste.slice(fin + 3).trimStart();
	}
	reste = reste.replace(/^<!DOCTYPE svg[^>]*>/i, '').trimStart();
	return /^<svg[\s>]/i.test(reste);
}

/** Text without magic numbers: UTF-8 that decodes, without NUL, in its first 64 KB. */
async function genreTexte(chemin: string): Promise<'svg' | 'texte' | null> {
	const f = await open(chemin);
	try {
		const tampon = Buffer.alloc(64 * 1024);
		const { bytesRead } = await f.read(tampon, 0, tampon.length, 0);
		const debut = tampon.subarray(0, bytesRead);
		if (debut.includes(0)) return null;
		let texte: string;
		try {
			// A multi-byte character cut at 64 KB is not an error.
			texte = new TextDecoder('utf-8', { fatal: true }).decode(bytesRead === tampon.length ? debut.subarray(0, bytesRead - 4) : debut);
		} catch {
			return null;
		}
		return estSvg(texte) ? 'svg' : 'texte';
	} finally {
		await f.close();
	}
}

/** Whether the zip at `chemin` decompresses into a reasonable size: every part is read, sizes checked as it goes. */
export function zipRaisonnable(chemin: string, poids: number): Promise<boolean> {
	return new Promise((resolve) => {
		yauzl.open(chemin, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
			if (err || !zip) return resolve(false);
			let total = 0;
			let parties = 0;
			const fin = (ok: boolean) => {
				zip.close();
				resolve(ok);
			};
			zip.on('error', () => fin(false));
			zip.on('end', () => fin(true));
			zip.on('entry', (entree: yauzl.Entry) => {
				parties += 1;
				total += entree.uncompressedSize;
				const rapport = entree.uncompressedSize / Math.max(entree.compressedSize, 1);
				if (parties > PARTIES_MAX || total > DECOMPRESSE_MAX || (rapport > RAPPORT_MAX && entree.uncompressedSize > 1024 * 1024) || total > poids * RAPPORT_MAX + 10 * 1024 * 1024) return fin(false);
				if (entree.fileName.endsWith('/')) return zip.readEntry();
				// Declared sizes can lie: the part is decompressed and yauzl checks the real size.
				zip.openReadStream(entree, (e, flux) => {
					if (e || !flux) return fin(false);
					flux.on('error', () => fin(false));
					flux.on('end', () => zip.readEntry());
					flux.resume();
				});
			});
			zip.readEntry();
		});
	});
}

/** What the file at `chemin` is, or why it is refused; `nom` is the name it was sent with. */
export async function natureDuFichier(chemin: string, nom: string, poids: number): Promise<{ ok: true; nature: Nature } | ({ ok: false } & Refus)> {
	const extension = extensionDe(nom);
	let detecte = (await fileTypeFromFile(chemin).catch(() => undefined))?.ext as string | undefined;
	// XML is only accepted as SVG (file-type names any XML declaration « xml »).
	if (!detecte || detecte === 'xml') {
		const texte = await genreTexte(chemin);
		detecte = texte === 'svg' ? 'svg' : texte === 'texte' && detecte !== 'xml' ? (extension === 'csv' ? 'csv' : 'txt') : undefined;
	}
	if (detecte === 'jpeg') detecte = 'jpg';
	const genre = detecte ? GENRES[detecte] : undefined;
	if (!genre) return { ok: false, raison: 'inconnu' };
	if (!genre.extensions.includes(extension)) return { ok: false, raison: 'discordant', extension, genre: detecte! };
	if (genre.zip && !(await zipRaisonnable(chemin, poids))) return { ok: false, raison: 'archive' };
	const type = detecte === 'cfb' ? MIME_OFFICE_97[extension]! : genre.mime;
	return { ok: true, nature: { type, extension, image: genre.image === true } };
}

/** « un PDF », « une image PNG »…: what a kind of file is called, for messages. */
export const libelleDuGenre = (genre: string) => GENRES[genre]?.libelle ?? '';

/** Types shown in the page (images, through their preview only); everything else is downloaded. */
export const estImage = (type: string) => ['image/jpeg', 'image/png', 'image/webp', 'image/gif'].includes(type);
