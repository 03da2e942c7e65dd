// Formatting shared by pages (French conventions).

// Dates are formatted in one place, dates.ts; fiches' periods are re-exported for their pages.
export { formaterAnnees, formaterMois, formaterPeriode } from './dates.ts';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const formaterEuros = (montant: number) => euros.format(montant);

export const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`) =>
	`${n} ${n > 1 ? plurielForme : singulier}`;

/** The page title: « Page — Terrinclus ». */
export const titrePage = (titre?: string) => (titre ? `${titre} — Terrinclus` : 'Terrinclus — kit méthodologique pour la coopération internationale');
