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
