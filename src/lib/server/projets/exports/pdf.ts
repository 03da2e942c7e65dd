// The dossier in PDF (A4), with DejaVu Sans embedded so that every language of the partners
// prints, and the same blocks as the Word file.
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Bloc, Dossier } from './dossier.ts';

const require = createRequire(import.meta.url);
const polices = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const TAILLES = { 1: 18, 2: 13, 3: 11.5 } as const;

export function dossierPdf(d: Dossier): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: d.titre, Author: d.porteur, Creator: 'Terrinclus' }, lang: 'fr-FR', displayTitle: true });
	doc.registerFont('texte', path.join(polices, 'DejaVuSans.ttf'));
	doc.registerFont('gras', path.join(polices, 'DejaVuSans-Bold.ttf'));
	doc.registerFont('italique', path.join(polices, 'DejaVuSans-Oblique.ttf'));
	const morceaux: Buffer[] = [];
	doc.on('data', (m: Buffer) => morceaux.push(m));
	const fini = new Promise<Buffer>((ok) => doc.on('end', () => ok(Buffer.concat(morceaux))));
	const largeur = doc.page.width - 112;

	// Title page.
	doc.moveDown(8).font('texte').fontSize(12).fillColor('#4a5058').text('Dossier projet', { align: 'center' });
	doc.moveDown(0.5).font('gras').fontSize(24).fillColor('#06403b').text(d.titre, { align: 'center' });
	doc.moveDown(1).font('texte').fontSize(11).fillColor('#1c1f23');
	for (const p of d.presentation) doc.text(p, { align: 'center' }).moveDown(0.3);

	// Contents, with links to each section.
	doc.addPage().font('gras').fontSize(TAILLES[1]).fillColor('#06403b').text('Sommaire').moveDown(0.5);
	doc.font('texte').fontSize(11).fillColor('#1c1f23');
	d.sommaire.forEach((s, i) => doc.text(`${i + 1}. ${s.titre}`, { goTo: s.ancre, underline: false }).moveDown(0.2));

	const rendre = (b: Bloc) => {
		switch (b.type) {
			case 'titre':
				if (b.niveau === 1) doc.addPage();
				else if (doc.y > doc.page.height - 140) doc.addPage();
				doc.font('gras').fontSize(TAILLES[b.niveau]).fillColor('#06403b').text(b.texte, { destination: b.ancre, width: largeur }).moveDown(0.3);
				break;
			case 'paragraphe':
				doc.font(b.gras ? 'gras' : b.note ? 'italique' : 'texte').fontSize(10.5).fillColor(b.note ? '#4a5058' : '#1c1f23').text(b.texte, { width: largeur }).moveDown(0.5);
				break;
			case 'liste':
				doc.font('texte').fontSize(10.5).fillColor('#1c1f23');
				for (const e of b.elements) doc.text(`•  ${e}`, { width: largeur, indent: 0 });
				doc.moveDown(0.5);
				break;
			case 'tableau': {
				doc.font('texte').fontSize(8.5).fillColor('#1c1f23');
				const entete = b.colonnes.map((c) => ({ text: c, type: 'TH' as const, font: { src: path.join(polices, 'DejaVuSans-Bold.ttf') }, backgroundColor: '#e3eeec' }));
				const total = b.total ? [b.total.map((c) => ({ text: c, font: { src: path.join(polices, 'DejaVuSans-Bold.ttf') } }))] : [];
				doc.table({ maxWidth: largeur, columnStyles: (i: number) => (i === 0 && b.colonnes.length > 6 ? { width: 120 } : undefined), defaultStyle: { border: 0.5, borderColor: '#8a8a8a', padding: 3 }, data: [entete, ...b.lignes.map((l) => l.map((c) => c || ' ')), ...total] });
				doc.moveDown(0.8);
				doc.x = 56;
				break;
			}
		}
	};
	for (const b of d.blocs) rendre(b);

	// Page numbers, once every page exists.
	const pages = doc.bufferedPageRange();
	for (let i = 1; i < pages.count; i++) {
		doc.switchToPage(i);
		// Writing inside the bottom margin would otherwise open a new page.
		doc.page.margins.bottom = 0;
		doc.font('texte').fontSize(8).fillColor('#4a5058').text(`${d.titre} — page ${i + 1} sur ${pages.count}`, 56, doc.page.height - 40, { width: largeur, align: 'center', lineBreak: false });
	}
	doc.end();
	return fini;
}
