import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface DepartementBrut {
	code: string;
	nom: string;
	region: string;
	zone: string;
}
interface RegionBrute {
	code: string;
	nom: string;
}

export interface Departement {
	code: string;
	nom: string;
	/** The region's name, and its INSEE code. */
	region: string;
	regionCode: string;
}

const departementsBruts = require('@etalab/decoupage-administratif/data/departements.json') as DepartementBrut[];
const regionsBrutes = require('@etalab/decoupage-administratif/data/regions.json') as RegionBrute[];
const nomsRegions = new Map(regionsBrutes.map((r) => [r.code, r.nom]));

/** The 101 départements (metropolitan and overseas), from the official administrative split. */
export const DEPARTEMENTS: readonly Departement[] = departementsBruts
	.filter((d) => d.zone === 'metro' || d.zone === 'drom')
	.map((d) => ({ code: d.code, nom: d.nom, region: nomsRegions.get(d.region) ?? '', regionCode: d.region }));

const parCode = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

export const departement = (code: string) => parCode.get(code);

const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));

/** French name of a country from its ISO 3166-1 alpha-2 code, or undefined when unknown. */
export function nomPays(code: string): string | undefined {
	if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) return undefined;
	return countries.getName(code, 'fr', { select: 'official' }) ?? undefined;
}

export interface Region {
	code: string;
	nom: string;
	/** How many départements it has: an overseas region has one, and naming it names that Département. */
	departements: number;
}

/** The 18 regions (13 metropolitan, 5 overseas), by name. */
export const REGIONS: readonly Region[] = regionsBrutes
	.filter((r) => DEPARTEMENTS.some((d) => d.regionCode === r.code))
	.map((r) => ({ code: r.code, nom: r.nom, departements: DEPARTEMENTS.filter((d) => d.regionCode === r.code).length }))
	.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

const regionParCode = new Map(REGIONS.map((r) => [r.code, r]));

/** A region by its INSEE code (« 76 » is Occitanie). */
export const region = (code: string) => regionParCode.get(code);

/** Every country with its French name, sorted by name (for pickers). */
export function listePays(): { code: string; nom: string }[] {
	return Object.keys(countries.getAlpha2Codes())
		.map((code) => ({ code, nom: nomPays(code) ?? code }))
		.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

interface CommuneBrute {
	code: string;
	nom: string;
	departement?: string;
	type: string;
}
interface EpciBrut {
	code: string;
	nom: string;
}
// 37,000 communes: read on first use only.
let communes: Map<string, CommuneBrute> | undefined;
let epcis: Map<string, EpciBrut> | undefined;

/** A current commune by its INSEE code (« 44109 » is Nantes). */
export function commune(code: string): { code: string; nom: string; departement?: string } | undefined {
	communes ??= new Map(
		(require('@etalab/decoupage-administratif/data/communes.json') as CommuneBrute[])
			.filter((c) => c.type === 'commune-actuelle')
			.map((c) => [c.code, c])
	);
	const c = communes.get(code);
	return c && { code: c.code, nom: c.nom, departement: c.departement };
}

/** An intercommunality (EPCI) by its SIREN number. */
export function epci(code: string): { code: string; nom: string } | undefined {
	epcis ??= new Map((require('@etalab/decoupage-administratif/data/epci.json') as EpciBrut[]).map((e) => [e.code, e]));
	const e = epcis.get(code);
	return e && { code: e.code, nom: e.nom };
}
