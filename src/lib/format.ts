// Formatting shared by pages (French conventions).

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 2016-09 » → « septembre 2016 »; « 2016 » → « 2016 ». */
export function formaterMois(valeur: string): string {
	const [annee, mois] = valeur.split('-');
	return mois ? `${MOIS[Number(mois) - 1]} ${annee}` : annee!;
}

export function formaterPeriode(debut: string, fin: string | null): string {
	if (!fin) return `depuis ${formaterMois(debut)} (en cours)`;
	if (debut === fin) return formaterMois(debut);
	return `de ${formaterMois(debut)} à ${formaterMois(fin)}`;
}

/** Years only, for cards: « 2016–2019 », « depuis 2021 ». */
export function formaterAnnees(debut: string, fin: string | null): string {
	const a = debut.slice(0, 4);
	if (!fin) return `depuis ${a}`;
	const b = fin.slice(0, 4);
	return a === b ? a : `${a}–${b}`;
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
export const formaterEuros = (montant: number) => euros.format(montant);

export const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`) =>
	`${n} ${n > 1 ? plurielForme : singulier}`;

/** The page title: « Page — Terrinclus ». */
export const titrePage = (titre?: string) => (titre ? `${titre} — Terrinclus` : 'Terrinclus — kit méthodologique pour la coopération internationale');

const dateHeure = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
/** « 24 novembre 2026 à 16:05 », Paris time. */
export const formaterDateHeure = (iso: string) => dateHeure.format(new Date(iso));
