// The map « Les projets, ici et là-bas », drawn on the server as SVG with d3-geo. The outlines
// (fonds/, prepared by scripts/carte.ts) are projected once per process; each request only
// adds the counts, the shading and the links.
import { geoCentroid, geoConicConformal, geoMercator, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { sql } from 'drizzle-orm';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../db/index.ts';
import type { StatutFiche } from '../db/schema.ts';
import { projetsPublics } from '../projets/projets.ts';
import { departement, nomPays, region } from '../referentiels/territoires.ts';

import departementsJson from './fonds/departements.json' with { type: 'json' };
import paysJson from './fonds/pays.json' with { type: 'json' };
import regionsJson from './fonds/regions.json' with { type: 'json' };

type Fond = FeatureCollection<Polygon | MultiPolygon, { code: string; nom?: string }>;
const DEPARTEMENTS = departementsJson as unknown as Fond;
const PAYS = paysJson as unknown as Fond;
const REGIONS_METROPOLE = regionsJson as unknown as Fond;

import { HAUTEUR_FRANCE, HAUTEUR_MONDE, LARGEUR_FRANCE, LARGEUR_MONDE } from '../../carte.ts';
import { accorder } from '../../francais.ts';

/** The five overseas départements, drawn in boxes beside metropolitan France. */
const OUTRE_MER = ['971', '972', '973', '974', '976'];
const CADRE = 96;

interface Forme {
	code: string;
	nom: string;
	d: string;
}

interface Fonds {
	metropole: Forme[];
	/** Metropolitan regions, where fiches named by their region alone (examples) are drawn. */
	regions: Forme[];
	encarts: (Forme & { x: number; y: number })[];
	pays: Forme[];
	/** Where each département and country sits on the world map, for markers and lines. */
	centresMonde: Map<string, [number, number]>;
	projectionMonde: GeoProjection;
}

let fonds: Fonds | undefined;

/** Projects the outlines once: a few tens of milliseconds, then kept. */
function preparerFonds(): Fonds {
	const metropole = DEPARTEMENTS.features.filter((f) => !OUTRE_MER.includes(f.properties.code));
	// Lambert-93's cone: the projection of French official maps.
	const lambert = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitExtent([[CADRE + 14, 8], [LARGEUR_FRANCE - 8, HAUTEUR_FRANCE - 8]], { type: 'FeatureCollection', features: metropole });
	const chemin = (p: GeoProjection) => geoPath(p).digits(1);
	const encarts = OUTRE_MER.map((code, i) => {
		const f = DEPARTEMENTS.features.find((x) => x.properties.code === code)!;
		const x = 4;
		const y = 8 + i * (CADRE + 22);
		const p = geoMercator().fitExtent([[x + 4, y + 4], [x + CADRE - 4, y + CADRE - 4]], f);
		return { code, nom: f.properties.nom ?? code, d: chemin(p)(f) ?? '', x, y };
	});
	const projectionMonde = geoNaturalEarth1().fitExtent([[4, 4], [LARGEUR_MONDE - 4, HAUTEUR_MONDE - 4]], PAYS);
	const cheminMonde = chemin(projectionMonde);
	const centresMonde = new Map<string, [number, number]>();
	for (const f of DEPARTEMENTS.features) centresMonde.set(`departement:${f.properties.code}`, projectionMonde(geoCentroid(f))!);
	for (const f of PAYS.features) centresMonde.set(`pays:${f.properties.code}`, projectionMonde(geoCentroid(plusGrandePartie(f)))!);
	for (const f of REGIONS_METROPOLE.features) centresMonde.set(`region:${f.properties.code}`, projectionMonde(geoCentroid(plusGrandePartie(f)))!);
	return {
		metropole: metropole.map((f) => ({ code: f.properties.code, nom: f.properties.nom ?? f.properties.code, d: chemin(lambert)(f) ?? '' })),
		regions: REGIONS_METROPOLE.features.map((f) => ({ code: f.properties.code, nom: f.properties.nom ?? f.properties.code, d: chemin(lambert)(f) ?? '' })),
		encarts,
		pays: PAYS.features.map((f) => ({ code: f.properties.code, nom: nomPays(f.properties.code) ?? f.properties.code, d: cheminMonde(f) ?? '' })).filter((p) => p.d),
		centresMonde,
		projectionMonde
	};
}

/** A country's largest polygon: its centre is on its mainland, not between its islands. */
function plusGrandePartie(f: Feature<Polygon | MultiPolygon>): Feature<Polygon> {
	if (f.geometry.type === 'Polygon') return f as Feature<Polygon>;
	const aire = (anneau: number[][]) => Math.abs(anneau.reduce((s, p, i) => s + p[0]! * (anneau[(i + 1) % anneau.length]![1]! - anneau[(i + 1) % anneau.length]![0]! * p[1]!), 0));
	const plus = f.geometry.coordinates.reduce((a, b) => (aire(b[0]!) > aire(a[0]!) ? b : a));
	return { type: 'Feature', properties: f.properties, geometry: { type: 'Polygon', coordinates: plus } };
}

/** Shading class of a count: 0 (none), 1, 2 (2–3), 3 (4 or more). */
export const classe = (n: number) => (n === 0 ? 0 : n === 1 ? 1 : n <= 3 ? 2 : 3);

const lignes = <T>(r: unknown) => (r as { rows: T[] }).rows;

type Ici = 'departement' | 'region';

/**
 * Fiches per département, per region named alone (how many of them examples), per partner
 * country, and per pair of a place here and a country, counting the fiches a reader may see.
 */
export async function comptesTerritoires(db: Database, statuts: StatutFiche[]) {
	const lisibles = sql.join(statuts.map((s) => sql`${s}`), sql`, `);
	const [territoires, paires] = await Promise.all([
		db.execute(sql`
			select t.type, t.code, count(distinct t.fiche_id)::int as n, count(distinct t.fiche_id) filter (where f.exemple)::int as exemples
			from fiches_territoires t join fiches f on f.id = t.fiche_id
			where f.statut in (${lisibles}) group by t.type, t.code`),
		db.execute(sql`
			select d.type, d.code, p.code as pays, count(distinct d.fiche_id)::int as n, bool_and(f.exemple) as exemple
			from fiches_territoires d
			join fiches_territoires p on p.fiche_id = d.fiche_id and p.type = 'pays'
			join fiches f on f.id = d.fiche_id
			where d.type in ('departement', 'region') and f.statut in (${lisibles})
			group by d.type, d.code, p.code`)
	]);
	const t = lignes<{ type: Ici | 'pays'; code: string; n: number; exemples: number }>(territoires);
	return {
		departements: new Map(t.filter((x) => x.type === 'departement').map((x) => [x.code, x.n])),
		regions: new Map(t.filter((x) => x.type === 'region').map((x) => [x.code, { n: x.n, exemples: x.exemples }])),
		pays: new Map(t.filter((x) => x.type === 'pays').map((x) => [x.code, x.n])),
		paires: lignes<{ type: Ici; code: string; pays: string; n: number; exemple: boolean }>(paires)
	};
}


/** « Occitanie : 2 fiches d'exemple (localisation fictive) », or « Bretagne : 1 fiche » for real ones. */
function libelleRegion(nom: string, r: { n: number; exemples: number }) {
	if (r.exemples === r.n) return `${nom} : ${r.n > 1 ? `${r.n} fiches d’exemple` : '1 fiche d’exemple'} (localisation fictive)`;
	return `${nom} : ${accorder(r.n, 'fiche portée')}${r.exemples ? `, dont ${r.exemples} d’exemple (localisation fictive)` : ''}`;
}

/** Everything the page draws and lists. */
export async function carte(db: Database, statuts: StatutFiche[]) {
	fonds ??= preparerFonds();
	const f = fonds;
	const c = await comptesTerritoires(db, statuts);
	const dep = (code: string) => {
		const n = c.departements.get(code) ?? 0;
		return { n, href: n > 0 ? `/recherche?departement=${code}` : undefined };
	};
	const nomDep = (code: string) => departement(code)?.nom ?? code;
	const nomRegion = (code: string) => region(code)?.nom ?? code;
	const nomIci = (type: Ici, code: string) => (type === 'departement' ? nomDep(code) : `${nomRegion(code)} (région)`);
	const habiller = <T extends Forme>(forme: T, n: number, href: string | undefined, libelle: string) => ({ ...forme, n, classe: classe(n), href, libelle });

	const metropole = f.metropole.map((x) => {
		const d = dep(x.code);
		return habiller(x, d.n, d.href, `${nomDep(x.code)} (${x.code}) : ${accorder(d.n, 'fiche portée')}`);
	});
	const encarts = f.encarts.map((x) => {
		const d = dep(x.code);
		return { ...habiller(x, d.n, d.href, `${nomDep(x.code)} (${x.code}) : ${accorder(d.n, 'fiche portée')}`), nomCourt: nomDep(x.code) };
	});
	// Regions with fiches placed by region alone, drawn over the départements; hatched when all are examples.
	const regions = f.regions.flatMap((x) => {
		const r = c.regions.get(x.code);
		if (!r) return [];
		return [{ ...habiller(x, r.n, `/recherche?region=${x.code}`, libelleRegion(nomRegion(x.code), r)), exemple: r.exemples === r.n }];
	});
	const pays = f.pays.map((x) => {
		const n = c.pays.get(x.code) ?? 0;
		return habiller(x, n, n > 0 ? `/recherche?pays=${x.code}` : undefined, `${x.nom} : ${accorder(n, 'fiche partenaire')}`);
	});
	// Lines from each carrying département or region to each partner country: great-circle arcs.
	const cheminMonde = geoPath(f.projectionMonde).digits(1);
	const centreGeo = (type: Ici, code: string) => {
		if (type === 'departement') {
			const feat = DEPARTEMENTS.features.find((x) => x.properties.code === code);
			return feat ? geoCentroid(feat) : undefined;
		}
		const feat = REGIONS_METROPOLE.features.find((x) => x.properties.code === code);
		return feat ? geoCentroid(plusGrandePartie(feat)) : undefined;
	};
	const centrePaysGeo = (code: string) => {
		const feat = PAYS.features.find((x) => x.properties.code === code);
		return feat ? geoCentroid(plusGrandePartie(feat)) : undefined;
	};
	const liens = c.paires.flatMap((p) => {
		const a = centreGeo(p.type, p.code);
		const b = centrePaysGeo(p.pays);
		if (!a || !b) return [];
		return [{ cle: `${p.type}-${p.code}-${p.pays}`, exemple: p.exemple, d: cheminMonde({ type: 'LineString', coordinates: [a, b] }) ?? '' }];
	});
	// Projects in progress made public by their team: dashed lines, listed apart.
	const enCours = await projetsPublics(db);
	const liensProjets = enCours.flatMap((p) =>
		p.departements.flatMap((dep) =>
			p.pays.flatMap((code) => {
				const a = centreGeo('departement', dep);
				const b = centrePaysGeo(code);
				return a && b ? [{ cle: `${p.id}-${dep}-${code}`, d: cheminMonde({ type: 'LineString', coordinates: [a, b] }) ?? '' }] : [];
			})
		)
	);
	const tableProjets = enCours.map((p) => ({ id: p.id, titre: p.titre, porteur: p.porteur, ici: p.departements.map(nomDep), labas: p.pays.map((x) => nomPays(x) ?? x) }));
	const arrondi = (v: number) => Math.round(v * 10) / 10;
	const marqueurs = [
		...[...c.departements.entries()].flatMap(([code, n]) => {
			const centre = f.centresMonde.get(`departement:${code}`);
			return centre
				? [{ cle: `departement-${code}`, exemple: false, x: arrondi(centre[0]), y: arrondi(centre[1]), libelle: `${nomDep(code)} (${code}) : ${accorder(n, 'fiche portée')}`, href: `/recherche?departement=${code}` }]
				: [];
		}),
		...[...c.regions.entries()].flatMap(([code, r]) => {
			const centre = f.centresMonde.get(`region:${code}`);
			return centre
				? [{ cle: `region-${code}`, exemple: r.exemples === r.n, x: arrondi(centre[0]), y: arrondi(centre[1]), libelle: libelleRegion(nomRegion(code), r), href: `/recherche?region=${code}` }]
				: [];
		})
	];

	// The same data as tables.
	const partenairesDe = (type: Ici, code: string) =>
		c.paires.filter((p) => p.type === type && p.code === code).map((p) => nomPays(p.pays) ?? p.pays).sort((a, b) => a.localeCompare(b, 'fr'));
	const iciDe = (code: string) =>
		c.paires
			.filter((p) => p.pays === code)
			.map((p) => (p.type === 'region' && p.exemple ? `${nomIci(p.type, p.code)}, localisation fictive` : nomIci(p.type, p.code)))
			.sort((a, b) => a.localeCompare(b, 'fr'));
	const tableDepartements = [...c.departements.entries()]
		.map(([code, n]) => ({ code, nom: nomDep(code), region: departement(code)?.region ?? '', n, href: `/recherche?departement=${code}`, partenaires: partenairesDe('departement', code) }))
		.sort((a, b) => b.n - a.n || a.nom.localeCompare(b.nom, 'fr'));
	const tableRegions = [...c.regions.entries()]
		.map(([code, r]) => ({ code, nom: nomRegion(code), n: r.n, exemples: r.exemples, href: `/recherche?region=${code}`, partenaires: partenairesDe('region', code) }))
		.sort((a, b) => b.n - a.n || a.nom.localeCompare(b.nom, 'fr'));
	const tablePays = [...c.pays.entries()]
		.map(([code, n]) => ({ code, nom: nomPays(code) ?? code, n, href: `/recherche?pays=${code}`, ici: iciDe(code) }))
		.sort((a, b) => b.n - a.n || a.nom.localeCompare(b.nom, 'fr'));

	return { metropole, encarts, regions, pays, liens, liensProjets, marqueurs, tableDepartements, tableRegions, tablePays, tableProjets };
}
