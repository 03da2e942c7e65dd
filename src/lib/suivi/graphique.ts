// One indicator's chart: validated values after each period, one line per side, the end-of-
// project target dashed, the periods' targets as hollow diamonds. The geometry is shared by the
// dashboard's SVG (GraphiqueIndicateur.svelte) and the monitoring report's image (`svgDuGraphique`).

export interface SerieGraphique {
	cote: string;
	libelleCote: string;
	courbe: (number | null)[];
	courbeCible?: (number | null)[];
}

export const LARGEUR = 640;
export const HAUTEUR = 220;
/** Left margin (the axis' labels) and bottom margin (the periods' numbers). */
export const GAUCHE = 56;
export const BAS = 36;
/** The standalone document's height: the chart and its legend's line. */
export const HAUTEUR_DOCUMENT = HAUTEUR + 28;
export const COULEURS_COTES: Record<string, string> = { ici: '#1d4e89', 'la-bas': '#8a4b00' };
export const COULEUR_CIBLE = '#1b6b3a';

const FORMAT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export const chiffre = (v: number) => FORMAT.format(v).replace(/\u202f/g, '\u00a0');

export function geometrie(series: readonly SerieGraphique[], cible: number | null) {
	const n = series[0]?.courbe.length ?? 0;
	const valeurs = series.flatMap((s) => [...s.courbe, ...(s.courbeCible ?? [])].filter((v): v is number => v !== null));
	const haut = Math.max(1, cible ?? 0, ...valeurs);
	const max = haut * 1.1;
	const x = (i: number) => GAUCHE + (n <= 1 ? (LARGEUR - GAUCHE - 16) / 2 : (i * (LARGEUR - GAUCHE - 16)) / (n - 1));
	const y = (v: number) => HAUTEUR - BAS - (v / max) * (HAUTEUR - BAS - 12);
	return {
		n,
		haut,
		x,
		y,
		points: (c: readonly (number | null)[]) => c.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`])).join(' '),
		losange: (i: number, v: number) => `${x(i)},${y(v) - 6} ${x(i) + 6},${y(v)} ${x(i)},${y(v) + 6} ${x(i) - 6},${y(v)}`,
		avecCiblesDePeriode: series.some((s) => s.courbeCible?.some((v) => v !== null))
	};
}

const avecUnite = (v: number, unite: string) => `${chiffre(v)}${unite === '%' ? '\u00a0%' : unite ? `\u00a0${unite}` : ''}`;
const derniere = (c: readonly (number | null)[]) => [...c].reverse().find((v) => v !== null) ?? null;

/** What the chart shows, in words, for screen readers and the report's alternative text. */
export function descriptionDuGraphique(series: readonly SerieGraphique[], cible: number | null, unite: string): string {
	const parCote = series.map((s) => {
		const v = derniere(s.courbe);
		return `${s.libelleCote} : ${v === null ? 'aucune valeur validée' : `${avecUnite(v, unite)} après la dernière période validée`}`;
	});
	return `${parCote.join(' ; ')}${cible !== null ? ` ; cible : ${avecUnite(cible, unite)}` : ''}.`;
}

const echapper = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The chart as a standalone SVG document, its legend drawn under it (a document has no
 * figcaption): for the monitoring report, which turns it into an image.
 */
export function svgDuGraphique(p: { libelle: string; series: readonly SerieGraphique[]; cible: number | null; unite: string }): string {
	const g = geometrie(p.series, p.cible);
	const legende: { texte: string; marque: string }[] = p.series.map((s) => ({
		texte: s.libelleCote,
		marque: s.cote === 'ici' ? `<circle cx="6" cy="-4" r="5" fill="${COULEURS_COTES.ici}"/>` : `<rect x="1" y="-9" width="10" height="10" fill="${COULEURS_COTES[s.cote] ?? '#555'}"/>`
	}));
	if (p.cible !== null) legende.push({ texte: 'Cible finale', marque: `<line x1="0" y1="-4" x2="14" y2="-4" stroke="${COULEUR_CIBLE}" stroke-width="2" stroke-dasharray="4 3"/>` });
	if (g.avecCiblesDePeriode) legende.push({ texte: 'Cibles des périodes', marque: `<polygon points="6,-10 12,-4 6,2 0,-4" fill="#fff" stroke="#333" stroke-width="1.5"/>` });
	const texte = (x: number, y: number, t: string, o: { ancre?: string; couleur?: string } = {}) =>
		`<text x="${x}" y="${y}" text-anchor="${o.ancre ?? 'middle'}" font-size="12" font-family="DejaVu Sans, sans-serif" fill="${o.couleur ?? '#333'}">${echapper(t)}</text>`;
	const h = HAUTEUR_DOCUMENT;
	const morceaux = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${LARGEUR}" height="${h}" viewBox="0 0 ${LARGEUR} ${h}">`,
		`<title>${echapper(`${p.libelle} : valeurs validées après chaque période`)}</title>`,
		`<rect width="${LARGEUR}" height="${h}" fill="#fff"/>`,
		`<line x1="${GAUCHE}" y1="${HAUTEUR - BAS}" x2="${LARGEUR - 8}" y2="${HAUTEUR - BAS}" stroke="#555"/>`,
		`<line x1="${GAUCHE}" y1="8" x2="${GAUCHE}" y2="${HAUTEUR - BAS}" stroke="#555"/>`,
		texte(GAUCHE - 6, HAUTEUR - BAS, '0', { ancre: 'end' }),
		texte(GAUCHE - 6, g.y(g.haut) + 4, chiffre(g.haut), { ancre: 'end' }),
		...Array.from({ length: g.n }, (_, i) => texte(g.x(i), HAUTEUR - BAS + 16, String(i + 1))),
		texte((LARGEUR + GAUCHE) / 2, HAUTEUR - 4, 'Périodes, dans l’ordre du tableau')
	];
	if (p.cible !== null)
		morceaux.push(
			`<line x1="${GAUCHE}" y1="${g.y(p.cible)}" x2="${LARGEUR - 8}" y2="${g.y(p.cible)}" stroke="${COULEUR_CIBLE}" stroke-width="2" stroke-dasharray="6 4"/>`,
			texte(LARGEUR - 10, g.y(p.cible) - 6, `Cible ${chiffre(p.cible)}`, { ancre: 'end', couleur: COULEUR_CIBLE })
		);
	for (const s of p.series) {
		const couleur = COULEURS_COTES[s.cote] ?? '#555';
		(s.courbeCible ?? []).forEach((v, i) => v !== null && morceaux.push(`<polygon points="${g.losange(i, v)}" fill="#fff" stroke="${couleur}" stroke-width="2"/>`));
		morceaux.push(`<polyline points="${g.points(s.courbe)}" fill="none" stroke="${couleur}" stroke-width="2.5"/>`);
		s.courbe.forEach((v, i) => {
			if (v === null) return;
			morceaux.push(s.cote === 'ici' ? `<circle cx="${g.x(i)}" cy="${g.y(v)}" r="5" fill="${couleur}"/>` : `<rect x="${g.x(i) - 5}" y="${g.y(v) - 5}" width="10" height="10" fill="${couleur}"/>`);
		});
	}
	// About 8 px a character at this size: four entries fit in the width.
	let x = 16;
	for (const l of legende) {
		morceaux.push(`<g transform="translate(${x} ${h - 8})">${l.marque}</g>`, texte(x + 18, h - 8, l.texte, { ancre: 'start' }));
		x += 30 + l.texte.length * 8;
	}
	morceaux.push('</svg>');
	return morceaux.join('');
}

/** The way from the baseline (0) to the target (1), in words. */
export const chemin = (a: number | null) => (a === null ? '—' : a >= 1 ? 'cible atteinte' : a < 0 ? 'en recul sur la situation de départ' : `${Math.round(a * 100)}\u00a0% du chemin vers la cible`);
