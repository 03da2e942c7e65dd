// The dossier's files, read back: the PDF's text and positions (unpdf), the Word file's XML
// (jszip), the workbook (exceljs), and both office files converted by LibreOffice. A complete
// project (tests/support/dossier-complet.ts) and a sparse one, on a real database.
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText, extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { section, SECTIONS } from '#lib/projets/sections.ts';
import { convertirAvecLibreOffice } from '../../../../../tests/support/bureautique.ts';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { creerProjetComplet, SECTIONS_COMPLETES } from '../../../../../tests/support/dossier-complet.ts';
import { importerContenu } from '../../contenu/import.ts';
import { lireContenu } from '../../contenu/lecture.ts';
import { projectRoot } from '../../db/index.ts';
import { enregistrerSection, type Projet } from '../projets.ts';
import { dossierDocx } from './docx.ts';
import { chronogramme, dossier, enteteDisposition, lireChoix, nomDeFichier, PARTIES_DOSSIER, type Dossier } from './dossier.ts';
import { dateDuDossier, montant, texteDuDossier } from './format.ts';
import { dossierPdf } from './pdf.ts';
import { cadreEtBudgetXlsx } from './xlsx.ts';

let base: BaseDeTest;
let complet: Projet;
let partiel: Projet;
let d: Dossier;
const TOUT = PARTIES_DOSSIER.map((p) => p.id);

beforeAll(async () => {
	base = await baseDeTest();
	await importerContenu(base.db, lireContenu(path.join(projectRoot(), 'content')));
	complet = await creerProjetComplet(base.db);
	// A sparse project: its identity, and a logical framework with one indicator abroad only
	// (the workspace warns about it) and characters no font has.
	partiel = await creerProjetComplet(base.db, { sections: ['identite'], suffixe: '-p' });
	const r = await enregistrerSection(base.db, {
		projetId: partiel.id,
		section: section('cadre-logique')!,
		donnees: { objectifGeneral: 'Objectif 目标 partagé ✅', indicateurs: [{ indicateur: 'Jeunes de Ziguinchor en formation', cote: 'la-bas' }] },
		versionLue: 0,
		auteurId: 'camille-p'
	});
	expect(r.ok).toBe(true);
	d = await dossier(base.db, complet, { parties: TOUT, auteur: 'Camille Martin' });
});
afterAll(() => base?.detruire());

describe('the dossier', () => {
	it('leaves the empty sections out by default, and says so once for an empty one asked for', async () => {
		const parDefaut = await dossier(base.db, partiel, { auteur: 'Camille Martin' });
		expect(parDefaut.sommaire.map((s) => s.titre)).toEqual(['Identité du projet', 'Cadre logique', 'Équipe et auto-évaluation']);
		const demande = await dossier(base.db, partiel, { parties: ['identite', 'diagnostic'], auteur: 'Camille Martin' });
		expect(demande.sommaire.map((s) => s.titre)).toEqual(['Identité du projet', 'Diagnostic partagé']);
		const textes = JSON.stringify(demande.blocs);
		expect(textes.match(/Cette section n’est pas encore renseignée/g)).toHaveLength(1);
		expect(textes).not.toContain('Non renseigné');
		// Within a filled section, an empty field prints nothing.
		expect(JSON.stringify(parDefaut.blocs)).not.toContain('Objectifs spécifiques');
	});

	it('reads the choice of parts from the address, refusing none and unknown ones', () => {
		expect(lireChoix(new URLSearchParams(''))).toEqual({ ok: true, parties: null });
		expect(lireChoix(new URLSearchParams('choix=1&parties=budget&parties=identite'))).toEqual({ ok: true, parties: ['identite', 'budget'] });
		expect(lireChoix(new URLSearchParams('choix=1'))).toEqual({ ok: false, code: 'aucune' });
		expect(lireChoix(new URLSearchParams('choix=1&parties=identite&parties=%00'))).toEqual({ ok: false, code: 'inconnue' });
	});

	it('draws the timeline one month per column, ticking every month an activity overlaps', () => {
		const annees = chronogramme({
			activites: [
				{ activite: 'Chantier', debut: '2027-03-10', fin: '2027-05-20', responsable: '' },
				{ activite: 'Suivi', debut: '2027-01-01', fin: '2028-06-30', responsable: '' }
			]
		});
		expect(annees.map((a) => [a.annee, a.mois])).toEqual([
			[2027, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
			[2028, [1, 2, 3, 4, 5, 6]]
		]);
		const chantier = annees[0]!.lignes.find((l) => l.activite === 'Chantier')!;
		expect(chantier.coches.flatMap((c, i) => (c ? [annees[0]!.mois[i]] : []))).toEqual([3, 4, 5]);
		expect(annees[1]!.lignes.map((l) => l.activite)).toEqual(['Suivi']);
	});

	it('writes amounts, dates and text the French way', () => {
		expect(montant(38_500.5)).toBe('38\u202f500,50\u00a0€');
		expect(montant(6_559_570, 'xof')).toBe('6\u202f559\u202f570\u00a0F\u202fCFA');
		expect(montant(12, '1$')).toBe('12 1$');
		expect(dateDuDossier('2027-03-01')).toBe('1er mars 2027');
		expect(dateDuDossier('2027-05-20')).toBe('20 mai 2027');
		// An instant, in the dossier's time zone: 23:30 UTC is already the next day in Paris.
		expect(dateDuDossier(new Date('2026-12-31T23:30:00Z'))).toBe('1er janvier 2027');
		expect(texteDuDossier('Ligne 1\r\nLigne 2\rLigne 3\u0007 \r\n')).toBe('Ligne 1\nLigne 2\nLigne 3');
	});

	it('names its files in ASCII, cut at a word boundary, with the title in UTF-8 beside', () => {
		const titre = 'Mobilité internationale des jeunes en insertion entre la Loire-Atlantique et Ziguinchor : cœur du projet';
		const nom = nomDeFichier(titre, 'pdf');
		expect(nom).toMatch(/^dossier-mobilite-internationale-des-jeunes-[a-z0-9-]+\.pdf$/);
		expect(nom.length).toBeLessThanOrEqual(80);
		// Every word of the name is a whole word of the title.
		const mots = new Set(titre.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/));
		for (const mot of nom.replace(/^dossier-|\.pdf$/g, '').split('-')) expect(mots.has(mot), mot).toBe(true);
		expect(nomDeFichier('🌍 ***', 'docx')).toBe('dossier-projet.docx');
		const entete = enteteDisposition('Cœur d’Afrique', 'pdf');
		expect(entete).toBe(`attachment; filename="dossier-coeur-d-afrique.pdf"; filename*=UTF-8''dossier%20C%C5%93ur%20d%E2%80%99Afrique.pdf`);
	});
});

describe('the PDF', () => {
	let pdf: Buffer;
	let texte: string;
	beforeAll(async () => {
		pdf = await dossierPdf(d);
		texte = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
	});

	it('prints multi-line text line by line, with nothing left of the carriage returns', () => {
		expect(SECTIONS_COMPLETES.identite!.resume).toContain('\r\n');
		expect(texte).not.toMatch(/[\r\u0000-\u0008\u000b-\u001f]/);
		expect(texte).toContain('Chaque année :\n- 24 jeunes partent en chantier à Ziguinchor ;\n- 12 jeunes de Ziguinchor viennent à Nantes');
	});

	it('hyphenates long words in table cells, and never cuts one without a hyphen', () => {
		expect(texte).not.toContain('\u00ad');
		let coupes = 0;
		for (const mot of ['interinstitutionnelle', 'socioprofessionnel', 'professionnalisation', 'départemental']) {
			// The word, whole or broken across lines.
			const trouve = texte.match(new RegExp([...mot].join('(?:-?\\n)?')));
			expect(trouve, mot).not.toBeNull();
			expect(trouve![0], `« ${mot} » coupé sans trait d’union`).not.toMatch(/[^-]\n/);
			if (trouve![0].includes('-\n')) coupes++;
		}
		expect(coupes).toBeGreaterThan(0);
	});

	it('formats amounts in French, in their currency', () => {
		expect(texte).toMatch(/38[\s\u202f]500,50[\s\u202f]€/);
		expect(texte).toMatch(/6[\s\u202f]559[\s\u202f]570[\s\u202f]F[\s\u202f]CFA/);
		expect(texte).toMatch(/1[\s\u202f]XOF =\s0,00152449[\s\u202f]€/);
		// No amount left as a bare number (« 38 500,5 »), none with one decimal.
		expect(texte).not.toMatch(/38[\s\u202f]500,5(?!0)/);
		expect(texte).not.toMatch(/\d,\d[\s\u202f]*€/);
	});

	it('does not print the workspace’s own hints', async () => {
		for (const s of SECTIONS) {
			expect(texte, s.slug).not.toContain(s.intro.slice(0, 50));
			for (const c of s.champs) if (c.aide) expect(texte, c.nom).not.toContain(c.aide.slice(0, 40));
		}
		const p = await dossierPdf(await dossier(base.db, partiel, { auteur: 'Camille Martin' }));
		const t = (await extractText(await getDocumentProxy(new Uint8Array(p)), { mergePages: true })).text;
		expect(t).toContain('Jeunes de Ziguinchor');
		expect(t).not.toContain('Aucun indicateur ne mesure les effets en France');
	});

	it('ticks the right months in the chronogram, one column per month', async () => {
		const { items } = await extractTextItems(await getDocumentProxy(new Uint8Array(pdf)));
		// The activity's row in the chronogram (not in the table of dates): where it has ticks.
		const trouve = items
			.flatMap((page) => page.filter((i) => i.str === 'Chantier de printemps').map((ligne) => ({ page, ligne, coches: page.filter((i) => i.str === '■' && Math.abs(i.y - ligne.y) < 2) })))
			.find((r) => r.coches.length > 0);
		expect(trouve).toBeDefined();
		const { page, ligne, coches } = trouve!;
		const mois = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
		// The 2027 table's header: the nearest row of month names above the activity.
		const entetes = page.filter((i) => mois.includes(i.str) && i.y > ligne.y).sort((a, b) => a.y - b.y || a.x - b.x);
		const yEntete = entetes[0]!.y;
		const colonnes = entetes.filter((i) => i.y === yEntete).map((i) => ({ mois: i.str, centre: i.x + i.width / 2 }));
		expect(colonnes.map((c) => c.mois)).toEqual(['févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']);
		const cochees = coches.map((c) => colonnes.reduce((a, b) => (Math.abs(b.centre - (c.x + c.width / 2)) < Math.abs(a.centre - (c.x + c.width / 2)) ? b : a)).mois);
		expect(cochees).toEqual(['mars', 'avr.', 'mai']);
	});

	it('prints emoji with an emoji font, and a replacement character for what no font has, never a box', async () => {
		expect(texte).toContain('🌍');
		expect(texte).toContain('✅');
		expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji/);
		const p = await dossierPdf(await dossier(base.db, partiel, { auteur: 'Camille Martin' }));
		const t = (await extractText(await getDocumentProxy(new Uint8Array(p)), { mergePages: true })).text;
		expect(t).toContain('Objectif \ufffd\ufffd partagé ✅');
	});

	it('says who exported it, and links its contents to the parts', async () => {
		const { info } = await getMeta(new Uint8Array(pdf));
		expect(info.Author).toBe('Camille Martin');
		expect(info.Title).toBe(d.titre);
		expect(texte).toContain('Dossier établi le');
		expect(texte).toContain('par Camille Martin avec Terrinclus');
		expect(pdf.toString('latin1').match(/\/S \/GoTo/g)?.length ?? pdf.toString('latin1').match(/\/Dest /g)?.length).toBeGreaterThanOrEqual(TOUT.length);
	});
});

describe('the Word file', () => {
	let fichiers: Record<string, string>;
	let docx: Buffer;
	beforeAll(async () => {
		docx = await dossierDocx(d);
		const zip = await JSZip.loadAsync(docx);
		fichiers = Object.fromEntries(await Promise.all(['word/document.xml', 'word/settings.xml', 'docProps/core.xml'].map(async (f) => [f, await zip.file(f)!.async('string')])));
	});

	it('has a table-of-contents field over the headings, updated when Word opens it', () => {
		const xml = fichiers['word/document.xml']!;
		expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC [^<]*\\o &quot;1-1&quot;/);
		expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC [^<]*\\h/);
		// CT_OnOff: the element alone means true.
		expect(fichiers['word/settings.xml']).toMatch(/<w:updateFields( w:val="(true|1|on)")?\/>/);
		for (const s of SECTIONS) expect(xml.match(new RegExp(`>${s.titre.replace(/[()]/g, '\\$&')}<`, 'g'))?.length ?? 0, s.titre).toBeGreaterThanOrEqual(2);
		expect(xml).toContain('w:val="Heading1"');
	});

	it('takes its author from the account', () => {
		expect(fichiers['docProps/core.xml']).toContain('<dc:creator>Camille Martin</dc:creator>');
		expect(fichiers['docProps/core.xml']).toContain('<cp:lastModifiedBy>Camille Martin</cp:lastModifiedBy>');
	});

	it('breaks lines with real breaks, and has no raw carriage return', () => {
		const xml = fichiers['word/document.xml']!;
		expect(xml).not.toMatch(/\r|&#13;|&#xD;|_x000D_/i);
		expect(xml).toMatch(/Chaque année :<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>- 24 jeunes/);
		expect(xml).toContain('38\u202f500,50\u00a0€');
	});
});

describe('the workbook', () => {
	it('has no raw carriage return in its cells', async () => {
		const xlsx = await cadreEtBudgetXlsx(complet.titre, SECTIONS_COMPLETES);
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load(xlsx as unknown as ArrayBuffer);
		const valeurs = classeur.worksheets.flatMap((f) => f.getSheetValues().flat()).filter((v) => typeof v === 'string') as string[];
		expect(valeurs.some((v) => v.includes('\r'))).toBe(false);
	});

	it('lays the logical framework out level under level, and names what each indicator measures', async () => {
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load((await cadreEtBudgetXlsx(complet.titre, SECTIONS_COMPLETES)) as unknown as ArrayBuffer);
		const lignesDe = (nom: string) => (classeur.getWorksheet(nom)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
		const cadre = lignesDe('Cadre logique').map((r) => [r[0], r[1]]);
		// The first specific objective, then the results that serve it, each with its activities.
		const os1 = cadre.findIndex((r) => r[0] === 'Objectif spécifique 1');
		expect(cadre[os1]![1]).toBe('Préparer 24 jeunes par an à un chantier solidaire');
		expect(cadre.slice(os1 + 1, os1 + 3)).toEqual([
			['Résultat 1', 'Résultat 1 : les jeunes accompagnés ont construit un projet professionnel validé'],
			['Activité 1', 'Chantier de printemps']
		]);
		expect(cadre.filter((r) => String(r[0]).startsWith('Activité'))).toHaveLength(18);
		const indicateurs = lignesDe('Indicateurs');
		expect(indicateurs[1]!.slice(0, 3)).toEqual(['Jeunes de Loire-Atlantique en emploi ou formation six mois après', 'OS 1 — Préparer 24 jeunes par an à un chantier solidaire', 'Pourcentage (numérateur sur dénominateur)']);
		expect(indicateurs[1]![6]).toBe(35);
	});
});

describe('LibreOffice opens the exports', () => {
	it('converts the Word file to PDF, headings and contents shown', { timeout: 200_000 }, async () => {
		const { texte } = await convertirAvecLibreOffice(await dossierDocx(d), 'docx');
		expect(texte).toContain('Sommaire');
		// Each part's title twice: in the table of contents, and as its heading.
		for (const p of PARTIES_DOSSIER) expect(texte.split(p.titre).length - 1, p.titre).toBeGreaterThanOrEqual(2);
		expect(texte).toContain('Chaque année :');
		expect(texte).toMatch(/38[\s\u202f]500,50[\s\u202f]€/);
		expect(texte).toContain('Chantier de printemps');
	});

	it('converts the workbook to PDF, both sheets shown', { timeout: 200_000 }, async () => {
		const { texte: brut } = await convertirAvecLibreOffice(await cadreEtBudgetXlsx(complet.titre, SECTIONS_COMPLETES), 'xlsx');
		// Long texts wrap in their cells.
		const texte = brut.replace(/\s+/g, ' ');
		for (const attendu of ['Jeunes de Loire-Atlantique en emploi ou formation six mois après', 'Total des dépenses', 'Total des financements', 'Billets Nantes–Ziguinchor (année 2)']) expect(texte).toContain(attendu);
	});
});
