// The dossier in Word (.docx): a title page, a table of contents made of links (no field to
// update, so Word and LibreOffice open it without a prompt), then each section.
import {
	AlignmentType,
	Bookmark,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	InternalHyperlink,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Bloc, Dossier } from './dossier.ts';

const NIVEAUX = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const bordure = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };
const bordures = { top: bordure, bottom: bordure, left: bordure, right: bordure };

const cellule = (texte: string, entete = false) =>
	new TableCell({
		borders: bordures,
		shading: entete ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E3EEEC' } : undefined,
		children: texte.split('\n').map((ligne) => new Paragraph({ children: [new TextRun({ text: ligne, bold: entete, size: 18 })] }))
	});

function tableau(b: Extract<Bloc, { type: 'tableau' }>) {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: b.colonnes.map((c) => cellule(c, true)) }),
			...b.lignes.map((l) => new TableRow({ children: l.map((c) => cellule(c)) })),
			...(b.total ? [new TableRow({ children: b.total.map((c) => cellule(c, true)) })] : [])
		]
	});
}

function rendre(b: Bloc): (Paragraph | Table)[] {
	switch (b.type) {
		case 'titre':
			return [
				new Paragraph({
					heading: NIVEAUX[b.niveau],
					pageBreakBefore: b.niveau === 1,
					children: [b.ancre ? new Bookmark({ id: b.ancre.replace(/-/g, '_'), children: [new TextRun(b.texte)] }) : new TextRun(b.texte)]
				})
			];
		case 'paragraphe':
			return b.texte.split('\n').map((ligne) => new Paragraph({ children: [new TextRun({ text: ligne, bold: b.gras, italics: b.note, color: b.note ? '4A5058' : undefined })] }));
		case 'liste':
			return b.elements.map((e) => new Paragraph({ text: e, bullet: { level: 0 } }));
		case 'tableau':
			return [tableau(b), new Paragraph('')];
	}
}

export async function dossierDocx(d: Dossier): Promise<Buffer> {
	const doc = new Document({
		creator: 'Terrinclus',
		title: d.titre,
		description: `Dossier projet — ${d.porteur}`,
		styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
		sections: [
			{
				properties: { page: { size: { width: 11906, height: 16838 } } }, // A4
				footers: {
					default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${d.titre} — page `, PageNumber.CURRENT] , size: 16 })] })] })
				},
				children: [
					new Paragraph({ text: 'Dossier projet', alignment: AlignmentType.CENTER, spacing: { before: 2400 } }),
					new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(d.titre)] }),
					...d.presentation.map((p) => new Paragraph({ text: p, alignment: AlignmentType.CENTER })),
					new Paragraph({ children: [new PageBreak()] }),
					new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sommaire')] }),
					...d.sommaire.map(
						(s, i) => new Paragraph({ children: [new InternalHyperlink({ anchor: s.ancre.replace(/-/g, '_'), children: [new TextRun({ text: `${i + 1}. ${s.titre}`, style: 'Hyperlink' })] })] })
					),
					...d.blocs.flatMap(rendre)
				]
			}
		]
	});
	return Packer.toBuffer(doc);
}
