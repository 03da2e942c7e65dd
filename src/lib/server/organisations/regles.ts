import { z } from 'zod';
import { ROLES_ORGANISATION, TYPES_ORGANISATION, type RoleOrganisation, type TypeOrganisation } from '../db/schema.ts';
import { commune, departement, DEPARTEMENTS, epci, listePays, nomPays, REGIONS } from '../referentiels/territoires.ts';

export const LIBELLES_TYPES: Record<TypeOrganisation, string> = {
	departement: 'Département',
	region: 'Région',
	'commune-intercommunalite': 'Commune ou intercommunalité',
	association: 'Association',
	ong: 'ONG',
	'collectivite-etrangere': 'Collectivité partenaire à l’étranger',
	institution: 'Institution (ministère, agence, programme des Nations unies)',
	autre: 'Autre'
};

export const LIBELLES_ROLES: Record<RoleOrganisation, string> = {
	proprietaire: 'Propriétaire',
	gestionnaire: 'Gestionnaire',
	membre: 'Membre'
};

/** The territory of an organisation, in words: « Loire-Atlantique (44) », « Nantes (44109) », « Sénégal ». */
export function nomTerritoire(o: { type: TypeOrganisation; pays: string; codeTerritoire: string | null }): string {
	if (o.pays !== 'FR' || !o.codeTerritoire) return nomPays(o.pays) ?? o.pays;
	if (o.type === 'departement') return `${departement(o.codeTerritoire)?.nom ?? o.codeTerritoire} (${o.codeTerritoire})`;
	if (o.type === 'region') return REGIONS.find((r) => r.code === o.codeTerritoire)?.nom ?? o.codeTerritoire;
	const c = commune(o.codeTerritoire);
	if (c) return `${c.nom} (${c.code})`;
	return epci(o.codeTerritoire)?.nom ?? o.codeTerritoire;
}

const texteSimple = (max: number, libelle: string) =>
	z
		.string()
		.trim()
		.max(max, `${libelle} ne peut dépasser ${max} caractères.`)
		.refine((v) => !/[<>\p{Cc}]/u.test(v.replace(/[\n\r\t]/g, ' ')), `${libelle} ne peut contenir les caractères < et > ni de caractères de contrôle.`);

const schemaBase = z.object({
	nom: z
		.string({ error: 'Indiquez le nom de l’organisation.' })
		.pipe(texteSimple(150, 'Le nom'))
		.refine((v) => v.length > 0, 'Indiquez le nom de l’organisation.'),
	type: z.enum(TYPES_ORGANISATION, { error: 'Choisissez le type d’organisation.' }),
	description: z.string().optional().default('').pipe(texteSimple(2000, 'La présentation'))
});

/**
 * The territory an organisation's kind asks for: a Département picks its département, a
 * Région its region, a commune its INSEE code (or an intercommunality its SIREN); the others
 * their country, which cannot be France for a partner authority abroad.
 */
function territoire(type: TypeOrganisation, f: Record<string, string | undefined>) {
	const v = (cle: string) => (f[cle] ?? '').trim();
	const erreurs: Record<string, string> = {};
	let pays = 'FR';
	let codeTerritoire: string | null = null;
	if (type === 'departement') {
		codeTerritoire = v('departement');
		if (!departement(codeTerritoire)) erreurs.departement = 'Choisissez le département dans la liste.';
	} else if (type === 'region') {
		codeTerritoire = v('region');
		if (!REGIONS.some((r) => r.code === codeTerritoire)) erreurs.region = 'Choisissez la région dans la liste.';
	} else if (type === 'commune-intercommunalite') {
		codeTerritoire = v('commune').replace(/\s/g, '');
		if (!commune(codeTerritoire) && !epci(codeTerritoire)) {
			erreurs.commune =
				'Ce code ne correspond à aucune commune (code INSEE à 5 caractères, 44109 pour Nantes) ni à aucune intercommunalité (numéro SIREN à 9 chiffres).';
		}
	} else {
		pays = v('pays').toUpperCase();
		if (!nomPays(pays)) erreurs.pays = 'Choisissez le pays dans la liste.';
		else if (type === 'collectivite-etrangere' && pays === 'FR') erreurs.pays = 'Une collectivité partenaire à l’étranger n’est pas en France : choisissez son pays.';
	}
	return { pays, codeTerritoire, erreurs };
}

/** An organisation as its form sends it: every field checked, every error reported at once. */
export function lireOrganisation(f: Record<string, string | undefined>) {
	const base = schemaBase.safeParse(f);
	const erreurs: Record<string, string> = {};
	if (!base.success) for (const i of base.error.issues) erreurs[String(i.path[0])] ??= i.message;
	const type = TYPES_ORGANISATION.find((t) => t === f.type);
	const t = type ? territoire(type, f) : undefined;
	Object.assign(erreurs, t?.erreurs);
	if (!base.success || !t || Object.keys(erreurs).length > 0) return { ok: false as const, erreurs };
	return { ok: true as const, donnees: { ...base.data, pays: t.pays, codeTerritoire: t.codeTerritoire } };
}

export type SaisieOrganisation = Extract<ReturnType<typeof lireOrganisation>, { ok: true }>['donnees'];

export const schemaInvitation = z.object({
	courriel: z
		.string()
		.trim()
		.min(1, 'Indiquez l’adresse électronique de la personne à inviter.')
		.max(254, 'Cette adresse électronique est trop longue.')
		.pipe(z.email({ error: 'Cette adresse électronique n’est pas valide.' }))
		.transform((v) => v.toLowerCase()),
	role: z.enum(ROLES_ORGANISATION, { error: 'Choisissez le rôle de la personne invitée.' })
});

export const schemaDemande = z.object({ message: z.string().optional().default('').pipe(texteSimple(1000, 'Le message')) });

/** A URL name from a display name: « Département de Loire-Atlantique » → « departement-de-loire-atlantique ». */
export function slugDe(nom: string): string {
	return (
		nom
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 80) || 'organisation'
	);
}

/** The choices of the organisation form. */
export function optionsFormulaire() {
	return {
		types: Object.entries(LIBELLES_TYPES).map(([valeur, libelle]) => ({ valeur, libelle })),
		departements: DEPARTEMENTS.map((d) => ({ valeur: d.code, libelle: `${d.nom} (${d.code})` })),
		regions: REGIONS.map((r) => ({ valeur: r.code, libelle: r.nom })),
		pays: listePays().map((p) => ({ valeur: p.code, libelle: p.nom }))
	};
}
