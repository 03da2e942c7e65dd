// Fiches de capitalisation and what they are linked to.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { horodatage, tsvector, vecteur } from './colonnes.ts';
import { oddCibles, publics, themes } from './referentiels.ts';
import { etapes, recommandations } from './methode.ts';
import { organisations } from './organisations.ts';

export type Ecueil = { titre: string; description: string };
export type Financement = { financeur: string; type: string; montant?: number };
export type Temoignage = { citation: string; auteur: string; consentement: true };
export type Ressource = { titre: string; description: string };
/** `fictif`: a contact of an example fiche, invented like the rest of it (shown so to readers). */
export type Contact = { nom: string; role: string; fictif?: boolean };

export const STATUTS_FICHE = ['brouillon', 'publiee'] as const;
export type StatutFiche = (typeof STATUTS_FICHE)[number];

export const fiches = pgTable(
	'fiches',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		titre: text('titre').notNull(),
		resume: text('resume').notNull(),
		statut: text('statut').$type<StatutFiche>().notNull().default('brouillon'),
		exemple: boolean('exemple').notNull().default(false),
		/** Where the fiche comes from: « contenu » for the files in content/. */
		source: text('source').notNull(),
		porteur: text('porteur').notNull(),
		typePorteur: text('type_porteur').notNull(),
		/** The organisation on Terrinclus that published it, when it did so online (not the content files). */
		organisationId: integer('organisation_id').references((): AnyPgColumn => organisations.id, { onDelete: 'set null' }),
		partenairesIci: jsonb('partenaires_ici').$type<string[]>().notNull(),
		partenairesLaBas: jsonb('partenaires_la_bas').$type<string[]>().notNull(),
		territoiresLaBas: text('territoires_la_bas'),
		/** « YYYY » or « YYYY-MM ». */
		periodeDebut: text('periode_debut').notNull(),
		periodeFin: text('periode_fin'),
		budgetMontant: integer('budget_montant'),
		budgetCommentaire: text('budget_commentaire'),
		financements: jsonb('financements').$type<Financement[]>().notNull(),
		temoignages: jsonb('temoignages').$type<Temoignage[]>().notNull(),
		ressources: jsonb('ressources').$type<Ressource[]>().notNull(),
		contacts: jsonb('contacts').$type<Contact[]>().notNull(),
		// The twelve sections of the fiche, Markdown.
		contexte: text('contexte').notNull(),
		objectifs: text('objectifs').notNull(),
		demarche: text('demarche').notNull(),
		acteursGouvernance: text('acteurs_gouvernance').notNull(),
		implicationPublics: text('implication_publics').notNull(),
		transversalite: text('transversalite').notNull(),
		resultatsIci: text('resultats_ici').notNull(),
		resultatsLaBas: text('resultats_la_bas').notNull(),
		difficultes: text('difficultes').notNull(),
		enseignements: text('enseignements').notNull(),
		recommandationsTexte: text('recommandations_texte').notNull(),
		transferabilite: text('transferabilite').notNull(),
		/**
		 * What the reader may search a fiche by besides its text: porteur, partners, places,
		 * themes, publics, in words. Written with the fiche (see recherche/identite.ts).
		 */
		identite: text('identite').notNull().default(''),
		/** The fiche's links as « facette:valeur » terms, written with it (recherche/identite.ts). */
		liensFacettes: text('liens_facettes').array().notNull().default(sql`'{}'::text[]`),
		/**
		 * Every facet term of the fiche: its links, its status and its five-year period. Indexed with
		 * the search document, so that words and facets are answered by one GIN index.
		 */
		facettes: text('facettes')
			.array()
			.notNull()
			.generatedAlwaysAs(
				sql.raw(
					`liens_facettes || array['statut:' || statut, 'periode:' || ((substring(periode_debut from 1 for 4)::int / 5) * 5)::text]`
				)
			),
		...horodatage(),
		recherche: tsvector('recherche')
			.notNull()
			.generatedAlwaysAs(
				sql.raw(
					[
						vecteur('A', 'titre'),
						vecteur('B', 'resume', 'identite'),
						vecteur(
							'C',
							...[
								'contexte',
								'objectifs',
								'demarche',
								'acteurs_gouvernance',
								'implication_publics',
								'transversalite',
								'resultats_ici',
								'resultats_la_bas',
								'difficultes',
								'enseignements',
								'recommandations_texte',
								'transferabilite'
							]
						)
					].join(' || ')
				)
			),
		/**
		 * Title, summary and identity alone: small enough to rank thousands of matches quickly
		 * when a query matches most of the fiches (see recherche.ts).
		 */
		rechercheEntete: tsvector('recherche_entete')
			.notNull()
			.generatedAlwaysAs(sql.raw([vecteur('A', 'titre'), vecteur('B', 'resume', 'identite')].join(' || ')))
	},
	(t) => [
		check('fiches_statut_ck', sql`${t.statut} in ('brouillon', 'publiee')`),
		index('fiches_statut_idx').on(t.statut),
		index('fiches_organisation_idx').on(t.organisationId),
		index('fiches_recherche_idx').using('gin', t.recherche, t.facettes)
	]
);

export const fichesEtapes = pgTable(
	'fiches_etapes',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.ficheId, t.etapeId] }), index().on(t.etapeId)]
);

export const fichesRecommandations = pgTable(
	'fiches_recommandations',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		recommandationId: integer('recommandation_id')
			.notNull()
			.references(() => recommandations.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.ficheId, t.recommandationId] }), index().on(t.recommandationId)]
);

export const fichesThemes = pgTable(
	'fiches_themes',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		theme: text('theme')
			.notNull()
			.references(() => themes.slug, { onDelete: 'cascade', onUpdate: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.ficheId, t.theme] }), index().on(t.theme)]
);

export const fichesPublics = pgTable(
	'fiches_publics',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		public: text('public')
			.notNull()
			.references(() => publics.slug, { onDelete: 'cascade', onUpdate: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.ficheId, t.public] }), index().on(t.public)]
);

export const fichesOddCibles = pgTable(
	'fiches_odd_cibles',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		cible: text('cible')
			.notNull()
			.references(() => oddCibles.code),
		justification: text('justification').notNull()
	},
	(t) => [primaryKey({ columns: [t.ficheId, t.cible] }), index().on(t.cible)]
);

export const TYPES_TERRITOIRE = ['departement', 'region', 'pays'] as const;
export type TypeTerritoire = (typeof TYPES_TERRITOIRE)[number];

export const fichesTerritoires = pgTable(
	'fiches_territoires',
	{
		ficheId: integer('fiche_id')
			.notNull()
			.references(() => fiches.id, { onDelete: 'cascade' }),
		/**
		 * « departement », « region »: INSEE codes; « pays »: ISO 3166-1 alpha-2 code. An example
		 * fiche is placed by its region only, never in a real département (docs/content.md).
		 */
		type: text('type').$type<TypeTerritoire>().notNull(),
		code: text('code').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.ficheId, t.type, t.code] }),
		check('fiches_territoires_type_ck', sql`${t.type} in ('departement', 'region', 'pays')`),
		index().on(t.type, t.code)
	]
);
