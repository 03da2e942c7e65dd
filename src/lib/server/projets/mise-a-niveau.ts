// Projects written before the logical framework was linked, brought to the linked shape
// without losing a word: specific objectives typed one per line become rows, the activities
// typed inside a result, in the participation table or in the cross-service table become the
// project's one list of activities (« Activités et calendrier »), matched by name, and every
// table row gets the id that links refer to. Idempotent: a project already linked is unchanged.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { lignes, SECTIONS, type Donnees, type Ligne } from '#lib/projets/sections.ts';
import type { Database } from '../db/index.ts';
import { parametres, projetsRevisions, projetsSections } from '../db/schema.ts';
import { ID_LIGNE, lireNombre } from './saisie.ts';

export type Sections = Record<string, Donnees>;
/** Gives a row its id; the migration derives it from the row, so that a version and its copy in the history agree. */
export type Identifiants = (graine: string) => string;

export const idDerive: Identifiants = (graine) => createHash('sha256').update(graine).digest('base64url').slice(0, 10);

const normal = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
// « 1. », « 2) » only with a space after: « 2.000 jeunes » is not a numbered line.
const puce = /^\s*(?:[-–—•*]\s*|\d+[.)]\s+)/;
const estTexte = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const stable = (v: unknown): string =>
	Array.isArray(v) ? `[${v.map(stable).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${k}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v);

/** A baseline or target typed as « 35 », « 35 % » or « 1 200 »; undefined for « 35 % (2025) » or « en hausse ». */
const nombreSeul = (v: unknown) => {
	if (typeof v === 'number') return v;
	if (typeof v !== 'string') return undefined;
	// « 1.200 » may be twelve hundred or one point two: left as typed.
	if (/^\s*\d{1,3}(\.\d{3})+\s*%?\s*$/.test(v)) return undefined;
	const n = lireNombre(v.replace(/\s*%$/, ''));
	return Number.isNaN(n) ? undefined : n;
};

export function mettreANiveau(avant: Sections, id: Identifiants = idDerive): { sections: Sections; modifiees: string[] } {
	const s: Sections = structuredClone(avant);
	const graine = (slug: string, tableau: string, i: number, l: unknown) => `${slug}|${tableau}|${i}|${stable(l)}`;

	// Specific objectives, once a text with one per line.
	const cadre = (s['cadre-logique'] ??= {});
	if (typeof cadre.objectifsSpecifiques === 'string') {
		const textes = cadre.objectifsSpecifiques
			.split(/\r?\n/)
			.map((l) => l.replace(puce, '').trim())
			.filter(Boolean);
		cadre.objectifsSpecifiques = textes.map((objectif) => ({ objectif, verification: '', hypotheses: '' }));
	}

	// Every row gets its id. A row without one was written before the link: its activity is a name.
	const anciennes = new Set<Ligne>();
	for (const section of SECTIONS) {
		const d = s[section.slug];
		if (!d) continue;
		for (const c of section.champs) {
			if (c.type !== 'tableau' || !Array.isArray(d[c.nom])) continue;
			const vus = new Set<string>();
			d[c.nom] = lignes(d, c.nom).map((l, i) => {
				let v = typeof l.id === 'string' && ID_LIGNE.test(l.id) && !vus.has(l.id) ? l.id : id(graine(section.slug, c.nom, i, l));
				while (vus.has(v)) v = id(`${v}|${i}`);
				vus.add(v);
				const r = { ...l, id: v };
				if (!('id' in l)) anciennes.add(r);
				return r;
			});
		}
	}

	// The one list of activities.
	const objectifs = lignes(cadre, 'objectifsSpecifiques');
	const resultats = lignes(cadre, 'resultats');
	const calendrier = (s.calendrier ??= {});
	const activites: Ligne[] = lignes(calendrier, 'activites');
	const parNom = new Map(activites.filter((a) => estTexte(a.activite)).map((a) => [normal(a.activite as string), a]));
	const ids = new Set(activites.map((a) => a.id));
	const activite = (nom: string, resultat: string, d: string) => {
		const trouvee = parNom.get(normal(nom));
		if (trouvee) {
			if (resultat && !trouvee.resultat) trouvee.resultat = resultat;
			return trouvee.id as string;
		}
		const nouvelle: Ligne = { id: id(`activite|${d}|${normal(nom)}`), activite: nom.trim(), resultat, debut: '', fin: '', responsable: '', hypotheses: '' };
		activites.push(nouvelle);
		parNom.set(normal(nom), nouvelle);
		ids.add(nouvelle.id);
		return nouvelle.id as string;
	};
	for (const r of resultats) {
		if (!('activites' in r)) continue;
		const texte = r.activites;
		delete r.activites;
		// A result written before the link serves the only objective, when there is one.
		if (!r.objectif) r.objectif = objectifs.length === 1 ? (objectifs[0]!.id as string) : '';
		if (estTexte(texte))
			for (const nom of texte.split(/\r?\n|;/).map((x) => x.replace(puce, '').trim()).filter(Boolean)) activite(nom, r.id as string, `resultat|${r.id}`);
	}
	const parTexte = (slug: string, tableau: string) => {
		for (const l of lignes(s[slug], tableau)) if (anciennes.has(l) && estTexte(l.activite) && !ids.has(l.activite)) l.activite = activite(l.activite, '', `${slug}|${tableau}`);
	};
	parTexte('implication', 'activites');
	parTexte('transversalite', 'services');
	if (activites.length) calendrier.activites = activites;

	// Indicators: their kind, when the old baseline and target say it without doubt.
	for (const i of lignes(cadre, 'indicateurs')) {
		if ('type' in i) continue;
		const reference = nombreSeul(i.reference);
		const cible = nombreSeul(i.cible);
		const chiffre = cible !== undefined && (reference !== undefined || !estTexte(i.reference));
		const pourcentage = chiffre && (String(i.unite ?? '').includes('%') || String(i.cible).includes('%'));
		i.type = chiffre ? (pourcentage ? 'pourcentage' : 'nombre') : '';
		i.agregation = pourcentage ? 'pourcentage' : '';
		if (chiffre) {
			i.cible = cible;
			if (reference !== undefined) i.reference = reference;
		}
		i.rattachement ??= '';
		i.sens ??= '';
		i.dateReference ??= '';
		i.rapporteur ??= '';
	}

	// Sections that were not there and stayed empty are not created.
	for (const slug of ['cadre-logique', 'calendrier']) if (!(slug in avant) && !Object.values(s[slug]!).some((v) => (Array.isArray(v) ? v.length : v))) delete s[slug];
	const modifiees = Object.keys(s).filter((slug) => stable(s[slug]) !== stable(avant[slug]));
	return { sections: s, modifiees };
}

const CLE = 'donnees:cadre-logique-relie';
export const MOTIF = 'Mise à niveau : cadre logique relié, une seule liste d’activités';

/**
 * Brings every project to the linked shape, once per installation: under an advisory lock, so
 * that two servers starting together do it once; each changed section gets a new version and
 * a revision, so that the history shows the change and the earlier text stays restorable.
 */
export async function migrerLesProjets(db: Database): Promise<number> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${CLE}))`);
		const [fait] = await tx.select().from(parametres).where(eq(parametres.cle, CLE));
		if (fait) return 0;
		const rangs = await tx.select({ projetId: projetsSections.projetId, section: projetsSections.section, donnees: projetsSections.donnees, version: projetsSections.version }).from(projetsSections);
		const parProjet = new Map<number, typeof rangs>();
		for (const r of rangs) parProjet.set(r.projetId, [...(parProjet.get(r.projetId) ?? []), r]);
		let n = 0;
		for (const [projetId, siennes] of parProjet) {
			const { sections, modifiees } = mettreANiveau(Object.fromEntries(siennes.map((r) => [r.section, r.donnees as Donnees])));
			for (const slug of modifiees) {
				const actuelle = siennes.find((r) => r.section === slug);
				const version = (actuelle?.version ?? 0) + 1;
				if (actuelle) await tx.update(projetsSections).set({ donnees: sections[slug]!, version, modifieLe: sql`now()` }).where(and(eq(projetsSections.projetId, projetId), eq(projetsSections.section, slug)));
				else await tx.insert(projetsSections).values({ projetId, section: slug, donnees: sections[slug]!, version });
				await tx.insert(projetsRevisions).values({ projetId, section: slug, version, donnees: sections[slug]!, changements: [MOTIF], auteurId: null });
			}
			if (modifiees.length) n++;
		}
		await tx.insert(parametres).values({ cle: CLE, valeur: new Date().toISOString() });
		return n;
	});
}
