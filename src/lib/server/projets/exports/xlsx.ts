// The logical framework and the budget as an Excel workbook (.xlsx): one sheet each, with the
// totals as formulas, so that a funder's template can be filled from it.
import ExcelJS from 'exceljs';
import { enEuros } from '#lib/projets/analyses.ts';
import { CATEGORIES_BUDGET, COTES, COTES_INDICATEUR, libelleOption, lignes, TYPES_FINANCEMENT, texte as texteDe, type Donnees } from '#lib/projets/sections.ts';
import { texteDuDossier } from './format.ts';

const nombre = (v: unknown) => (typeof v === 'number' ? v : null);
/** Text as typed, without the browsers' carriage returns. */
const t = (v: unknown) => (typeof v === 'string' ? texteDuDossier(v) : '');
const texte = (d: Donnees, nom: string) => texteDuDossier(texteDe(d, nom));

function entete(ws: ExcelJS.Worksheet, ligne: number) {
	const r = ws.getRow(ligne);
	r.font = { bold: true };
	r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEEC' } };
}

export async function cadreEtBudgetXlsx(titre: string, cadre: Donnees, budget: Donnees): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Terrinclus';
	wb.title = t(titre);
	wb.created = new Date();

	const cl = wb.addWorksheet('Cadre logique');
	cl.columns = [{ width: 36 }, { width: 14 }, { width: 14 }, { width: 18 }, { width: 18 }, { width: 24 }, { width: 16 }];
	cl.addRow([t(titre)]).font = { bold: true, size: 14 };
	cl.addRow([]);
	// Objectives are sentences: their text spans the table's width.
	for (const [libelle, nom] of [['Objectif général', 'objectifGeneral'], ['Objectifs spécifiques', 'objectifsSpecifiques']] as const) {
		const valeur = texte(cadre, nom);
		const r = cl.addRow([libelle, valeur]);
		r.getCell(1).font = { bold: true };
		cl.mergeCells(r.number, 2, r.number, 7);
		r.getCell(2).alignment = { wrapText: true, vertical: 'top' };
		r.height = 15 * Math.max(1, Math.ceil(valeur.length / 110) + (valeur.match(/\n/g)?.length ?? 0));
	}
	cl.addRow([]);
	cl.addRow(['Résultat attendu', 'Activités']);
	entete(cl, cl.rowCount);
	for (const r of lignes(cadre, 'resultats')) cl.addRow([t(r.resultat), t(r.activites)]);
	cl.addRow([]);
	cl.addRow(['Indicateur', 'Côté', 'Unité', 'Situation de départ', 'Cible', 'Source', 'Fréquence']);
	entete(cl, cl.rowCount);
	for (const r of lignes(cadre, 'indicateurs')) cl.addRow([t(r.indicateur), libelleOption(COTES_INDICATEUR, r.cote), t(r.unite), t(r.reference), t(r.cible), t(r.source), t(r.frequence)]);

	const bu = wb.addWorksheet('Budget');
	bu.columns = [{ width: 30 }, { width: 32 }, { width: 18 }, { width: 14 }, { width: 10 }, { width: 12 }, { width: 16 }];
	bu.addRow(['Dépenses']).font = { bold: true, size: 13 };
	bu.addRow(['Catégorie', 'Libellé', 'Côté', 'Montant', 'Devise', 'Taux (€)', 'Montant en euros']);
	entete(bu, bu.rowCount);
	const premiere = bu.rowCount + 1;
	for (const r of lignes(budget, 'depenses')) {
		const row = bu.addRow([libelleOption(CATEGORIES_BUDGET, r.categorie), t(r.libelle), libelleOption(COTES, r.cote), nombre(r.montant), r.devise ?? 'EUR', nombre(r.taux) ?? 1, null]);
		row.getCell(4).numFmt = '#,##0.00';
		row.getCell(7).value = { formula: `D${row.number}*F${row.number}`, result: enEuros(r) };
		row.getCell(7).numFmt = '#,##0.00 "€"';
	}
	const derniere = bu.rowCount;
	const totalD = lignes(budget, 'depenses').reduce((t, r) => t + enEuros(r), 0);
	const lt = bu.addRow(['Total des dépenses', '', '', '', '', '', { formula: derniere >= premiere ? `SUM(G${premiere}:G${derniere})` : '0', result: totalD }]);
	lt.font = { bold: true };
	lt.getCell(7).numFmt = '#,##0.00 "€"';
	const ligneTotalD = lt.number;

	bu.addRow([]);
	bu.addRow(['Financements']).font = { bold: true, size: 13 };
	bu.addRow(['Financeur', 'Type', 'Statut', 'Montant (€)', '', '', 'Part']);
	entete(bu, bu.rowCount);
	const premiereF = bu.rowCount + 1;
	const financements = lignes(budget, 'financements');
	const totalF = financements.reduce((t, r) => t + (nombre(r.montant) ?? 0), 0);
	const ligneTotalF = premiereF + financements.length;
	for (const r of financements) {
		const row = bu.addRow([t(r.financeur), libelleOption(TYPES_FINANCEMENT, r.type), { acquis: 'Acquis', demande: 'Demandé', envisage: 'Envisagé' }[String(r.statut)] ?? '', nombre(r.montant), '', '', null]);
		row.getCell(4).numFmt = '#,##0.00 "€"';
		row.getCell(7).value = { formula: `IF(D${ligneTotalF}=0,0,D${row.number}/D${ligneTotalF})`, result: totalF ? (nombre(r.montant) ?? 0) / totalF : 0 };
		row.getCell(7).numFmt = '0.0 %';
	}
	const tf = bu.addRow(['Total des financements', '', '', { formula: financements.length ? `SUM(D${premiereF}:D${ligneTotalF - 1})` : '0', result: totalF }]);
	tf.font = { bold: true };
	tf.getCell(4).numFmt = '#,##0.00 "€"';
	const ecart = bu.addRow(['Écart (financements − dépenses)', '', '', { formula: `D${tf.number}-G${ligneTotalD}`, result: Math.round((totalF - totalD) * 100) / 100 }]);
	ecart.font = { bold: true };
	ecart.getCell(4).numFmt = '#,##0.00 "€"';

	// Printed or converted to PDF, each sheet fits the width of a landscape A4 page, and long
	// texts wrap in their cell instead of being cut at the next column.
	for (const ws of [cl, bu]) {
		ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
		ws.eachRow((r) => r.eachCell((c) => {
			if (typeof c.value === 'string' && !ws.getCell(c.address).isMerged) c.alignment = { ...c.alignment, wrapText: true, vertical: 'top' };
		}));
	}

	return Buffer.from(await wb.xlsx.writeBuffer());
}
