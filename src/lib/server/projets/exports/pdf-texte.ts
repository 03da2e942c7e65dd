// Text for the PDF: the fonts (parsed once per process), the emoji font for what DejaVu lacks,
// French hyphenation, and line breaking measured once and drawn exactly as measured.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);
// CommonJS only, without an ESM entry: loaded with require.
const { hyphenateSync } = require('hyphen/fr') as { hyphenateSync(texte: string, options?: { hyphenChar?: string; minWordLength?: number }): string };

const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FICHIERS = {
	texte: path.join(dejavu, 'DejaVuSans.ttf'),
	gras: path.join(dejavu, 'DejaVuSans-Bold.ttf'),
	italique: path.join(dejavu, 'DejaVuSans-Oblique.ttf'),
	// Noto Emoji (SIL Open Font License), monochrome outlines that a PDF can embed.
	emoji: require.resolve('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff')
} as const;
export type Police = keyof typeof FICHIERS;
export type PoliceTexte = Exclude<Police, 'emoji'>;

const chargees = new Map<Police, fontkit.Font>();
/**
 * A font, parsed on first use and kept for the process: reading and parsing DejaVu for each
 * document (pdfkit did it for every styled table cell) was most of the PDF's time.
 */
export function police(nom: Police): fontkit.Font {
	let f = chargees.get(nom);
	if (!f) {
		const octets = readFileSync(FICHIERS[nom]);
		f = fontkit.create(octets.readUInt32BE(0) === WOFF ? sfnt(octets) : octets) as fontkit.Font;
		chargees.set(nom, f);
	}
	return f;
}

const WOFF = 0x774f4646;
/**
 * A WOFF font as the plain TrueType font it wraps, its tables inflated once by zlib: fontkit
 * inflates WOFF tables in JavaScript each time a document embeds glyphs of it.
 */
function sfnt(woff: Buffer): Buffer {
	const n = woff.readUInt16BE(12);
	const tables = Array.from({ length: n }, (_, i) => {
		const e = 44 + 20 * i;
		const [tag, offset, compresse, longueur, somme] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(e + k)) as [number, number, number, number, number];
		const brut = woff.subarray(offset, offset + compresse);
		return { tag, somme, donnees: compresse < longueur ? inflateSync(brut) : brut };
	});
	const puissance = 2 ** Math.floor(Math.log2(n));
	const entete = Buffer.alloc(12 + 16 * n);
	entete.writeUInt32BE(woff.readUInt32BE(4), 0);
	entete.writeUInt16BE(n, 4);
	entete.writeUInt16BE(puissance * 16, 6);
	entete.writeUInt16BE(Math.log2(puissance), 8);
	entete.writeUInt16BE(n * 16 - puissance * 16, 10);
	const morceaux: Buffer[] = [entete];
	let position = entete.length;
	tables.forEach((t, i) => {
		entete.writeUInt32BE(t.tag, 12 + 16 * i);
		entete.writeUInt32BE(t.somme, 16 + 16 * i);
		entete.writeUInt32BE(position, 20 + 16 * i);
		entete.writeUInt32BE(t.donnees.length, 24 + 16 * i);
		const bourrage = (4 - (t.donnees.length % 4)) % 4;
		morceaux.push(t.donnees, Buffer.alloc(bourrage));
		position += t.donnees.length + bourrage;
	});
	return Buffer.concat(morceaux);
}

export interface Morceau {
	texte: string;
	police: Police;
	largeur: number;
}
export interface LigneTexte {
	morceaux: Morceau[];
	largeur: number;
}

const SIMPLE = /^[\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u202f\u2030-\u203a\u20ac]*$/u;
const PICTOGRAMME = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const PRESENTATION_EMOJI = /\p{Emoji_Presentation}|\ufe0f|\u200d|\p{Emoji_Modifier}/u;
const INVISIBLES = new Set([0x200d, 0xfe0e, 0xfe0f]);
const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/**
 * Lays out text for one document: widths are cached, and each grapheme goes to the font that
 * has it — DejaVu for text, Noto Emoji for emoji, and U+FFFD (never a box) for what neither has.
 */
export class MiseEnPage {
	/** Called with each font the layout uses, before it is measured or drawn. */
	private readonly utilisee: (nom: Police) => void;
	constructor(utilisee: (nom: Police) => void = () => {}) {
		this.utilisee = utilisee;
	}

	private readonly largeurs = new Map<string, number>();

	private font(nom: Police) {
		this.utilisee(nom);
		return police(nom);
	}

	/** The width of a string in one font, measured as pdfkit measures it (word by word). */
	largeur(police: Police, taille: number, s: string): number {
		const cle = `${police}\u0000${s}`;
		let unites = this.largeurs.get(cle);
		if (unites === undefined) {
			const font = this.font(police);
			unites = 0;
			// pdfkit lays out each space-ended word on its own.
			for (const mot of s.match(/[^ \t]*[ \t]?/g) ?? []) if (mot) unites += font.layout(mot).advanceWidth;
			unites /= font.unitsPerEm;
			this.largeurs.set(cle, unites);
		}
		return unites * taille;
	}

	/** Splits a string into runs, each in a font that has its characters. */
	morceaux(s: string, police: PoliceTexte): { texte: string; police: Police }[] {
		if (SIMPLE.test(s)) return s ? [{ texte: s, police }] : [];
		const principale = this.font(police);
		// Parsed only for a document that has an emoji.
		const emoji = { hasGlyphForCodePoint: (cp: number) => this.font('emoji').hasGlyphForCodePoint(cp) };
		const runs: { texte: string; police: Police }[] = [];
		const ajouter = (texte: string, p: Police) => {
			const dernier = runs.at(-1);
			if (dernier?.police === p) dernier.texte += texte;
			else runs.push({ texte, police: p });
		};
		for (const { segment } of graphemes.segment(s)) {
			const points = [...segment].map((c) => c.codePointAt(0)!).filter((cp) => !INVISIBLES.has(cp));
			const couvert = (font: Pick<fontkit.Font, 'hasGlyphForCodePoint'>) => points.length > 0 && points.every((cp) => font.hasGlyphForCodePoint(cp));
			const pictogramme = PICTOGRAMME.test(segment);
			if (pictogramme && (PRESENTATION_EMOJI.test(segment) || !couvert(principale)) && emoji.hasGlyphForCodePoint(points[0] ?? 0)) ajouter(segment, 'emoji');
			else if (couvert(principale)) ajouter(points.length === [...segment].length ? segment : String.fromCodePoint(...points), police);
			else if (pictogramme && couvert(emoji)) ajouter(segment, 'emoji');
			else if (points.length) ajouter(principale.hasGlyphForCodePoint(0xfffd) ? '\ufffd' : '?', police);
		}
		return runs;
	}

	private largeurDe(runs: { texte: string; police: Police }[], taille: number) {
		return runs.reduce((t, r) => t + this.largeur(r.police, taille, r.texte), 0);
	}

	/**
	 * Breaks text into lines no wider than `largeur`: at spaces, after hyphens, and inside long
	 * words at French hyphenation points (with a visible hyphen); a word still too long for a
	 * whole line (an address, a number) is cut where it must.
	 */
	couper(texte: string, o: { police: PoliceTexte; taille: number; largeur: number; cesure?: boolean }): LigneTexte[] {
		const { police, taille, largeur } = o;
		const cesure = o.cesure ?? true;
		const espace = this.largeur(police, taille, ' ');
		const tiret = this.largeur(police, taille, '-');
		const lignes: LigneTexte[] = [];
		for (const paragraphe of texte.split('\n')) {
			let courante: { texte: string; police: Police }[] = [];
			let l = 0;
			const finir = () => {
				while (courante.length && courante.at(-1)!.texte === ' ') courante.pop();
				const morceaux = fusionner(courante).map((m) => ({ ...m, largeur: this.largeur(m.police, taille, m.texte) }));
				lignes.push({ morceaux, largeur: morceaux.reduce((t, m) => t + m.largeur, 0) });
				courante = [];
				l = 0;
			};
			// Words, each with what precedes it: a space, or nothing after a hyphen.
			const mots: { mot: string; espace: boolean }[] = [];
			for (const jeton of paragraphe.replace(/\t/g, ' ').split(/ +/)) {
				if (!jeton) continue;
				jeton.split(/(?<=[\p{L}\p{N}][-‐–—/])(?=[\p{L}\p{N}])/u).forEach((mot, i) => mots.push({ mot, espace: i === 0 }));
			}
			for (let i = 0; i < mots.length; i++) {
				let { mot } = mots[i]!;
				const avant = () => (l > 0 && mots[i]!.espace ? espace : 0);
				while (mot) {
					const runs = this.morceaux(mot, police);
					const w = this.largeurDe(runs, taille);
					if (l + avant() + w <= largeur) {
						if (avant()) courante.push({ texte: ' ', police });
						courante.push(...runs);
						l += avant() + w;
						break;
					}
					// Too long for what is left of the line: a hyphenation point that fits? Only
					// where the gap would show (ragged text needs few hyphens), never in headings
					// unless a word is wider than the line.
					const place = largeur - l - avant() - tiret;
					const coupe = (cesure && place > largeur * 0.15) || l === 0 ? this.couperMot(mot, police, taille, place) : undefined;
					if (coupe) {
						if (avant()) courante.push({ texte: ' ', police });
						courante.push(...this.morceaux(`${coupe.debut}-`, police));
						finir();
						mot = coupe.reste;
						mots[i] = { mot, espace: false };
						continue;
					}
					if (l > 0) {
						finir();
						continue;
					}
					// Alone on its line and still too wide: cut it where it must be.
					const force = this.couperForce(mot, police, taille, largeur);
					courante.push(...this.morceaux(force.debut, police));
					finir();
					mot = force.reste;
					mots[i] = { mot, espace: false };
				}
			}
			finir();
		}
		return lignes;
	}

	/** The longest start of a word, at a hyphenation point, that fits in `place`. */
	private couperMot(mot: string, police: PoliceTexte, taille: number, place: number) {
		if (place <= 0 || !/\p{L}{3}/u.test(mot) || /[\d@]|:\/\//u.test(mot)) return undefined;
		const coupe = hyphenateSync(mot, { hyphenChar: '\u00ad', minWordLength: 5 });
		const parties = coupe.split('\u00ad');
		for (let n = parties.length - 1; n > 0; n--) {
			const debut = parties.slice(0, n).join('');
			if (this.largeurDe(this.morceaux(debut, police), taille) <= place) return { debut, reste: parties.slice(n).join('') };
		}
		return undefined;
	}

	/** A word wider than a line: cut at a no-break space if there is one, else by characters. */
	private couperForce(mot: string, police: PoliceTexte, taille: number, place: number) {
		const espaces = [...mot.matchAll(/[\u00a0\u202f]/g)].map((m) => m.index!).reverse();
		for (const i of espaces) {
			const debut = mot.slice(0, i);
			if (debut && this.largeurDe(this.morceaux(debut, police), taille) <= place) return { debut, reste: mot.slice(i + 1) };
		}
		let debut = '';
		for (const { segment } of graphemes.segment(mot)) {
			if (debut && this.largeurDe(this.morceaux(debut + segment, police), taille) > place) break;
			debut += segment;
		}
		return { debut, reste: mot.slice(debut.length) };
	}
}

function fusionner(runs: { texte: string; police: Police }[]) {
	const r: { texte: string; police: Police }[] = [];
	for (const m of runs) {
		const d = r.at(-1);
		if (d && d.police === m.police) d.texte += m.texte;
		else r.push({ ...m });
	}
	return r;
}
