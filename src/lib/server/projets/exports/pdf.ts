// The dossier in PDF (A4), with DejaVu Sans embedded (the partners' Latin, Greek and Cyrillic
// letters), Noto Emoji for emoji, and the same blocks as the Word file. Text and tables are laid
// out here (pdf-texte.ts): pdfkit's own table reopened the font file for every styled cell.
import PDFDocument from 'pdfkit';
import type { Bloc, Dossier } from './dossier.ts';
import { MiseEnPage, police, type LigneTexte, type Police, type PoliceTexte } from './pdf-texte.ts';

const MARGE = 56;
const TAILLES = { 1: 18, 2: 13, 3: 11.5 } as const;
const COULEURS = { titre: '#06403b', texte: '#1c1f23', note: '#4a5058', entete: '#e3eeec', bordure: '#8a8a8a' };
/** Line height as a share of the font size. */
const INTERLIGNE = 1.32;

type Tableau = Extract<Bloc, { type: 'tableau' }>;

export function dossierPdf(d: Dossier): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGE,
		// No default Helvetica: every text sets its font (and parsing its metrics costs).
		font: '',
		bufferPages: true,
		lang: 'fr-FR',
		displayTitle: true,
		info: { Title: d.titre, Author: d.auteur, Subject: `${d.genre ?? 'Dossier projet'} — ${d.porteur}`, Creator: 'Terrinclus' }
	});
	const morceaux: Buffer[] = [];
	doc.on('data', (m: Buffer) => morceaux.push(m));
	const fini = new Promise<Buffer>((ok, ko) => {
		doc.on('end', () => ok(Buffer.concat(morceaux)));
		doc.on('error', ko);
	});

	// Fonts are registered as the layout first uses them: an unused one is not even parsed.
	const enregistrees = new Set<Police>();
	const enregistrer = (nom: Police) => {
		if (enregistrees.has(nom)) return;
		// pdfkit takes a parsed fontkit font as well as a path (it checks for `layout`).
		doc.registerFont(nom, police(nom) as unknown as string);
		enregistrees.add(nom);
	};
	const mise = new MiseEnPage(enregistrer);
	const largeur = doc.page.width - 2 * MARGE;
	const bas = () => doc.page.height - MARGE;
	let y = MARGE;
	const nouvellePage = () => {
		doc.addPage();
		y = MARGE;
	};

	/** Draws laid-out lines from `y`, moving to a new page when a line would not fit. */
	const dessiner = (
		lignes: LigneTexte[],
		o: { x?: number; taille: number; couleur: string; alignement?: 'gauche' | 'centre' | 'droite'; largeur?: number; destination?: string; goTo?: string; sansSaut?: boolean }
	) => {
		const x0 = o.x ?? MARGE;
		const boite = o.largeur ?? largeur;
		const pas = o.taille * INTERLIGNE;
		lignes.forEach((ligne, i) => {
			if (!o.sansSaut && y + pas > bas()) nouvellePage();
			let x = x0 + (o.alignement === 'centre' ? (boite - ligne.largeur) / 2 : o.alignement === 'droite' ? boite - ligne.largeur : 0);
			const base = y + o.taille * 0.95;
			ligne.morceaux.forEach((m, j) => {
				const lien = j === 0 && i === 0 ? { destination: o.destination } : {};
				enregistrer(m.police);
				doc.font(m.police).fontSize(o.taille).fillColor(o.couleur).text(m.texte, x, base, { lineBreak: false, baseline: 'alphabetic', goTo: o.goTo, ...lien });
				x += m.largeur;
			});
			y += pas;
		});
	};
	const texte = (
		s: string,
		o: { police?: PoliceTexte; taille: number; couleur?: string; x?: number; largeur?: number; alignement?: 'gauche' | 'centre' | 'droite'; destination?: string; goTo?: string; sansSaut?: boolean; cesure?: boolean }
	) => dessiner(mise.couper(s, { police: o.police ?? 'texte', taille: o.taille, largeur: o.largeur ?? largeur, cesure: o.cesure ?? o.alignement !== 'centre' }), { ...o, couleur: o.couleur ?? COULEURS.texte });

	// Title page.
	y = MARGE + 150;
	texte(d.genre ?? 'Dossier projet', { taille: 12, couleur: COULEURS.note, alignement: 'centre' });
	y += 8;
	texte(d.titre, { police: 'gras', taille: 24, couleur: COULEURS.titre, alignement: 'centre' });
	y += 16;
	for (const p of d.presentation) {
		texte(p, { taille: 11, alignement: 'centre' });
		y += 4;
	}

	// Contents, with links to each part.
	nouvellePage();
	texte('Sommaire', { police: 'gras', taille: TAILLES[1], couleur: COULEURS.titre, cesure: false });
	y += 8;
	d.sommaire.forEach((s, i) => {
		texte(`${i + 1}. ${s.titre}`, { taille: 11, goTo: s.ancre });
		y += 3;
	});

	for (const b of d.blocs) {
		switch (b.type) {
			case 'titre': {
				const taille = TAILLES[b.niveau];
				const lignes = mise.couper(b.texte, { police: 'gras', taille, largeur, cesure: false });
				if (b.niveau === 1) nouvellePage();
				else {
					y += b.niveau === 2 ? 8 : 4;
					// A heading stays with the start of what follows it.
					if (y + lignes.length * taille * INTERLIGNE + 48 > bas()) nouvellePage();
				}
				dessiner(lignes, { taille, couleur: COULEURS.titre, destination: b.ancre });
				y += 4;
				break;
			}
			case 'paragraphe':
				texte(b.texte, { police: b.gras ? 'gras' : b.note ? 'italique' : 'texte', taille: 10.5, couleur: b.note ? COULEURS.note : COULEURS.texte });
				y += 6;
				break;
			case 'liste':
				for (const e of b.elements) {
					const lignes = mise.couper(e, { police: 'texte', taille: 10.5, largeur: largeur - 14 });
					if (y + 10.5 * INTERLIGNE > bas()) nouvellePage();
					dessiner([{ morceaux: [{ texte: '•', police: 'texte', largeur: 0 }], largeur: 0 }], { taille: 10.5, couleur: COULEURS.texte, sansSaut: true });
					y -= 10.5 * INTERLIGNE;
					dessiner(lignes, { x: MARGE + 14, largeur: largeur - 14, taille: 10.5, couleur: COULEURS.texte });
				}
				y += 6;
				break;
			case 'tableau':
				tableau(b);
				y += 10;
				break;
			case 'image': {
				// The text's width, at most the picture's own size at 96 dpi (no blurry enlargement).
				const l = Math.min(largeur, (b.largeur * 72) / 96);
				const h = (l * b.hauteur) / b.largeur;
				if (y + h > bas()) nouvellePage();
				doc.image(b.png, MARGE, y, { width: l, height: h });
				y += h + 8;
				break;
			}
		}
	}

	function tableau(b: Tableau) {
		const n = b.colonnes.length;
		const taille = n > 8 ? 7.5 : 8.5;
		const marge = n > 8 ? 2.5 : 3;
		const pas = taille * INTERLIGNE;
		const largeurs = colonnes(b, taille, marge);
		const couper = (s: string, police: PoliceTexte, i: number) => (s ? mise.couper(s, { police, taille, largeur: largeurs[i]! - 2 * marge }) : []);
		const entete = b.colonnes.map((c, i) => couper(c, 'gras', i));
		const hauteur = (cellules: LigneTexte[][]) => Math.max(1, ...cellules.map((c) => c.length)) * pas + 2 * marge;

		/** One row, or the part of it that fits, from `y`. */
		const rangee = (cellules: LigneTexte[][], fond?: string) => {
			const h = hauteur(cellules);
			let x = MARGE;
			cellules.forEach((c, i) => {
				const w = largeurs[i]!;
				if (fond) doc.rect(x, y, w, h).fill(fond);
				doc.lineWidth(0.5).strokeColor(COULEURS.bordure).rect(x, y, w, h).stroke();
				const alignement = b.alignements?.[i] ?? 'gauche';
				const y0 = y;
				y += marge;
				dessiner(c, { x: x + marge, largeur: w - 2 * marge, taille, couleur: COULEURS.texte, alignement, sansSaut: true });
				y = y0;
				x += w;
			});
			y += h;
		};
		const enTete = () => rangee(entete, COULEURS.entete);
		const corps = [...b.lignes.map((l) => ({ cellules: l.map((c, i) => couper(c, 'texte', i)), fond: undefined })), ...(b.total ? [{ cellules: b.total.map((c, i) => couper(c, 'gras', i)), fond: COULEURS.entete }] : [])];

		if (y + hauteur(entete) + (corps[0] ? hauteur(corps[0].cellules) : 0) > bas()) nouvellePage();
		enTete();
		const pleinePage = bas() - MARGE - hauteur(entete);
		for (const r of corps) {
			let reste = r.cellules;
			// A row that fits on a page is never split; a longer one continues on the next.
			if (y + hauteur(reste) > bas() && hauteur(reste) <= pleinePage) {
				nouvellePage();
				enTete();
			}
			while (y + hauteur(reste) > bas()) {
				const k = Math.floor((bas() - y - 2 * marge) / pas);
				if (k >= 1) rangee(reste.map((c) => c.slice(0, k)), r.fond);
				reste = reste.map((c) => c.slice(Math.max(k, 0)));
				nouvellePage();
				enTete();
			}
			rangee(reste, r.fond);
		}
	}

	/**
	 * Column widths: the given proportions, or as a browser would — each column between its
	 * longest word (hyphenation helps past 90 pt) and its longest text, sharing the width.
	 */
	function colonnes(b: Tableau, taille: number, marge: number): number[] {
		const n = b.colonnes.length;
		if (b.largeurs?.length === n) {
			const somme = b.largeurs.reduce((t, p) => t + p, 0);
			return b.largeurs.map((p) => (largeur * p) / somme);
		}
		const min = new Array<number>(n).fill(0);
		const max = new Array<number>(n).fill(0);
		for (const [k, l] of [b.colonnes, ...b.lignes, ...(b.total ? [b.total] : [])].entries()) {
			l.forEach((c, i) => {
				const police = k === 0 ? 'gras' : 'texte';
				for (const ligne of c.split('\n')) {
					const runs = mise.morceaux(ligne, police);
					max[i] = Math.max(max[i]!, runs.reduce((t, r) => t + mise.largeur(r.police, taille, r.texte), 0) + 2 * marge);
					for (const mot of ligne.split(/ +/)) min[i] = Math.max(min[i]!, Math.min(90, mise.morceaux(mot, police).reduce((t, r) => t + mise.largeur(r.police, taille, r.texte), 0)) + 2 * marge);
				}
			});
		}
		const somme = (t: number[]) => t.reduce((a, v) => a + v, 0);
		if (somme(max) <= largeur) return max.map((m) => m + ((largeur - somme(max)) * m) / somme(max));
		if (somme(min) >= largeur) return min.map((m) => (largeur * m) / somme(min));
		const ecart = somme(max) - somme(min);
		return min.map((m, i) => m + ((largeur - somme(min)) * (max[i]! - m)) / ecart);
	}

	// Page numbers, once every page exists (not on the title page).
	const pages = doc.bufferedPageRange();
	const titreCourt = mise.couper(d.titre, { police: 'texte', taille: 8, largeur: largeur - 90 });
	const pied = titreCourt.length > 1 ? `${titreCourt[0]!.morceaux.map((m) => m.texte).join('')}…` : d.titre;
	for (let i = 1; i < pages.count; i++) {
		doc.switchToPage(i);
		y = doc.page.height - 40;
		texte(`${pied} — page ${i + 1} sur ${pages.count}`, { taille: 8, couleur: COULEURS.note, alignement: 'centre', sansSaut: true });
	}
	doc.end();
	return fini;
}
