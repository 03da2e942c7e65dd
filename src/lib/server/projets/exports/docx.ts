// The dossier in Word (.docx): a title page, a real table of contents (a TOC field over the
// heading styles, filled with the headings so that it is not empty before Word updates it, and
// marked to update when the document opens), then each part.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Alignement, Bloc, Dossier } from './dossier.ts';

const NIVEAUX = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ALIGNEMENTS = { gauche: AlignmentType.LEFT, droite: AlignmentType.RIGHT, centre: AlignmentType.CENTER } as const;
const bordure = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };
const bordures = { top: bordure, bottom: bordure, left: bordure, right: bordure };
/** A4 less 2.5 cm margins, in twentieths of a point. */
const LARGEUR_UTILE = 11906 - 2 * 1418;

/** A text's lines as runs separated by real line breaks (never a raw carriage return). */
const lignes = (texte: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
	texte.split('\n').map((ligne, i) => new TextRun({ ...options, text: ligne, break: i > 0 ? 1 : undefined }));

/** Blank lines separate paragraphs; a single line break stays a break inside one. */
const paragraphes = (texte: string) => texte.split(/\n{2,}/);

const cellule = (texte: string, o: { entete?: boolean; alignement?: Alignement; largeur?: number }) =>
	new TableCell({
		borders: bordures,
		width: o.largeur ? { size: o.largeur, type: WidthType.DXA } : undefined,
		shading: o.entete ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E3EEEC' } : undefined,
		children: paragraphes(texte).map((p) => new Paragraph({ alignment: ALIGNEMENTS[o.alignement ?? 'gauche'], children: lignes(p, { bold: o.entete, size: 18 }) }))
	});

function tableau(b: Extract<Bloc, { type: 'tableau' }>) {
	const somme = b.largeurs?.reduce((t, p) => t + p, 0);
	const largeurs = b.largeurs && somme ? b.largeurs.map((p) => Math.round((LARGEUR_UTILE * p) / somme)) : undefined;
	const rang = (l: string[], entete = false) => l.map((c, i) => cellule(c, { entete, alignement: b.alignements?.[i], largeur: largeurs?.[i] }));
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		columnWidths: largeurs,
		rows: [
			new TableRow({ tableHeader: true, cantSplit: true, children: rang(b.colonnes, true) }),
			...b.lignes.map((l) => new TableRow({ cantSplit: true, children: rang(l) })),
			...(b.total ? [new TableRow({ cantSplit: true, children: rang(b.total, true) })] : [])
		]
	});
}

function rendre(b: Bloc): (Paragraph | Table)[] {
	switch (b.type) {
		case 'titre':
			return [new Paragraph({ heading: NIVEAUX[b.niveau], pageBreakBefore: b.niveau === 1, children: lignes(b.texte) })];
		case 'paragraphe':
			return paragraphes(b.texte).map((p) => new Paragraph({ children: lignes(p, { bold: b.gras, italics: b.note, color: b.note ? '4A5058' : undefined }) }));
		case 'liste':
			return b.elements.map((e) => new Paragraph({ bullet: { level: 0 }, children: lignes(e) }));
		case 'tableau':
			return [tableau(b), new Paragraph('')];
		case 'image': {
			// 6 inches wide at most: the text's width on an A4 page with the default margins.
			const l = Math.min(b.largeur, 576);
			return [new Paragraph({ keepNext: true, children: [new ImageRun({ type: 'png', data: b.png, transformation: { width: l, height: Math.round((l * b.hauteur) / b.largeur) }, altText: { name: b.titre, title: b.titre, description: b.alternative } })] })];
		}
	}
}

export async function dossierDocx(d: Dossier): Promise<Buffer> {
	const doc = new Document({
		creator: d.auteur,
		lastModifiedBy: d.auteur,
		title: d.titre,
		subject: `${d.genre ?? 'Dossier projet'} — ${d.porteur}`,
		description: `${d.genre ?? 'Dossier projet'} — ${d.porteur}`,
		// Word updates the table of contents (its page numbers) when it opens the file.
		features: { updateFields: true },
		styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'fr-FR' } } } } },
		sections: [
			{
				properties: { page: { size: { width: 11906, height: 16838 }, margin: { left: 1418, right: 1418, top: 1418, bottom: 1418 } } }, // A4
				footers: {
					default: new Footer({
						children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${d.titre} — page `, PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], size: 16 })] })]
					})
				},
				children: [
					new Paragraph({ text: d.genre ?? 'Dossier projet', alignment: AlignmentType.CENTER, spacing: { before: 2400 } }),
					new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: lignes(d.titre) }),
					...d.presentation.map((p) => new Paragraph({ alignment: AlignmentType.CENTER, children: lignes(p) })),
					new Paragraph({ children: [new PageBreak()] }),
					// Not a heading: the contents do not list themselves.
					new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: 'Sommaire', bold: true, size: 32, color: '06403B' })] }),
					new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-1' }),
					...d.blocs.flatMap(rendre)
				]
			}
		]
	});
	return Packer.toBuffer(doc);
}
