// Every date and time shown by the site, its mails and its exports, in French and in the
// reader's time zone (IANA name; Europe/Paris for visitors and by default). Pure: pages,
// server and tests share it.

export const FUSEAU_PAR_DEFAUT = 'Europe/Paris';

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Non-breaking space: « 14 h 05 » and « 1er décembre » never split across lines. */
const INS = '\u00a0';

/** The zones this runtime knows, by their canonical IANA names (UTC apart: not in the list). */
let connus: ReadonlySet<string> | undefined;
const fuseauxConnus = () => (connus ??= new Set(Intl.supportedValuesOf('timeZone')));

/**
 * The canonical IANA name of a time zone (« Asia/Kolkata » → « Asia/Calcutta », as the
 * runtime names it), or undefined when it is not one.
 */
const canoniques = new Map<string, string>();
export function fuseauValide(nom: unknown): string | undefined {
	if (typeof nom !== 'string' || !nom || nom.length > 64) return undefined;
	const deja = canoniques.get(nom);
	if (deja) return deja;
	let canonique: string;
	try {
		canonique = new Intl.DateTimeFormat('en', { timeZone: nom }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
	if (canonique !== 'UTC' && !fuseauxConnus().has(canonique)) return undefined;
	// Only valid names are kept: at most the few hundred zones there are.
	canoniques.set(nom, canonique);
	return canonique;
}

const fuseauOuDefaut = (fuseau: string | null | undefined) => fuseauValide(fuseau) ?? FUSEAU_PAR_DEFAUT;

/** French names of the places partners live in, and of the French overseas territories. */
const LIEUX: Record<string, { ville: string; pays?: string }> = {
	'Europe/Paris': { ville: 'Paris', pays: 'France métropolitaine' },
	'Africa/Dakar': { ville: 'Dakar', pays: 'Sénégal' },
	'Asia/Beirut': { ville: 'Beyrouth', pays: 'Liban' },
	'America/Bogota': { ville: 'Bogota', pays: 'Colombie' },
	'Indian/Antananarivo': { ville: 'Antananarivo', pays: 'Madagascar' },
	'America/Port-au-Prince': { ville: 'Port-au-Prince', pays: 'Haïti' },
	'Africa/Tunis': { ville: 'Tunis', pays: 'Tunisie' },
	'Africa/Casablanca': { ville: 'Casablanca', pays: 'Maroc' },
	'Africa/Algiers': { ville: 'Alger', pays: 'Algérie' },
	'Africa/Abidjan': { ville: 'Abidjan', pays: 'Côte d’Ivoire' },
	'Africa/Bamako': { ville: 'Bamako', pays: 'Mali' },
	'Africa/Ouagadougou': { ville: 'Ouagadougou', pays: 'Burkina Faso' },
	'Africa/Porto-Novo': { ville: 'Porto-Novo', pays: 'Bénin' },
	'Africa/Lome': { ville: 'Lomé', pays: 'Togo' },
	'Africa/Niamey': { ville: 'Niamey', pays: 'Niger' },
	'Africa/Nouakchott': { ville: 'Nouakchott', pays: 'Mauritanie' },
	'Africa/Conakry': { ville: 'Conakry', pays: 'Guinée' },
	'Africa/Douala': { ville: 'Douala', pays: 'Cameroun' },
	'Africa/Kinshasa': { ville: 'Kinshasa', pays: 'République démocratique du Congo' },
	'Africa/Cairo': { ville: 'Le Caire', pays: 'Égypte' },
	'Indian/Comoro': { ville: 'Moroni', pays: 'Comores' },
	'Indian/Mauritius': { ville: 'Port-Louis', pays: 'Maurice' },
	'Asia/Saigon': { ville: 'Hô Chi Minh-Ville', pays: 'Viêt Nam' },
	'Asia/Phnom_Penh': { ville: 'Phnom Penh', pays: 'Cambodge' },
	'America/Lima': { ville: 'Lima', pays: 'Pérou' },
	'America/La_Paz': { ville: 'La Paz', pays: 'Bolivie' },
	'America/Sao_Paulo': { ville: 'São Paulo', pays: 'Brésil' },
	'America/Montreal': { ville: 'Montréal', pays: 'Canada' },
	'Indian/Reunion': { ville: 'La Réunion' },
	'Indian/Mayotte': { ville: 'Mayotte' },
	'America/Guadeloupe': { ville: 'Guadeloupe' },
	'America/Martinique': { ville: 'Martinique' },
	'America/Cayenne': { ville: 'Guyane' },
	'America/Miquelon': { ville: 'Saint-Pierre-et-Miquelon' },
	'Pacific/Noumea': { ville: 'Nouvelle-Calédonie' },
	'Pacific/Tahiti': { ville: 'Tahiti' },
	'Pacific/Wallis': { ville: 'Wallis-et-Futuna' },
	UTC: { ville: 'UTC' }
};

/** Where the partners of French cooperation mostly are: first in the account page's list. */
const PARTENAIRES = [
	'Europe/Paris',
	'Africa/Dakar',
	'Asia/Beirut',
	'America/Bogota',
	'Indian/Antananarivo',
	'America/Port-au-Prince',
	'Africa/Tunis',
	'Africa/Casablanca',
	'Africa/Algiers',
	'Africa/Abidjan',
	'Africa/Bamako',
	'Africa/Ouagadougou',
	'Africa/Porto-Novo',
	'Africa/Lome',
	'Africa/Niamey',
	'Africa/Nouakchott',
	'Africa/Conakry',
	'Africa/Douala',
	'Africa/Kinshasa',
	'Indian/Comoro',
	'Asia/Saigon',
	'Asia/Phnom_Penh'
];
const OUTRE_MER = ['Indian/Reunion', 'Indian/Mayotte', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'America/Miquelon', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis'];
const CONTINENTS: Record<string, string> = {
	Africa: 'Afrique',
	America: 'Amériques',
	Antarctica: 'Antarctique',
	Arctic: 'Arctique',
	Asia: 'Asie',
	Atlantic: 'Océan Atlantique',
	Australia: 'Australie',
	Europe: 'Europe',
	Indian: 'Océan Indien',
	Pacific: 'Océan Pacifique'
};

/** « Beyrouth », « Port-au-Prince », or the IANA city (« Buenos Aires ») when we have no French name. */
export function villeDuFuseau(fuseau: string): string {
	return LIEUX[fuseau]?.ville ?? fuseau.split('/').at(-1)!.replace(/_/g, ' ');
}

/** Places named with their article: « heure de la Réunion », « heure du Caire ». */
const ARTICLES: Record<string, string> = {
	'Indian/Reunion': 'de la Réunion',
	'America/Guadeloupe': 'de la Guadeloupe',
	'America/Martinique': 'de la Martinique',
	'America/Cayenne': 'de la Guyane',
	'Pacific/Noumea': 'de la Nouvelle-Calédonie',
	'Africa/Cairo': 'du Caire'
};

/** « heure de Paris », « heure de la Réunion »: how the zone is named next to a time. */
export function nomDuFuseau(fuseau: string | null | undefined): string {
	const f = fuseauOuDefaut(fuseau);
	if (f === 'UTC') return 'temps universel (UTC)';
	const ville = villeDuFuseau(f);
	// Territories named with their article: « heure de la Réunion », « heure de la Guadeloupe ».
	const article = ARTICLES[f];
	return `heure ${article ?? (/^[aeiouyéèêàâîôû]/i.test(ville) ? `d’${ville}` : `de ${ville}`)}`;
}

// Formatters are costly to build: one per zone, kept.
const formateurs = new Map<string, Intl.DateTimeFormat>();
const formateur = (fuseau: string, sorte: 'parties' | 'decalage') => {
	const cle = `${sorte}:${fuseau}`;
	let f = formateurs.get(cle);
	if (!f) {
		f =
			sorte === 'parties'
				? new Intl.DateTimeFormat('en-GB', { timeZone: fuseau, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
				: new Intl.DateTimeFormat('en-GB', { timeZone: fuseau, timeZoneName: 'shortOffset' });
		formateurs.set(cle, f);
	}
	return f;
};

const parties = (d: Date, fuseau: string) => {
	const p = Object.fromEntries(
		formateur(fuseau, 'parties')
			.formatToParts(d)
			.map((x) => [x.type, x.value])
	);
	return { annee: Number(p.year), mois: Number(p.month), jour: Number(p.day), heure: Number(p.hour), minute: p.minute! };
};

const instant = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** « UTC+1 », « UTC−5 », « UTC+5:30 », « UTC » at that instant (summer time included). */
export function decalageUtc(d: Date | string, fuseau: string | null | undefined): string {
	const f = fuseauOuDefaut(fuseau);
	const nom = formateur(f, 'decalage').formatToParts(instant(d)).find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
	return nom.replace('GMT', 'UTC').replace('-', '−');
}

const jourEtMois = (jour: number, mois: number) => `${jour === 1 ? '1er' : jour}${INS}${MOIS[mois - 1]}`;

/** « 1er décembre 2026 », the day of that instant in the zone. */
export function formaterDate(d: Date | string, fuseau?: string | null): string {
	const p = parties(instant(d), fuseauOuDefaut(fuseau));
	return `${jourEtMois(p.jour, p.mois)} ${p.annee}`;
}

/** « 14 h 05 », « 9 h 00 », the time of that instant in the zone. */
export function formaterHeure(d: Date | string, fuseau?: string | null): string {
	const p = parties(instant(d), fuseauOuDefaut(fuseau));
	return `${p.heure}${INS}h${INS}${p.minute}`;
}

/**
 * « 1er décembre 2026 à 14 h 05 », followed by the zone: « (heure de Paris) » by default,
 * « (heure de Paris, UTC+1) » with `zone: 'complete'` (mails, read anywhere), nothing with
 * `zone: 'sans'` (where the zone is said once for a whole table).
 */
export function formaterDateHeure(d: Date | string, fuseau?: string | null, zone: 'nom' | 'complete' | 'sans' = 'nom'): string {
	const f = fuseauOuDefaut(fuseau);
	const texte = `${formaterDate(d, f)} à ${formaterHeure(d, f)}`;
	if (zone === 'sans') return texte;
	if (zone === 'nom' || f === 'UTC') return `${texte} (${nomDuFuseau(f)})`;
	return `${texte} (${nomDuFuseau(f)}, ${decalageUtc(d, f)})`;
}

/** « à l’heure de Paris », « en temps universel (UTC) »: how a sentence says the zone. */
export const enFuseau = (fuseau?: string | null) => (fuseauOuDefaut(fuseau) === 'UTC' ? 'en temps universel (UTC)' : `à l’${nomDuFuseau(fuseau)}`);

/** A calendar day typed in a form (« 2027-01-01 »): « 1er janvier 2027 », no zone involved. */
export function formaterJour(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return `${jourEtMois(Number(m[3]), Number(m[2]))} ${m[1]}`;
}

const MOIS_COURTS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/** « 2027-01-15 » → « janv. 27 », for the ticks of a timeline. */
export function formaterMoisCourt(iso: string): string {
	const m = /^(\d{4})-(\d{2})/.exec(iso);
	return m ? `${MOIS_COURTS[Number(m[2]) - 1]}${INS}${m[1]!.slice(2)}` : iso;
}

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

export interface GroupeFuseaux {
	libelle: string;
	options: { valeur: string; libelle: string }[];
}

/**
 * Every zone for the account page's list, in groups: the partners' zones first, then the
 * French overseas territories, then each continent. Labels say the place and the offset now.
 */
export function groupesDeFuseaux(maintenant = new Date()): GroupeFuseaux[] {
	const option = (z: string) => {
		const lieu = LIEUX[z];
		const nom = lieu?.pays ? `${lieu.ville} (${lieu.pays})` : villeDuFuseau(z);
		return { valeur: z, libelle: `${nom} — ${decalageUtc(maintenant, z)}` };
	};
	const tous = [...fuseauxConnus()];
	const existe = (z: string) => fuseauxConnus().has(z);
	const deja = new Set([...PARTENAIRES, ...OUTRE_MER]);
	const continents = Object.entries(CONTINENTS).map(([prefixe, libelle]) => ({
		libelle,
		options: tous
			.filter((z) => z.startsWith(`${prefixe}/`) && !deja.has(z))
			.map((z) => ({ valeur: z, libelle: `${z.slice(prefixe.length + 1).replace(/_/g, ' ').replace(/\//g, ', ')} — ${decalageUtc(maintenant, z)}` }))
			.sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'))
	}));
	return [
		{ libelle: 'Fuseaux des partenaires', options: PARTENAIRES.filter(existe).map(option) },
		{ libelle: 'Outre-mer français', options: OUTRE_MER.filter(existe).map(option) },
		...continents.filter((g) => g.options.length),
		{ libelle: 'Autre', options: [{ valeur: 'UTC', libelle: 'Temps universel (UTC)' }] }
	];
}

/** Today's date (YYYY-MM-DD) in a time zone: the partner's day may not be Paris's. */
export function jourDans(fuseau?: string | null, maintenant = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: fuseauOuDefaut(fuseau), year: 'numeric', month: '2-digit', day: '2-digit' }).format(maintenant);
}

/** Whether a text is a real day written YYYY-MM-DD (not 2027-02-30, nor 2027-13-01). */
export function estJour(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const t = Date.parse(`${s}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}
