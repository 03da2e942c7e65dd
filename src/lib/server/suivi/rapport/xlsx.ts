// Indicators and values as a workbook, ready for a funder's template: one row per indicator ×
// period × side × disaggregation value, every combination present (an empty one says « À
// saisir »): the total first, then each category of each dimension the indicator is split along.
import ExcelJS from 'exceljs';
import { texteDuDossier } from '../../projets/exports/format.ts';
import type { Suivi } from '../lecture.ts';
import { chiffreDe, ecartsDeVentilation, LIBELLES_COTE, LIBELLES_STATUT, type Part } from '../valeurs/regles.ts';

const TYPES = { nombre: 'Nombre', pourcentage: 'Pourcentage', qualitatif: 'Qualitatif', '': 'À préciser' } as const;
const AGREGATIONS = { cumul: 'Cumulé', somme: 'Par période', pourcentage: 'Pourcentage recalculé', '': '' } as const;
const t = (v: string | null | undefined) => texteDuDossier(v ?? '');

export async function valeursXlsx(titre: string, s: Suivi): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Terrinclus';
	wb.title = t(titre);
	wb.created = new Date();
	const ws = wb.addWorksheet('Valeurs');
	ws.columns = [
		{ header: 'Indicateur', width: 40 },
		{ header: 'Type', width: 14 },
		{ header: 'Unité', width: 10 },
		{ header: 'Cumul des périodes', width: 20 },
		{ header: 'Côté', width: 20 },
		{ header: 'Période', width: 22 },
		{ header: 'Début', width: 12 },
		{ header: 'Fin', width: 12 },
		{ header: 'Ventilé par', width: 16 },
		{ header: 'Catégorie', width: 18 },
		{ header: 'Valeur', width: 12 },
		{ header: 'Numérateur', width: 12 },
		{ header: 'Dénominateur', width: 13 },
		{ header: 'Observation', width: 36 },
		{ header: 'État', width: 12 },
		{ header: 'Commentaire', width: 40 },
		{ header: 'Saisie par', width: 20 },
		{ header: 'Situation de départ', width: 12 },
		{ header: 'Cible en fin de projet', width: 12 },
		{ header: 'Cible de la période', width: 12 },
		{ header: 'Écart de ventilation', width: 36 }
	];
	const entete = ws.getRow(1);
	entete.font = { bold: true };
	entete.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEEC' } };
	ws.views = [{ state: 'frozen', ySplit: 1 }];
	const jour = (iso: string) => new Date(`${iso}T00:00:00Z`);
	const cibles = new Map(s.cibles.map((c) => [`${c.indicateur}|${c.cote}|${c.periodeId}`, c.cible]));
	for (const i of s.indicateurs)
		for (const cote of i.cotes)
			for (const p of s.periodes) {
				const v = s.valeurs.find((x) => x.indicateur === i.id && x.cote === cote && x.periodeId === p.id);
				const ecarts = v ? ecartsDeVentilation(i, v).join(' ') : '';
				const ligne = (dimension: string, categorie: string, part: Part | undefined, texte: string | null) => {
					const r = ws.addRow([
						t(i.libelle),
						TYPES[i.type],
						t(i.unite),
						AGREGATIONS[i.agregation],
						LIBELLES_COTE[cote],
						t(p.libelle),
						jour(p.debut),
						jour(p.fin),
						t(dimension),
						t(categorie),
						part ? chiffreDe(part) : null,
						part?.numerateur ?? null,
						part?.denominateur ?? null,
						t(texte),
						v ? LIBELLES_STATUT[v.statut] : 'À saisir',
						t(v?.commentaire),
						t(v?.auteur),
						// The baseline, targets and gap are the total's: on its row only.
						dimension ? null : i.reference,
						dimension ? null : (i.cible ?? (t(i.cibleTexte) || null)),
						dimension ? null : (cibles.get(`${i.id}|${cote}|${p.id}`) ?? null),
						dimension ? '' : t(ecarts)
					]);
					r.getCell(7).numFmt = 'dd/mm/yyyy';
					r.getCell(8).numFmt = 'dd/mm/yyyy';
					r.getCell(11).numFmt = '#,##0.##';
				};
				ligne('', 'Total', v, v?.texte ?? null);
				for (const d of i.ventilations) for (const c of d.categories) ligne(d.libelle, c, v?.ventilation?.[d.id]?.[c], null);
			}
	ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
	return Buffer.from(await wb.xlsx.writeBuffer());
}
