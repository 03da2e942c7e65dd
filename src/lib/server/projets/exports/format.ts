// How the exports write dates, amounts and text: one place, so that a change of convention
// (time zones, typography) is made once for the Word, PDF and Excel files.

/** The time zone the dossier's dates are written in. */
export const FUSEAU_DOSSIER = 'Europe/Paris';

const jourMoisAnnee = (fuseau: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: fuseau });

/**
 * « 1er mars 2027 », « 15 mai 2027 ». A calendar date (« 2027-03-01 », as typed in a form) is
 * written as such; an instant (a Date) is written in the dossier's time zone.
 */
export function dateDuDossier(valeur: string | Date, fuseau = FUSEAU_DOSSIER): string {
	if (valeur === '') return '';
	const instant = typeof valeur === 'string' ? new Date(`${valeur.slice(0, 10)}T00:00:00Z`) : valeur;
	if (Number.isNaN(instant.getTime())) return typeof valeur === 'string' ? valeur : '';
	const parties = jourMoisAnnee(typeof valeur === 'string' ? 'UTC' : fuseau).formatToParts(instant);
	return parties.map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

const MOIS_COURTS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
/** A month's short French name, 1 to 12. */
export const moisCourt = (mois: number) => MOIS_COURTS[mois - 1]!;

const formats = new Map<string, Intl.NumberFormat>();
function formatMonetaire(devise: string) {
	let f = formats.get(devise);
	if (!f) {
		f = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: devise });
		formats.set(devise, f);
	}
	return f;
}

/** « 38 500,50 € », « 6 559 570 F CFA »: French grouping and decimals, the currency's own sign. */
export function montant(n: number, devise = 'EUR'): string {
	const code = devise.trim().toUpperCase() || 'EUR';
	try {
		return formatMonetaire(code).format(n);
	} catch {
		// A code Intl does not take (typed freely in the budget form): the number, then the code.
		return `${nombre(n)} ${code}`;
	}
}

const nombres = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 8 });
/** « 38 500,5 », « 0,00152449 ». */
export const nombre = (n: number) => nombres.format(n);

/** « 12,5 % ». */
export const pourcentage = (n: number) => `${n.toLocaleString('fr-FR')}\u00a0%`;

/**
 * Text as typed, ready for a document: line breaks as \n only (browsers send CRLF), NFC (so
 * that accents are single characters), no control characters, no trailing spaces on lines.
 */
export function texteDuDossier(s: string): string {
	return s
		.replace(/\r\n?/g, '\n')
		.normalize('NFC')
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
		.replace(/[ \t]+\n/g, '\n')
		.trim();
}
