// A real office suite for the tests: LibreOffice (Debian's libreoffice-writer-nogui and
// libreoffice-calc-nogui) converts a file to PDF headless, with a throwaway profile per run so
// that parallel runs do not share one; the text of the result is read back with unpdf.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';

function soffice(): string {
	for (const dossier of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/lib/libreoffice/program']) {
		const chemin = path.join(dossier, 'soffice');
		try {
			accessSync(chemin, constants.X_OK);
			return chemin;
		} catch {
			// not here
		}
	}
	throw new Error('LibreOffice est absent de cette machine : installez-le (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui) pour lancer ces tests.');
}

/** Converts a .docx or .xlsx to PDF with LibreOffice; answers the PDF and its text. */
export async function convertirAvecLibreOffice(contenu: Buffer, extension: 'docx' | 'xlsx'): Promise<{ pdf: Buffer; texte: string }> {
	const programme = soffice();
	const dossier = mkdtempSync(path.join(tmpdir(), 'terrinclus-libreoffice-'));
	try {
		const fichier = path.join(dossier, `dossier.${extension}`);
		writeFileSync(fichier, contenu);
		const sortie = await new Promise<string>((ok, ko) => {
			const p = spawn(programme, [`-env:UserInstallation=file://${path.join(dossier, 'profil')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dossier, fichier], { stdio: ['ignore', 'pipe', 'pipe'] });
			let journal = '';
			p.stdout.on('data', (d) => (journal += d));
			p.stderr.on('data', (d) => (journal += d));
			const delai = setTimeout(() => p.kill('SIGKILL'), 170_000);
			p.on('error', ko);
			p.on('exit', (code) => {
				clearTimeout(delai);
				if (code === 0) ok(journal);
				else ko(new Error(`LibreOffice a échoué (code ${code}) :\n${journal}`));
			});
		});
		const pdf = path.join(dossier, 'dossier.pdf');
		if (!existsSync(pdf)) throw new Error(`LibreOffice n'a pas produit de PDF :\n${sortie}`);
		const octets = readFileSync(pdf);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(octets)), { mergePages: true });
		return { pdf: octets, texte: text };
	} finally {
		rmSync(dossier, { recursive: true, force: true });
	}
}
