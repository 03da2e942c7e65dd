// The monitoring report of a period, written for the complete project with values on both
// sides, opened by LibreOffice and by a PDF reader; the values' workbook read back.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertirAvecLibreOffice } from '../../../../../tests/support/bureautique.ts';
import { baseDeTest, type BaseDeTest } from '../../../../../tests/support/base-de-test.ts';
import { creerProjetComplet } from '../../../../../tests/support/dossier-complet.ts';
import { dossierDocx } from '../../projets/exports/docx.ts';
import { dossierPdf } from '../../projets/exports/pdf.ts';
import type { Projet } from '../../projets/projets.ts';
import { enregistrerCompteRendu } from '../comptes-rendus/base.ts';
import { enregistrerDepenses } from '../depenses/base.ts';
import { lireSuivi } from '../lecture.ts';
import { ajouterPeriodes, periodesDuProjet } from '../periodes/base.ts';
import { deciderValeur, enregistrerValeur } from '../valeurs/base.ts';
import { ajouterFichier, ajouterLien } from '../../fichiers/preuves/base.ts';
import { rapportDeSuivi } from './rapport.ts';
import { valeursXlsx } from './xlsx.ts';

let base: BaseDeTest;
let projet: Projet;
let t1: number;
beforeAll(async () => {
	base = await baseDeTest();
	projet = await creerProjetComplet(base.db);
	await ajouterPeriodes(base.db, projet.id, [{ libelle: '1er semestre 2027', debut: '2027-01-01', fin: '2027-06-30' }, { libelle: '2e semestre 2027', debut: '2027-07-01', fin: '2027-12-31' }], 'camille');
	t1 = (await periodesDuProjet(base.db, projet.id))[0]!.id;
	// indicateur1 is a percentage followed here; indicateur2 abroad.
	const pct = (numerateur: number, denominateur: number, commentaire: string) => ({ valeur: null, numerateur, denominateur, texte: null, commentaire, ventilation: null });
	const a = await enregistrerValeur(base.db, { projetId: projet.id, periodeId: t1, indicateur: 'indicateur1', cote: 'ici', contenu: pct(9, 20, 'Système d’information des missions locales'), soumettre: true, versionLue: 0, auteurId: 'yann' });
	await enregistrerValeur(base.db, { projetId: projet.id, periodeId: t1, indicateur: 'indicateur2', cote: 'la-bas', contenu: pct(9, 12, 'Registre du conseil départemental'), soumettre: true, versionLue: 0, auteurId: 'awa' });
	if (a.ok) await deciderValeur(base.db, { projetId: projet.id, valeurId: a.id, decision: 'valider', versionLue: 1, auteurId: 'camille' });
	await enregistrerCompteRendu(base.db, { projetId: projet.id, periodeId: t1, cote: 'la-bas', contenu: { realise: 'Deux chantiers à Ziguinchor.', changements: 'Trois jeunes ont signé un contrat d’apprentissage.', difficultes: '', ajustements: '', suite: '' }, soumettre: true, versionLue: 0, auteurId: 'awa' });
	// Evidence: a link on the report abroad, a confidential file on a value.
	const preuve = { projetId: projet.id, periodeId: t1, confidentielle: false, auteurId: 'awa' };
	await ajouterLien(base.db, { ...preuve, cible: 'compte-rendu', cibleId: `${t1}/la-bas`, titre: 'Photos des chantiers', lien: 'https://exemple.test/album-ziguinchor' });
	await ajouterFichier(base.db, {
		...preuve,
		cible: 'valeur',
		cibleId: `${t1}/indicateur2/la-bas`,
		titre: 'Listes nominatives des jeunes',
		confidentielle: true,
		nomFichier: 'listes.pdf',
		contenu: { sha256: 'c'.repeat(64), taille: 2048, type: 'application/pdf', stockage: 'disque', cle: 'cle-listes', apercu: null, analyse: 'sain', signature: null }
	});
	await enregistrerDepenses(base.db, { projetId: projet.id, ligne: (await lireSuivi(base.db, projet.id)).lignesBudget[0]!.id, montants: new Map([[t1, 12_000]]), auteurId: 'camille' });
});
afterAll(() => base?.detruire());

describe('the monitoring report', () => {
	it('is refused for a period of another project', async () => {
		expect(await rapportDeSuivi(base.db, projet, 999_999, { auteur: 'Camille Martin' })).toBeUndefined();
	});

	it('reads in Word (opened by LibreOffice) and in PDF: values per side, the narrative, activities, spending', { timeout: 200_000 }, async () => {
		const r = (await rapportDeSuivi(base.db, projet, t1, { auteur: 'Camille Martin', confidentielles: true }))!;
		expect(r.dossier.sommaire.map((s) => s.titre)).toEqual(['Indicateurs', 'Comptes rendus', 'Activités', 'Exécution du budget', 'Preuves', 'Équipe']);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await dossierPdf(r.dossier))), { mergePages: true });
		const { texte } = await convertirAvecLibreOffice(await dossierDocx(r.dossier), 'docx');
		for (const t of [text, texte].map((x) => x.replace(/\s+/g, ' '))) {
			expect(t).toContain('Rapport de suivi');
			expect(t).toContain('Période « 1er semestre 2027 »');
			expect(t).toMatch(/45 % \(validée\)/);
			expect(t).toMatch(/75 % \(soumise\)/);
			expect(t).toContain('Trois jeunes ont signé un contrat d’apprentissage.');
			expect(t).toContain('Chantier de printemps');
			expect(t).toContain('Registre du conseil départemental');
			expect(t).toContain('Photos des chantiers');
			// A narrow cell breaks the address across lines.
			expect(t.replace(/\s/g, '')).toContain('https://exemple.test/album-ziguinchor');
			expect(t.replace(/- /g, '-')).toContain('Compte rendu — Là-bas (partenaire)');
			expect(t).toContain('Listes nominatives des jeunes (confidentielle)');
		}
	});

	it('draws each indicator with a validated value as a chart, described in words, in Word and in PDF', { timeout: 200_000 }, async () => {
		const r = (await rapportDeSuivi(base.db, projet, t1, { auteur: 'Camille Martin' }))!;
		const images = r.dossier.blocs.filter((b) => b.type === 'image');
		// indicateur1 has the one validated value (9 on 20, in France).
		expect(images.map((b) => b.titre)).toEqual(['Jeunes de Loire-Atlantique en emploi ou formation six mois après']);
		const image = images[0]!;
		expect(image.alternative).toContain('Ici (France) : 45\u00a0% après la dernière période validée');
		expect(image.alternative).toContain('cible : 60\u00a0%');
		// A real picture, twice the chart's size for a sharp print.
		expect(await sharp(image.png).metadata()).toMatchObject({ format: 'png', width: 1280, height: 496 });
		const zip = await JSZip.loadAsync(await dossierDocx(r.dossier));
		expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(1);
		const document = await zip.file('word/document.xml')!.async('string');
		expect(document).toContain('descr="Ici (France) : 45');
		const pdf = await dossierPdf(r.dossier);
		expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
	});

	it('lists no confidential evidence when its reader may not see it', async () => {
		const r = (await rapportDeSuivi(base.db, projet, t1, { auteur: 'Marc Lefèvre' }))!;
		const textes = JSON.stringify(r.dossier.blocs);
		expect(textes).toContain('Photos des chantiers');
		expect(textes).not.toContain('Listes nominatives');
	});

	it('gives every indicator × period × side a row in the workbook, values as numbers', async () => {
		const s = await lireSuivi(base.db, projet.id);
		const classeur = new ExcelJS.Workbook();
		await classeur.xlsx.load((await valeursXlsx(projet.titre, s)) as unknown as ArrayBuffer);
		const ws = classeur.getWorksheet('Valeurs')!;
		const series = s.indicateurs.reduce((n, i) => n + i.cotes.length, 0);
		expect(ws.rowCount).toBe(1 + series * 2);
		const lignes = (ws.getSheetValues() as unknown[][]).filter(Boolean).slice(1);
		// Columns: 5 Côté, 6 Période, 10 Catégorie, 11–13 value, numerator, denominator, 15 État.
		expect(lignes.every((l) => l[10] === 'Total')).toBe(true);
		const validee = lignes.find((l) => l[5] === 'Ici (France)' && l[6] === '1er semestre 2027' && l[1] === 'Jeunes de Loire-Atlantique en emploi ou formation six mois après' && l[15] === 'Validée')!;
		expect([validee[11], validee[12], validee[13]]).toEqual([45, 9, 20]);
		expect(lignes.filter((l) => l[15] === 'À saisir').length).toBe(series * 2 - 2);
	});
});
