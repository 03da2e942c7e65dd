// The logical framework, its indicators and the budget as an Excel workbook (.xlsx): one sheet
// each, the budget's totals as formulas, so that a funder's template can be filled from it.
import ExcelJS from 'exceljs';
import { enEuros } from '#lib/projets/analyses.ts';
import { cadreLogique, listesDuProjet } from '#lib/projets/liens.ts';
import { CATEGORIES_BUDGET, COTES, COTES_INDICATEUR, libelleChoix, libelleOption, lignes, SENS_INDICATEUR, TYPES_FINANCEMENT, TYPES_INDICATEUR, type Donnees } from '#lib/projets/sections.ts';
import { texteDuDossier } from './format.ts';

const nombre = (v: unknown) => (typeof v === 'number' ? v : null);
/** Text as typed, without the browsers' carriage returns. */
const t = (v: unknown) => (typeof v === 'string' ? texteDuDossier(v) : '');

function entete(ws: ExcelJS.Worksheet, ligne: number) {
	const r = ws.getRow(ligne);
	r.font = { bold: true };
	r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEEC' } };
}

/** `sections`: the project's sections (the logical framework and the calendar's activities, the budget). */
export async function cadreEtBudgetXlsx(titre: string, sections: Partial<Record<string, Donnees>>): Promise<Buffer> {
	const cadre = sections['cadre-logique'] ?? {};
	const budget = sections.budget ?? {};
	const liens = listesDuProjet(sections);
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Terrinclus';
	wb.title = t(titre);
	wb.created = new Date();

	const cl = wb.addWorksheet('Cadre logique');
	cl.columns = [{ width: 22 }, { width: 44 }, { width: 36 }, { width: 26 }, { width: 30 }];
	cl.addRow([t(titre)]).font = { bold: true, size: 14 };
	cl.addRow([]);
	// The matrix, level under level; long texts wrap in their cells.
	cl.addRow(['Niveau', 'Intitulé', 'Indicateurs', 'Sources de vérification', 'Hypothèses et risques']);
	entete(cl, cl.rowCount);
	for (const n of cadreLogique(sections)) {
		const r = cl.addRow([n.niveau, t(n.intitule), n.indicateurs.map(t).join('\n'), t(n.verification), t(n.hypotheses)]);
		r.getCell(1).font = { bold: n.profondeur < 3 };
		r.getCell(1).alignment = { indent: n.profondeur, vertical: 'top', wrapText: true };
		for (let c = 2; c <= 5; c++) r.getCell(c).alignment = { wrapText: true, vertical: 'top' };
	}

	const ind = wb.addWorksheet('Indicateurs');
	ind.columns = [{ width: 36 }, { width: 30 }, { width: 14 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 24 }, { width: 14 }, { width: 20 }];
	ind.addRow(['Indicateur', 'Ce qu’il mesure', 'Type', 'Unité', 'Sens', 'Côté', 'Situation de départ', 'Date de départ', 'Cible', 'Source', 'Fréquence', 'Qui le renseigne']);
	entete(ind, 1);
	for (const r of lignes(cadre, 'indicateurs')) {
		const row = ind.addRow([
			t(r.indicateur),
			libelleChoix({ referentiel: 'niveaux' }, liens, r.rattachement),
			libelleOption(TYPES_INDICATEUR, r.type),
			t(r.unite),
			libelleOption(SENS_INDICATEUR, r.sens),
			libelleOption(COTES_INDICATEUR, r.cote),
			nombre(r.reference) ?? t(r.reference),
			typeof r.dateReference === 'string' && r.dateReference ? new Date(`${r.dateReference}T00:00:00Z`) : null,
			nombre(r.cible) ?? t(r.cible),
			t(r.source),
			t(r.frequence),
			t(r.rapporteur)
		]);
		row.getCell(8).numFmt = 'dd/mm/yyyy';
	}

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
