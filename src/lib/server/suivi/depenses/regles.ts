// The budget's execution, without the database: what was spent per line and period against
// what was planned, in euros, per side.
import { enEuros } from '#lib/projets/analyses.ts';
import { CATEGORIES_BUDGET, COTES, libelleOption, lignes, type Donnees } from '#lib/projets/sections.ts';
import { lireNombre } from '../../projets/saisie.ts';

export interface LigneBudget {
	id: string;
	libelle: string;
	categorie: string;
	cote: string;
	libelleCote: string;
	devise: string;
	/** Euros per unit of the line's currency. */
	taux: number;
	prevu: number;
	prevuEuros: number;
}

export const lignesDuBudget = (budget: Donnees | undefined): LigneBudget[] =>
	lignes(budget, 'depenses')
		.filter((l) => typeof l.id === 'string' && typeof l.montant === 'number')
		.map((l) => {
			const devise = typeof l.devise === 'string' && l.devise ? l.devise.toUpperCase() : 'EUR';
			const taux = devise === 'EUR' ? 1 : typeof l.taux === 'number' ? l.taux : 0;
			return {
				id: l.id as string,
				libelle: (typeof l.libelle === 'string' && l.libelle) || libelleOption(CATEGORIES_BUDGET, l.categorie) || 'Dépense',
				categorie: libelleOption(CATEGORIES_BUDGET, l.categorie),
				cote: typeof l.cote === 'string' ? l.cote : '',
				libelleCote: libelleOption(COTES, l.cote) || 'Côté à préciser',
				devise,
				taux,
				prevu: l.montant as number,
				prevuEuros: enEuros(l)
			};
		});

/** The amounts typed for one line, period by period: empty means nothing spent that period. */
export function lireDepenses(saisie: Record<string, string | undefined>, periodes: readonly number[]): { ok: true; montants: Map<number, number | null> } | { ok: false; erreurs: Record<string, string> } {
	const erreurs: Record<string, string> = {};
	const montants = new Map<number, number | null>();
	for (const p of periodes) {
		const brut = (saisie[`periode-${p}`] ?? '').trim();
		if (!brut) {
			montants.set(p, null);
			continue;
		}
		const n = lireNombre(brut);
		if (Number.isNaN(n)) erreurs[`periode-${p}`] = 'Indiquez un montant en chiffres, par exemple 1 250,50.';
		else if (n < 0) erreurs[`periode-${p}`] = 'Un montant dépensé ne peut être négatif.';
		else if (n > 1e12) erreurs[`periode-${p}`] = 'Ce montant est trop grand.';
		else montants.set(p, n);
	}
	return Object.keys(erreurs).length ? { ok: false, erreurs } : { ok: true, montants };
}

export interface Execution {
	prevuEuros: number;
	depenseEuros: number;
	/** Spent over planned, from 0; null when nothing was planned. */
	taux: number | null;
}

const arrondi = (n: number) => Math.round(n * 100) / 100;
const execution = (prevu: number, depense: number): Execution => ({ prevuEuros: arrondi(prevu), depenseEuros: arrondi(depense), taux: prevu > 0 ? depense / prevu : null });

/** Per line, per side (« Ici », « Là-bas ») and in all: planned against spent, in euros. */
export function executionDuBudget(lignesBudget: readonly LigneBudget[], depenses: readonly { ligne: string; montant: number }[]) {
	const depense = (l: LigneBudget) => depenses.filter((d) => d.ligne === l.id).reduce((t, d) => t + d.montant, 0);
	const parLigne = lignesBudget.map((l) => ({ id: l.id, depense: depense(l), ...execution(l.prevuEuros, depense(l) * l.taux) }));
	const somme = (filtre: (l: LigneBudget) => boolean) => {
		const siennes = lignesBudget.filter(filtre);
		return execution(siennes.reduce((t, l) => t + l.prevuEuros, 0), siennes.reduce((t, l) => t + depense(l) * l.taux, 0));
	};
	return {
		parLigne,
		parCote: COTES.map((c) => ({ cote: c.valeur, libelle: c.libelle, ...somme((l) => l.cote === c.valeur) })).filter((c) => c.prevuEuros > 0 || c.depenseEuros > 0),
		total: somme(() => true),
		/** The lines that spent more than planned: the method's warning of a budget drifting. */
		depassements: parLigne.filter((l) => l.taux !== null && l.taux > 1).map((l) => l.id)
	};
}
