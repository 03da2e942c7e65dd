// Receiving a multipart body as a stream: a whole one, one cut short (a phone losing its
// network), one that fails mid-file; none may stop the process or leave a temporary file.
import { readdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recevoir } from './reception.ts';

const FRONTIERE = 'frontiere-de-test';
const debut = (nom: string) => `--${FRONTIERE}\r\nContent-Disposition: form-data; name="titre"\r\n\r\nListe\r\n--${FRONTIERE}\r\nContent-Disposition: form-data; name="fichier"; filename="${nom}"\r\nContent-Type: text/plain\r\n\r\n`;
const fin = `\r\n--${FRONTIERE}--\r\n`;

/** A request whose body comes in pieces, and can fail after them. */
function requete(morceaux: string[], echec?: Error): Request {
	const corps = new ReadableStream<Uint8Array>({
		async pull(c) {
			const m = morceaux.shift();
			if (m !== undefined) return c.enqueue(new TextEncoder().encode(m));
			if (echec) c.error(echec);
			else c.close();
		}
	});
	return new Request('http://127.0.0.1/envoi', { method: 'POST', body: corps, headers: { 'content-type': `multipart/form-data; boundary=${FRONTIERE}` }, duplex: 'half' } as RequestInit);
}

describe('receiving an upload', () => {
	it('streams the file to a private temporary file with its size and SHA-256', async () => {
		const r = await recevoir(requete([debut('liste.txt'), 'Awa\n'.repeat(1000), fin]), 1024 * 1024);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.champs).toEqual({ titre: 'Liste' });
		expect(r.fichier).toMatchObject({ nom: 'liste.txt', taille: 4000, tropGros: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(await readFile(r.fichier!.chemin, 'utf8')).toBe('Awa\n'.repeat(1000));
		await r.jeter();
		expect(await readdir(path.dirname(r.fichier!.chemin))).not.toContain(path.basename(r.fichier!.chemin));
	});

	it('marks a file over the limit, and keeps only the limit and one byte', async () => {
		const r = await recevoir(requete([debut('gros.txt'), 'x'.repeat(5000), fin]), 1000);
		expect(r.ok && r.fichier).toMatchObject({ tropGros: true, taille: 1001 });
		if (r.ok) await r.jeter();
	});

	it('refuses a body cut short or failing mid-file, and leaves no temporary file', async () => {
		const avant = (await recevoir(requete([debut('a.txt'), 'a', fin]), 100)) as { ok: true; fichier: { chemin: string }; jeter: () => Promise<void> };
		const dossier = path.dirname(avant.fichier.chemin);
		await avant.jeter();
		const restants = async () => (await readdir(dossier)).length;
		expect(await recevoir(requete([debut('coupe.txt'), 'début du fichier'.repeat(100)]), 1024 * 1024)).toEqual({ ok: false, raison: 'illisible' });
		expect(await recevoir(requete([debut('coupe.txt'), 'début'.repeat(100)], new Error('aborted')), 1024 * 1024)).toEqual({ ok: false, raison: 'illisible' });
		expect(await restants()).toBe(0);
	});
});
