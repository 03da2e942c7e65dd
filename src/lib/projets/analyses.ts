// What the workspace computes from a section: budget totals and consistency, the warning on
// indicators in France, the timeline. Pure functions, shared by the pages and the exports.
import { formaterMoisCourt } from '../dates.ts';
import { CATEGORIES_BUDGET, COTES, IMPLICATIONS, libelleOption, lignes, SERVICES, TYPES_FINANCEMENT, type Donnees, type Option } from './sections.ts';

const nombre = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arrondi = (n: number) => Math.round(n * 100) / 100;

/** A spending line's amount in euros: other currencies at the rate the user gave. */
export function enEuros(l: Record<string, unknown>): number {
	const devise = typeof l.devise === 'string' && l.devise ? l.devise.toUpperCase() : 'EUR';
	return arrondi(nombre(l.montant) * (devise === 'EUR' ? 1 : nombre(l.taux)));
}

export interface Part {
	cle: string;
	libelle: string;
	montant: number;
	/** Share of the total, in percent (0 when the total is 0). */
	part: number;
}

const parts = (montants: Map<string, number>, libelles: readonly { valeur: string; libelle: string }[], total: number): Part[] =>
	libelles
		.filter((o) => montants.has(o.valeur))
		.map((o) => ({ cle: o.valeur, libelle: o.libelle, montant: arrondi(montants.get(o.valeur)!), part: total ? Math.round((montants.get(o.valeur)! / total) * 1000) / 10 : 0 }));

function somme<T extends Record<string, unknown>>(rangs: T[], cle: (l: T) => unknown, montant: (l: T) => number) {
	const m = new Map<string, number>();
	for (const l of rangs) {
		const k = typeof cle(l) === 'string' && cle(l) ? (cle(l) as string) : 'autre';
		m.set(k, (m.get(k) ?? 0) + montant(l));
	}
	return m;
}

export interface Bilan {
	depenses: number;
	financements: number;
	/** Funding minus costs: 0 when balanced. */
	ecart: number;
	parCategorie: Part[];
	parCote: Part[];
	parType: Part[];
	/** Funding already granted, in euros. */
	acquis: number;
	equilibre: boolean;
}

export function bilanBudget(d: Donnees | undefined): Bilan {
	const depenses = lignes(d, 'depenses');
	const financements = lignes(d, 'financements');
	const totalD = arrondi(depenses.reduce((t, l) => t + enEuros(l), 0));
	const totalF = arrondi(financements.reduce((t, l) => t + nombre(l.montant), 0));
	const autres = [{ valeur: 'autre', libelle: 'Non précisé' }];
	return {
		depenses: totalD,
		financements: totalF,
		ecart: arrondi(totalF - totalD),
		parCategorie: parts(somme(depenses, (l) => l.categorie, enEuros), [...CATEGORIES_BUDGET, ...autres], totalD),
		parCote: parts(somme(depenses, (l) => l.cote, enEuros), [...COTES, ...autres], totalD),
		parType: parts(somme(financements, (l) => l.type, (l) => nombre(l.montant)), [...TYPES_FINANCEMENT.filter((t) => t.valeur !== 'autre'), { valeur: 'autre', libelle: 'Autre financeur' }], totalF),
		acquis: arrondi(financements.filter((l) => l.statut === 'acquis').reduce((t, l) => t + nombre(l.montant), 0)),
		equilibre: Math.abs(totalF - totalD) < 0.005
	};
}

/** The workspace's warnings on a section, in French: what the method insists on. */
export function avertissements(slug: string, d: Donnees | undefined): string[] {
	const a: string[] = [];
	if (slug === 'cadre-logique') {
		const indicateurs = lignes(d, 'indicateurs');
		if (!indicateurs.some((l) => l.cote === 'ici' || l.cote === 'les-deux'))
			a.push('Aucun indicateur ne mesure les effets en France. La méthode y insiste : une coopération qui ne change rien ici perd vite le soutien des élus et des services. Ajoutez au moins un indicateur « Ici » ou « Les deux ».');
	}
	if (slug === 'budget') {
		const b = bilanBudget(d);
		if ((b.depenses || b.financements) && !b.equilibre) {
			const f = formatEuros(Math.abs(b.ecart));
			a.push(b.ecart < 0 ? `Les financements ne couvrent pas les dépenses : il manque ${f}.` : `Les financements dépassent les dépenses de ${f}.`);
		}
	}
	return a;
}

export const formatEuros = (n: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 }).format(n).replace(/\u202f/g, '\u00a0');

export interface Barre {
	activite: string;
	responsable: string;
	debut: string;
	fin: string;
	/** Position and width as a share of the whole period, from 0 to 1. */
	x: number;
	largeur: number;
}

const jour = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The timeline of the calendar section: one bar per dated activity, and the months to mark. */
export function frise(d: Donnees | undefined): { barres: Barre[]; debut?: string; fin?: string; mois: { libelle: string; x: number }[] } {
	const dates = lignes(d, 'activites').filter((l) => typeof l.debut === 'string' && typeof l.fin === 'string' && l.debut && l.fin) as Record<string, string>[];
	if (!dates.length) return { barres: [], mois: [] };
	const debut = dates.map((l) => l.debut!).sort()[0]!;
	const fin = dates.map((l) => l.fin!).sort().at(-1)!;
	const d0 = jour(debut);
	const duree = Math.max(1, jour(fin) - d0 + 1);
	const barres = dates.map((l) => ({
		activite: l.activite ?? '',
		responsable: l.responsable ?? '',
		debut: l.debut!,
		fin: l.fin!,
		x: (jour(l.debut!) - d0) / duree,
		largeur: Math.max(1, jour(l.fin!) - jour(l.debut!) + 1) / duree
	}));
	// Month ticks, thinned out so that labels do not overlap on long projects.
	const mois: { libelle: string; x: number }[] = [];
	const [a, m] = debut.split('-').map(Number) as [number, number];
	const total = (Number(fin.slice(0, 4)) - a) * 12 + Number(fin.slice(5, 7)) - m + 1;
	const pas = Math.max(1, Math.ceil(total / 12));
	for (let i = 0; i < total; i += pas) {
		const date = new Date(Date.UTC(a, m - 1 + i, 1));
		const iso = date.toISOString().slice(0, 10);
		mois.push({ libelle: formaterMoisCourt(iso), x: Math.max(0, (jour(iso) - d0) / duree) });
	}
	return { barres, debut, fin, mois };
}

/** The services × activities matrix of the cross-service section: each cell, how the service takes part. */
export function matriceTransversale(d: Donnees | undefined, listeActivites: readonly Option[] = []) {
	const rangs = lignes(d, 'services').filter((l) => typeof l.service === 'string' && l.service);
	// Columns in the order of the project's list of activities.
	const choisies = new Set(rangs.map((l) => l.activite));
	const ids = listeActivites.filter((a) => choisies.has(a.valeur)).map((a) => a.valeur);
	const services = [...new Set(rangs.map((l) => l.service as string))];
	return {
		activites: ids.map((id) => libelleOption(listeActivites, id)),
		lignes: services.map((s) => {
			const siens = rangs.filter((l) => l.service === s);
			return {
				service: libelleOption(SERVICES, s),
				referents: [...new Set(siens.map((l) => (typeof l.referent === 'string' ? l.referent : '')).filter(Boolean))].join(', '),
				cellules: ids.map((a) =>
					siens
						.filter((l) => l.activite === a)
						.map((l) => libelleOption(IMPLICATIONS, l.implication) || 'Concerné')
						.join(', ')
				)
			};
		})
	};
}
