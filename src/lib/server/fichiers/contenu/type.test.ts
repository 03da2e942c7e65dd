// What a file is, from its bytes: real files built here (sharp images, a Word document from
// docx, a PDF from pdfkit), and the refusals: a name that lies, unknown content, a zip bomb.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natureDuFichier, zipRaisonnable } from './type.ts';

let dossier: string;
const fichier = async (nom: string, octets: Buffer | string) => {
	const chemin = path.join(dossier, nom);
	await writeFile(chemin, octets);
	return { chemin, poids: Buffer.byteLength(octets) };
};
const nature = async (nom: string, octets: Buffer | string, envoyeSous = nom) => {
	const f = await fichier(nom, octets);
	return natureDuFichier(f.chemin, envoyeSous, f.poids);
};

const image = (format: 'png' | 'jpeg' | 'webp') => sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } })[format]().toBuffer();
const pdf = () =>
	new Promise<Buffer>((resolve) => {
		const doc = new PDFDocument();
		const morceaux: Buffer[] = [];
		doc.on('data', (m: Buffer) => morceaux.push(m));
		doc.on('end', () => resolve(Buffer.concat(morceaux)));
		doc.text('Liste de présence, atelier du 12 mars');
		doc.end();
	});
const word = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Compte rendu du comité de pilotage')] }] }));

beforeAll(async () => {
	dossier = await mkdtemp(path.join(tmpdir(), 'terrinclus-type-'));
});
afterAll(() => rm(dossier, { recursive: true, force: true }));

describe('the kind of a file', () => {
	it('is read from the bytes of images, PDFs, Word documents and texts', async () => {
		expect(await nature('photo.png', await image('png'))).toEqual({ ok: true, nature: { type: 'image/png', extension: 'png', image: true } });
		expect(await nature('photo.JPG', await image('jpeg'))).toEqual({ ok: true, nature: { type: 'image/jpeg', extension: 'jpg', image: true } });
		expect(await nature('photo.jpeg', await image('jpeg'))).toMatchObject({ ok: true, nature: { extension: 'jpeg' } });
		expect(await nature('presence.pdf', await pdf())).toEqual({ ok: true, nature: { type: 'application/pdf', extension: 'pdf', image: false } });
		expect(await nature('cr.docx', await word())).toEqual({ ok: true, nature: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', image: false } });
		expect(await nature('notes.txt', 'Réunion à Thiès, 14 participantes.\n')).toEqual({ ok: true, nature: { type: 'text/plain; charset=utf-8', extension: 'txt', image: false } });
		expect(await nature('liste.csv', 'nom;présence\nAwa;oui\n')).toMatchObject({ ok: true, nature: { type: 'text/csv; charset=utf-8' } });
		// An SVG is recognised as such (and is never shown inline: see the download route).
		expect(await nature('carte.svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).toMatchObject({ ok: true, nature: { type: 'image/svg+xml', image: false } });
	});

	it('refuses a name whose extension lies about the content, and says what the content is', async () => {
		expect(await nature('rapport.pdf', await image('png'))).toEqual({ ok: false, raison: 'discordant', extension: 'pdf', genre: 'png' });
		expect(await nature('photo.jpg', await pdf())).toEqual({ ok: false, raison: 'discordant', extension: 'jpg', genre: 'pdf' });
		expect(await nature('script.pdf', '#!/bin/sh\nrm -rf /\n')).toEqual({ ok: false, raison: 'discordant', extension: 'pdf', genre: 'txt' });
		expect(await nature('sans-extension', await pdf())).toMatchObject({ ok: false, raison: 'discordant', extension: '' });
	});

	it('reads an SVG after its comments, quickly whatever the comments (no backtracking)', async () => {
		expect(await nature('plan.svg', '<!-- plan du quartier -->\n<!-- v2 --><svg viewBox="0 0 1 1"/>')).toMatchObject({ ok: true, nature: { type: 'image/svg+xml' } });
		// « <!----> » 40 times made the former regular expression backtrack for hours.
		expect(await nature('piege.svg', `${'<!---->'.repeat(40)}x`)).toEqual({ ok: false, raison: 'discordant', extension: 'svg', genre: 'txt' });
	});

	it('refuses content it does not accept: executables, archives, binary noise', async () => {
		const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
		expect(await nature('outil.pdf', elf)).toMatchObject({ ok: false, raison: 'inconnu' });
		const zip = await new JSZip().file('a.txt', 'bonjour').generateAsync({ type: 'nodebuffer' });
		expect(await nature('archive.zip', zip)).toMatchObject({ ok: false, raison: 'inconnu' });
		expect(await nature('bruit.bin', Buffer.from([0, 1, 2, 3, 250, 251, 0, 7]))).toMatchObject({ ok: false, raison: 'inconnu' });
	});

	it('refuses an office document that would decompress into far more than it weighs', async () => {
		// A real Word document with one more part: 30 MB of zeros, a few tens of KB compressed.
		const zip = await JSZip.loadAsync(await word());
		zip.file('word/media/vide.bin', Buffer.alloc(30 * 1024 * 1024), { compression: 'DEFLATE' });
		const bombe = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		expect(bombe.length).toBeLessThan(1024 * 1024);
		expect(await nature('bombe.docx', bombe)).toEqual({ ok: false, raison: 'archive' });
	});

	it('reads every part of a zip, so that sizes declared smaller than the truth do not pass', async () => {
		const zip = new JSZip();
		zip.file('[Content_Types].xml', '<Types/>');
		// Under 1 MB: the ratio rule does not apply, only the real size read does.
		zip.file('grand.xml', 'x'.repeat(900 * 1024), { compression: 'DEFLATE' });
		const octets = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
		const honnete = await fichier('honnete.docx', octets);
		expect(await zipRaisonnable(honnete.chemin, honnete.poids)).toBe(true);
		// The central directory entry of « grand.xml » now declares 10 bytes uncompressed.
		const central = octets.lastIndexOf(Buffer.from('grand.xml')) - 46;
		expect(octets.readUInt32LE(central)).toBe(0x02014b50);
		octets.writeUInt32LE(10, central + 24);
		const menteur = await fichier('menteur.docx', octets);
		expect(await zipRaisonnable(menteur.chemin, menteur.poids)).toBe(false);
	});
});
