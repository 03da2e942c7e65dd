import { z } from 'zod';
import { STATUTS_FICHE } from '../db/schema.ts';
import { cles, TYPES_FINANCEMENT, TYPES_OUTIL, TYPES_PORTEUR } from '../../libelles.ts';

/** Non-empty text, trimmed. */
const texte = (max?: number) => {
	const s = z.string().trim().min(1);
	return max ? s.max(max) : s;
};

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'doit être un identifiant en minuscules et tirets' });

export const taxonomiesSchema = z.strictObject({
	themes: z.array(z.strictObject({ slug, nom: texte(120), description: texte(600) })).min(1),
	publics: z.array(z.strictObject({ slug, nom: texte(120) })).min(1)
});

export const etapeSchema = z.strictObject({
	numero: z.int().min(1).max(99),
	titre: texte(160),
	resume: texte(300),
	questions_cles: z.array(texte(500)).min(1),
	recommandations: z
		.array(
			z.strictObject({
				numero: z.int().min(1),
				titre: texte(300),
				pourquoi: texte(),
				en_pratique: texte().optional()
			})
		)
		.min(1),
	ecueils: z.array(z.strictObject({ titre: texte(200), description: texte() })),
	outils: z.array(
		z.strictObject({
			titre: texte(200),
			type: z.enum(cles(TYPES_OUTIL)),
			description: texte(600),
			contenu: texte()
		})
	),
	auto_evaluation: z.array(
		z.strictObject({ question: texte(500), recommandation: z.int().min(1) })
	)
});

export const pageSchema = z.strictObject({
	titre: texte(160),
	description: texte(300)
});

/** « YYYY » or « YYYY-MM »; YAML reads a bare year as a number. */
const periodeValeur = z
	.union([z.int(), z.string().trim()])
	.transform((v) => String(v))
	.refine((v) => /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/.test(v), {
		error: 'doit être une année (2016) ou une année et un mois (« 2016-09 »)'
	});

/** What a fiche may refer to: the other content and the reference data. */
export interface ReferencesFiche {
	themes: Set<string>;
	publics: Set<string>;
	/** Stage number → its recommendation numbers. */
	etapes: Map<number, Set<number>>;
	cibles: Set<string>;
	departementExiste: (code: string) => boolean;
	/** A region's name and number of départements, from its INSEE code; undefined when unknown. */
	region: (code: string) => { nom: string; departements: number } | undefined;
	paysExiste: (code: string) => boolean;
}

const parmi = (existe: (v: string) => boolean, message: (v: string) => string) =>
	z.string().superRefine((v, ctx) => {
		if (!existe(v)) ctx.addIssue({ code: 'custom', message: message(v), input: v });
	});

export const creerFicheSchema = (ref: ReferencesFiche) => z.strictObject({
	titre: texte(200),
	resume: texte(400),
	exemple: z.boolean(),
	statut: z.enum(STATUTS_FICHE),
	porteur: texte(200),
	type_porteur: z.enum(cles(TYPES_PORTEUR)),
	partenaires_ici: z.array(texte(300)).default([]),
	partenaires_la_bas: z.array(texte(300)).default([]),
	departements: z
		.array(
			parmi(
				ref.departementExiste,
				(c) => `code de département « ${c} » inconnu (code INSEE attendu, par exemple « 44 », « 2A » ou « 974 »)`
			)
		)
		.default([]),
	regions: z
		.array(
			parmi(
				(c) => ref.region(c) !== undefined,
				(c) => `code de région « ${c} » inconnu (code INSEE attendu, par exemple « 76 » pour l'Occitanie ou « 53 » pour la Bretagne)`
			)
		)
		.default([]),
	pays: z
		.array(
			parmi(
				ref.paysExiste,
				(c) => `code pays « ${c} » inconnu (code ISO 3166 à deux lettres majuscules attendu, par exemple « SN »)`
			)
		)
		.default([]),
	territoires_la_bas: texte(300).optional(),
	periode: z
		.strictObject({ debut: periodeValeur, fin: periodeValeur.optional() })
		.refine((p) => !p.fin || p.fin >= p.debut, {
			error: 'la fin de la période précède son début',
			path: ['fin']
		}),
	budget: z
		.strictObject({ montant: z.int().min(0), commentaire: texte(300).optional() })
		.optional(),
	financements: z
		.array(
			z.strictObject({
				financeur: texte(300),
				type: z.enum(cles(TYPES_FINANCEMENT)),
				montant: z.int().min(0).optional()
			})
		)
		.default([]),
	themes: z
		.array(parmi((t) => ref.themes.has(t), (t) => `thème « ${t} » inconnu (voir content/taxonomies.yml)`))
		.min(1),
	publics: z
		.array(parmi((p) => ref.publics.has(p), (p) => `public « ${p} » inconnu (voir content/taxonomies.yml)`))
		.min(1),
	etapes: z
		.array(
			z.int().superRefine((n, ctx) => {
				if (!ref.etapes.has(n)) ctx.addIssue({ code: 'custom', message: `l'étape ${n} n'existe pas`, input: n });
			})
		)
		.min(1),
	recommandations: z
		.array(
			z
				.string()
				.regex(/^\d+\.\d+$/, { error: 'doit être de la forme « 2.3 »' })
				.superRefine((code, ctx) => {
					const [etape, numero] = code.split('.').map(Number) as [number, number];
					if (!ref.etapes.get(etape)?.has(numero)) {
						ctx.addIssue({ code: 'custom', message: `la recommandation « ${code} » n'existe pas`, input: code });
					}
				})
		)
		.default([]),
	odd: z
		.array(
			z.strictObject({
				cible: z.coerce
					.string()
					.pipe(
						parmi(
							(c) => ref.cibles.has(c),
							(c) => `cible ODD « ${c} » inconnue (code officiel attendu, par exemple « 1.3 » ou « 5.a »)`
						)
					),
				justification: texte(400)
			})
		)
		.default([]),
	temoignages: z
		.array(
			z.strictObject({
				citation: texte(1500),
				auteur: texte(200),
				consentement: z.literal(true, {
					error: 'un témoignage ne peut être publié sans le consentement de la personne (consentement: true)'
				})
			})
		)
		.default([]),
	ressources: z.array(z.strictObject({ titre: texte(300), description: texte(1000) })).default([]),
	contacts: z.array(z.strictObject({ nom: texte(200), role: texte(300), fictif: z.boolean().optional() })).default([])
}).superRefine((f, ctx) => {
	if (f.exemple) verifierExemple(f, ref, ctx);
	f.recommandations.forEach((code, i) => {
		const etape = Number(code.split('.')[0]);
		if (ref.etapes.has(etape) && !f.etapes.includes(etape)) {
			ctx.addIssue({
				code: 'custom',
				path: ['recommandations', i],
				message: `la recommandation « ${code} » appartient à l'étape ${etape}, qui n'est pas dans « etapes »`
			});
		}
	});
});

/** The smallest region an example fiche may name: fewer départements would point at one of them. */
export const DEPARTEMENTS_MIN_REGION_EXEMPLE = 3;

/**
 * The honesty rule's structure (docs/content.md): an example fiche points at no real
 * Département. It names one region at most, large enough not to designate one, and its contacts
 * are marked fictitious.
 */
function verifierExemple(
	f: { departements: string[]; regions: string[]; contacts: { fictif?: boolean }[] },
	ref: ReferencesFiche,
	ctx: z.RefinementCtx
) {
	if (f.departements.length > 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['departements'],
			message:
				'une fiche d\'exemple ne désigne aucun Département réel : retirez « departements » et placez-la dans sa région (« regions: ["76"] »), que les lecteurs voient comme une localisation fictive'
		});
	}
	if (f.regions.length > 1) {
		ctx.addIssue({ code: 'custom', path: ['regions'], message: 'une fiche d\'exemple est placée dans une seule région, celle de son porteur fictif' });
	}
	f.regions.forEach((code, i) => {
		const r = ref.region(code);
		if (r && r.departements < DEPARTEMENTS_MIN_REGION_EXEMPLE) {
			ctx.addIssue({
				code: 'custom',
				path: ['regions', i],
				message: `la région « ${r.nom} » compte ${r.departements === 1 ? 'un seul département' : `${r.departements} départements`} : la nommer désignerait un Département réel ; choisissez une région d'au moins ${DEPARTEMENTS_MIN_REGION_EXEMPLE} départements`
			});
		}
	});
	f.contacts.forEach((c, i) => {
		if (c.fictif !== true) {
			ctx.addIssue({
				code: 'custom',
				path: ['contacts', i, 'fictif'],
				message: 'les contacts d\'une fiche d\'exemple sont inventés comme elle : ajoutez « fictif: true », montré aux lecteurs'
			});
		}
	});
}

/** The twelve sections of a fiche's body, in order: heading in the file → field. */
export const SECTIONS_FICHE = [
	['Contexte et enjeux', 'contexte'],
	['Objectifs', 'objectifs'],
	['La démarche pas à pas', 'demarche'],
	['Acteurs et gouvernance', 'acteursGouvernance'],
	['Implication des publics', 'implicationPublics'],
	['Transversalité', 'transversalite'],
	['Résultats et effets ici', 'resultatsIci'],
	['Résultats et effets là-bas', 'resultatsLaBas'],
	['Difficultés', 'difficultes'],
	['Enseignements', 'enseignements'],
	['Recommandations', 'recommandationsTexte'],
	['Conditions de transférabilité', 'transferabilite']
] as const;

export type SectionFiche = (typeof SECTIONS_FICHE)[number][1];
