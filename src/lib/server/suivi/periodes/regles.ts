// Reporting periods of a project: cut from its planned dates (month, quarter, semester, year),
// aligned on the calendar as funders report, the first and last clipped to the project's dates.
import { z } from 'zod';
import { formaterJour, formaterMois } from '#lib/dates.ts';

export const RYTHMES = [
	{ valeur: 'mois', libelle: 'Par mois', mois: 1 },
	{ valeur: 'trimestre', libelle: 'Par trimestre', mois: 3 },
	{ valeur: 'semestre', libelle: 'Par semestre', mois: 6 },
	{ valeur: 'annee', libelle: 'Par année', mois: 12 }
] as const;
export type Rythme = (typeof RYTHMES)[number]['valeur'];

/** More would be a typo in a date, not a project. */
export const PERIODES_MAX = 120;

export type Periode = { libelle: string; debut: string; fin: string };

const rang = (n: number) => (n === 1 ? '1er' : `${n}e`);

/** A calendar day as « 2027-03-10 »; dates are days, never times, so UTC throughout. */
const jour = (d: Date) => d.toISOString().slice(0, 10);
const lireJour = (s: string) => new Date(`${s}T00:00:00Z`);

/** « mars 2027 », « 2e trimestre 2027 », « 1er semestre 2028 », « année 2027 ». */
export function libelleDe(rythme: Rythme, annee: number, moisDebut: number): string {
	switch (rythme) {
		case 'mois':
			return formaterMois(`${annee}-${String(moisDebut + 1).padStart(2, '0')}`);
		case 'trimestre':
			return `${rang(moisDebut / 3 + 1)} trimestre ${annee}`;
		case 'semestre':
			return `${rang(moisDebut / 6 + 1)} semestre ${annee}`;
		case 'annee':
			return `année ${annee}`;
	}
}

/** The periods from `debut` to `fin` (both included), or the reason they cannot be cut. */
export function decouper(debut: string, fin: string, rythme: Rythme): { ok: true; periodes: Periode[] } | { ok: false; message: string } {
	const pas = RYTHMES.find((r) => r.valeur === rythme)!.mois;
	const d = lireJour(debut);
	const f = lireJour(fin);
	if (f < d) return { ok: false, message: 'La fin prévue du projet précède son début : corrigez ses dates dans « Identité du projet ».' };
	const periodes: Periode[] = [];
	// The calendar period that holds the start: January, April, July or October for quarters…
	let annee = d.getUTCFullYear();
	let mois = Math.floor(d.getUTCMonth() / pas) * pas;
	while (true) {
		const ouverture = new Date(Date.UTC(annee, mois, 1));
		if (ouverture > f) break;
		const cloture = new Date(Date.UTC(annee, mois + pas, 0));
		periodes.push({ libelle: libelleDe(rythme, annee, mois), debut: jour(ouverture < d ? d : ouverture), fin: jour(cloture > f ? f : cloture) });
		if (periodes.length > PERIODES_MAX)
			return { ok: false, message: `Cela ferait plus de ${PERIODES_MAX} périodes : choisissez un rythme plus long, ou vérifiez les dates du projet.` };
		mois += pas;
		if (mois >= 12) {
			mois -= 12;
			annee += 1;
		}
	}
	return { ok: true, periodes };
}

/** Two periods overlap when each starts before the other ends (days included). */
export const chevauche = (a: Pick<Periode, 'debut' | 'fin'>, b: Pick<Periode, 'debut' | 'fin'>) => a.debut <= b.fin && b.debut <= a.fin;

const dateValide = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && jour(lireJour(s)) === s;
const champDate = (manquant: string) =>
	z
		.string()
		.trim()
		.min(1, manquant)
		.refine(dateValide, 'Indiquez une date valide, au format jj/mm/aaaa.');

export const schemaDecoupage = z.object({
	rythme: z.enum(RYTHMES.map((r) => r.valeur) as [Rythme, ...Rythme[]], { error: 'Choisissez un rythme parmi ceux proposés.' })
});

/** A period typed by hand: its dates, and a name (made from its dates when left empty). */
export const schemaPeriode = z
	.object({
		libelle: z.string().trim().max(100, 'Le nom de la période ne peut dépasser 100 caractères.').optional(),
		debut: champDate('Indiquez le premier jour de la période.'),
		fin: champDate('Indiquez le dernier jour de la période.')
	})
	.refine((p) => p.fin >= p.debut, { path: ['fin'], message: 'Le dernier jour de la période précède le premier.' });

/** « du 10 mars 2027 au 30 juin 2027 », for a name left empty and for messages. */
export const duAu = (debut: string, fin: string) => `du ${formaterJour(debut)} au ${formaterJour(fin)}`;
