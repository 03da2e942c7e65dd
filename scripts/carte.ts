// npm run carte:preparer -- [départements.geojson]
// Prepares the outlines of the map « Les projets, ici et là-bas », once, for the repository:
// the French départements (IGN Admin Express via france-geojson, Licence Ouverte) and the
// world's countries (Natural Earth via world-atlas), simplified without breaking shared
// borders (topojson-simplify) and rounded, into src/lib/server/carte/fonds/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const racine = path.resolve(import.meta.dirname, '..');
const sortie = path.join(racine, 'src/lib/server/carte/fonds');
const source = process.argv[2] ?? path.join(racine, '../shared/data/geo/departements-avec-outre-mer.geojson');

/** Keeps the given share of the points that matter most, then rounds to `decimales` decimals. */
function simplifier(collection: FeatureCollection, garder: number, decimales: number, nom: string): FeatureCollection {
	const topo = presimplify(topology({ [nom]: collection }) as unknown as Parameters<typeof presimplify>[0]);
	// quantile(t, p) is the weight above which the share p of the points lies.
	const simple = simplify(topo, quantile(topo, garder));
	const resultat = feature(simple, simple.objects[nom] as GeometryCollection) as FeatureCollection;
	const f = 10 ** decimales;
	const arrondir = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
	const geometrie = (g: Geometry): Geometry => {
		switch (g.type) {
			case 'Polygon':
				return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(arrondir)).filter((r) => r.length >= 4) };
			case 'MultiPolygon':
				return {
					type: 'MultiPolygon',
					coordinates: g.coordinates.map((p) => p.map((r) => r.map(arrondir)).filter((r) => r.length >= 4)).filter((p) => p.length > 0)
				};
			default:
				return g;
		}
	};
	return { type: 'FeatureCollection', features: resultat.features.map((x) => ({ ...x, geometry: geometrie(x.geometry) })) };
}

// ——— Départements ———
const departements = JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection;
const deps = simplifier(departements, 0.03, 3, 'departements');
deps.features = deps.features.map((f) => ({ type: 'Feature', properties: { code: f.properties!.code, nom: f.properties!.nom }, geometry: f.geometry }));

// ——— Metropolitan regions, merged from the simplified départements (shared borders match) ———
// Example fiches are placed by region only (docs/carte.md).
const decoupage = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; region: string; zone: string }[];
const nomsRegions = new Map((require('@etalab/decoupage-administratif/data/regions.json') as { code: string; nom: string }[]).map((r) => [r.code, r.nom]));
const regionDe = new Map(decoupage.filter((d) => d.zone === 'metro').map((d) => [d.code, d.region]));
const topoDeps = topology({ departements: deps }) as unknown as Topology;
const geometries = (topoDeps.objects.departements as GeometryCollection<{ code: string }>).geometries as { properties?: { code: string } }[];
const codesRegions = [...new Set(regionDe.values())].sort();
const regions: FeatureCollection = {
	type: 'FeatureCollection',
	features: codesRegions.map((code) => ({
		type: 'Feature',
		properties: { code, nom: nomsRegions.get(code) },
		geometry: merge(topoDeps, geometries.filter((g) => regionDe.get(g.properties!.code) === code) as never)
	}))
};

// ——— Countries: numeric ISO codes to alpha-2; Antarctica left out ———
const pays = require('world-atlas/countries-50m.json') as Topology;
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
const monde = feature(pays, pays.objects.countries as GeometryCollection) as FeatureCollection;
monde.features = monde.features
	.map((f): Feature | undefined => {
		const code = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id));
		return code && code !== 'AQ' ? { type: 'Feature', properties: { code }, geometry: f.geometry } : undefined;
	})
	.filter((f): f is Feature => Boolean(f));
const mondeSimple = simplifier(monde, 0.05, 2, 'pays');

mkdirSync(sortie, { recursive: true });
writeFileSync(path.join(sortie, 'departements.json'), JSON.stringify(deps));
writeFileSync(path.join(sortie, 'regions.json'), JSON.stringify(regions));
writeFileSync(path.join(sortie, 'pays.json'), JSON.stringify(mondeSimple));
console.log(
	`${deps.features.length} départements, ${regions.features.length} régions, ${mondeSimple.features.length} pays écrits dans ${path.relative(racine, sortie)}.`
);
