// The example content meets what the kit promises: a complete method, 12 honest example
// fiches covering the sources' themes and the world's regions.
import { describe, expect, it } from 'vitest';
import { lireContenu } from '../../src/lib/server/contenu/lecture.ts';
import { SECTIONS_FICHE } from '../../src/lib/server/contenu/schemas.ts';
import { DEPARTEMENTS } from '../../src/lib/server/referentiels/territoires.ts';
import { CONTENU_REEL } from '../support/contenu.ts';

const kit = lireContenu(CONTENU_REEL);
const mots = (texte: string) => texte.split(/\s+/).filter((m) => /[\p{L}\p{N}]/u.test(m)).length;
const motsEtape = (e: (typeof kit.etapes)[number]) =>
	mots(
		[
			e.pourquoi,
			...e.questionsCles,
			...e.recommandations.flatMap((r) => [r.titre, r.pourquoi, r.enPratique ?? '']),
			...e.ecueils.flatMap((x) => [x.titre, x.description]),
			...e.outils.flatMap((o) => [o.titre, o.description, o.contenu]),
			...e.autoEvaluation.map((q) => q.question)
		].join(' ')
	);

describe('the method', () => {
	it('has the 8 stages of the brief, in order', () => {
		// Typographic or straight apostrophes are both fine.
		expect(kit.etapes.map((e) => e.titre.replaceAll('’', "'"))).toEqual([
			"S'engager et poser un diagnostic partagé",
			'Construire un partenariat pluri-acteurs',
			'Impliquer les populations vulnérables comme actrices du projet',
			'Travailler en transversalité entre les services de la collectivité',
			'Concevoir et financer le projet',
			'Mettre en œuvre et suivre',
			'Évaluer les impacts, ici et là-bas',
			'Capitaliser et partager'
		]);
	});

	it.each(kit.etapes.map((e) => [e.numero, e] as const))('stage %i is complete and usable', (_n, e) => {
		expect(e.recommandations.length).toBeGreaterThanOrEqual(6);
		expect(e.recommandations.every((r) => mots(r.pourquoi) >= 30)).toBe(true);
		expect(e.questionsCles.length).toBeGreaterThanOrEqual(6);
		expect(e.ecueils.length).toBeGreaterThanOrEqual(4);
		expect(e.outils.length).toBeGreaterThanOrEqual(1);
		expect(e.autoEvaluation.length).toBeGreaterThanOrEqual(5);
		expect(mots(e.pourquoi)).toBeGreaterThanOrEqual(250);
	});

	it('makes the four stages the sources name (2, 3, 4, 7) the richest', () => {
		const riches = kit.etapes.filter((e) => [2, 3, 4, 7].includes(e.numero));
		const autres = kit.etapes.filter((e) => ![2, 3, 4, 7].includes(e.numero));
		const moinsRiche = Math.min(...riches.map(motsEtape));
		const moyenneAutres = autres.reduce((n, e) => n + motsEtape(e), 0) / autres.length;
		expect(moinsRiche).toBeGreaterThan(moyenneAutres);
		expect(Math.min(...riches.map((e) => e.outils.length))).toBeGreaterThanOrEqual(3);
	});
});

describe('the example fiches', () => {
	it('are 12, published and marked as examples', () => {
		expect(kit.fiches).toHaveLength(12);
		expect(kit.fiches.every((f) => f.exemple && f.statut === 'publiee')).toBe(true);
	});

	it.each(kit.fiches.map((f) => [f.slug, f] as const))('%s fills every section in 600 to 1,200 words', (_s, f) => {
		const corps = SECTIONS_FICHE.map(([, champ]) => f[champ]).join(' ');
		expect(mots(corps)).toBeGreaterThanOrEqual(600);
		expect(mots(corps)).toBeLessThanOrEqual(1200);
		expect(SECTIONS_FICHE.every(([, champ]) => mots(f[champ]) >= 25)).toBe(true);
		expect(f.odd.length).toBeGreaterThan(0);
		expect(f.recommandations.length).toBeGreaterThan(0);
		// Placed by its region alone, with at least one partner country.
		expect(f.regions).toHaveLength(1);
		expect(f.pays.length).toBeGreaterThan(0);
	});

	it('cover the themes the sources name and every stage', () => {
		for (const theme of [
			'implication-politique-jeunesse',
			'chantiers-insertion-international',
			'mobilite-internationale-jeunes',
			'regards-croises-professionnels',
			'acces-aux-droits'
		]) {
			expect(kit.fiches.some((f) => f.themes.includes(theme)), theme).toBe(true);
		}
		for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(kit.fiches.some((f) => f.etapes.includes(n)), `étape ${n}`).toBe(true);
	});

	it('spread over Africa, the Maghreb, the Caribbean, the Indian Ocean, the Middle East and Latin America', () => {
		const REGIONS: Record<string, string[]> = {
			'Afrique subsaharienne': ['SN', 'BJ', 'BF', 'ML', 'TG', 'CM', 'CI', 'NE', 'GN'],
			Maghreb: ['MA', 'TN', 'DZ'],
			Caraïbes: ['HT', 'CU', 'DO'],
			'Océan Indien': ['MG', 'KM', 'MU'],
			'Moyen-Orient': ['LB', 'PS', 'JO'],
			'Amérique latine': ['CO', 'PE', 'BO', 'BR', 'CL', 'EC']
		};
		const pays = new Set(kit.fiches.flatMap((f) => f.pays));
		for (const [region, codes] of Object.entries(REGIONS)) expect(codes.some((c) => pays.has(c)), region).toBe(true);
		// One region each, so that no region gathers fiches a reader could pin on one Département.
		expect(new Set(kit.fiches.flatMap((f) => f.regions)).size).toBe(12);
	});

	it('name no real organisation or person, and give no contact details', () => {
		const noms = DEPARTEMENTS.map((d) => d.nom.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
		const departementNomme = new RegExp(`(Département|Conseil départemental|Conseil général) (de la |de l'|de l’|du |des |de |d'|d’)(${noms})\\b`);
		for (const f of kit.fiches) {
			const identite = [f.porteur, ...f.partenairesIci, ...f.partenairesLaBas, ...f.contacts.flatMap((c) => [c.nom, c.role])].join('\n');
			const tout = [identite, ...SECTIONS_FICHE.map(([, c]) => f[c]), ...f.temoignages.map((t) => `${t.citation} ${t.auteur}`)].join('\n');
			expect(identite, f.slug).not.toMatch(departementNomme);
			expect(tout, f.slug).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/i);
			expect(tout, f.slug).not.toMatch(/(\+33|\b0[1-9])([ .]?\d{2}){4}\b/);
			expect(f.porteur, f.slug).toMatch(/^Une? /);
		}
	});
});

describe('the pages', () => {
	it('tell the history from the sources', () => {
		const demarche = kit.pages.find((p) => p.slug === 'la-demarche')!.corps;
		for (const fait of ['2013', '27', 'mars 2015', 'Agir en coopération pour un développement local']) expect(demarche).toContain(fait);
	});

	it('include a published accessibility statement that is honest about its audit', () => {
		const accessibilite = kit.pages.find((p) => p.slug === 'accessibilite')!.corps;
		expect(accessibilite).toMatch(/non conforme/);
		expect(accessibilite).toMatch(/Défenseur des droits/);
	});
});
