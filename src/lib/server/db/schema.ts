import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	boolean,
	check,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/** A text in each language of the SDG reference data. */
export type Traductions = { fr: string; en?: string; es?: string; ar?: string };

export type Ecueil = { titre: string; description: string };
export type Financement = { financeur: string; type: string; montant?: number };
export type Temoignage = { citation: string; auteur: string; consentement: true };
export type Ressource = { titre: string; description: string };
/** `fictif`: a contact of an example fiche, invented like the rest of it (shown so to readers). */
export type Contact = { nom: string; role: string; fictif?: boolean };

/** A PostgreSQL full-text search document, maintained by the database (generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** French, accent-insensitive text search configuration (migration 0002). */
const vecteur = (poids: 'A' | 'B' | 'C', ...colonnes: string[]) =>
	`setweight(to_tsvector('public.francais'::regconfig, ${colonnes.map((c) => `coalesce(${c}, '')`).join(" || ' ' || ")}), '${poids}')`;

const horodatage = () => ({
	creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
	modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
});

// ——— Reference data ———

export const oddObjectifs = pgTable('odd_objectifs', {
	numero: integer('numero').primaryKey(),
	titre: jsonb('titre').$type<Traductions>().notNull(),
	intituleCourt: jsonb('intitule_court').$type<Traductions>().notNull()
});

export const oddCibles = pgTable(
	'odd_cibles',
	{
		/** Official code, such as « 1.3 » or « 5.a ». */
		code: text('code').primaryKey(),
		objectif: integer('objectif')
			.notNull()
			.references(() => oddObjectifs.numero),
		ordre: integer('ordre').notNull(),
		titre: jsonb('titre').$type<Traductions>().notNull()
	},
	(t) => [index('odd_cibles_objectif_idx').on(t.objectif)]
);

/** French départements (metropolitan and overseas) and their regions, from the official split. */
export const departements = pgTable('departements', {
	code: text('code').primaryKey(),
	nom: text('nom').notNull(),
	regionCode: text('region_code').notNull(),
	regionNom: text('region_nom').notNull()
});

export const themes = pgTable('themes', {
	slug: text('slug').primaryKey(),
	nom: text('nom').notNull(),
	description: text('description').notNull(),
	ordre: integer('ordre').notNull()
});

export const publics = pgTable('publics', {
	slug: text('slug').primaryKey(),
	nom: text('nom').notNull(),
	ordre: integer('ordre').notNull()
});

// ——— The method ———

export const etapes = pgTable('etapes', {
	id: serial('id').primaryKey(),
	numero: integer('numero').notNull().unique(),
	slug: text('slug').notNull().unique(),
	titre: text('titre').notNull(),
	resume: text('resume').notNull(),
	/** « Pourquoi cette étape compte », Markdown. */
	pourquoi: text('pourquoi').notNull(),
	questionsCles: jsonb('questions_cles').$type<string[]>().notNull(),
	ecueils: jsonb('ecueils').$type<Ecueil[]>().notNull(),
	...horodatage(),
	recherche: tsvector('recherche')
		.notNull()
		.generatedAlwaysAs(
			sql.raw(
				[vecteur('A', 'titre'), vecteur('B', 'resume'), vecteur('C', 'pourquoi', 'questions_cles::text', 'ecueils::text')].join(' || ')
			)
		)
}, (t) => [index('etapes_recherche_idx').using('gin', t.recherche)]);

export const recommandations = pgTable(
	'recommandations',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		numero: integer('numero').notNull(),
		titre: text('titre').notNull(),
		pourquoi: text('pourquoi').notNull(),
		enPratique: text('en_pratique'),
		...horodatage(),
		recherche: tsvector('recherche')
			.notNull()
			.generatedAlwaysAs(sql.raw([vecteur('A', 'titre'), vecteur('B', 'pourquoi'), vecteur('C', 'en_pratique')].join(' || ')))
	},
	(t) => [
		unique('recommandations_etape_numero_uq').on(t.etapeId, t.numero),
		index('recommandations_recherche_idx').using('gin', t.recherche)
	]
);

export const outils = pgTable(
	'outils',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		ordre: integer('ordre').notNull(),
		titre: text('titre').notNull(),
		type: text('type').notNull(),
		description: text('description').notNull(),
		contenu: text('contenu').notNull()
	},
	(t) => [unique('outils_etape_ordre_uq').on(t.etapeId, t.ordre)]
);

export const questionsAutoEvaluation = pgTable(
	'questions_auto_evaluation',
	{
		id: serial('id').primaryKey(),
		etapeId: integer('etape_id')
			.notNull()
			.references(() => etapes.id, { onDelete: 'cascade' }),
		ordre: integer('ordre').notNull(),
		question: text('question').notNull(),
		/** The recommendation to read when the answer is weak. */
		recommandationId: integer('recommandation_id').references(() => recommandations.id, {
			onDelete: 'set null'
		})
	},
	(t) => [unique('questions_etape_ordre_uq').on(t.etapeId, t.ordre)]
);

export const pages = pgTable('pages', {
	slug: text('slug').primaryKey(),
	titre: text('titre').notNull(),
	description: text('description').notNull(),
	corps: text('corps').notNull(),
	...horodatage()
});

// ——— Fiches de capitalisation ———

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

/**
 * The words of the kit, without accents, for « Vouliez-vous dire … ? ». Filled by triggers on
 * fiches, stages and recommendations (migration 0004); it only grows.
 */
export const rechercheMots = pgTable(
	'recherche_mots',
	{
		cle: text('cle').primaryKey(),
		forme: text('forme').notNull()
	},
	(t) => [index('recherche_mots_trgm_idx').using('gin', t.cle.op('gin_trgm_ops'))]
);

/** Small facts about the installation, such as the fingerprint of the last content import. */
export const parametres = pgTable('parametres', {
	cle: text('cle').primaryKey(),
	valeur: text('valeur').notNull(),
	modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
});

// ——— Comptes (Better Auth's tables; property names are the library's field names) ———

export const ROLES_PLATEFORME = ['membre', 'editeur', 'administrateur'] as const;
export type RolePlateforme = (typeof ROLES_PLATEFORME)[number];

export const utilisateurs = pgTable(
	'utilisateurs',
	{
		id: text('id').primaryKey(),
		name: text('nom').notNull(),
		email: text('courriel').notNull().unique(),
		emailVerified: boolean('courriel_verifie').notNull().default(false),
		image: text('image'),
		/** Platform role: every account is a member; editors edit the kit; administrators manage. */
		role: text('role').$type<RolePlateforme>().notNull().default('membre'),
		langue: text('langue').notNull().default('fr'),
		/** The IANA time zone every date and time is shown in (dates.ts), chosen on the account page. */
		fuseauHoraire: text('fuseau_horaire').notNull().default('Europe/Paris'),
		/** A deactivated account can no longer sign in; nothing it wrote is deleted. */
		desactiveLe: timestamp('desactive_le', { withTimezone: true }),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('utilisateurs_role_ck', sql`${t.role} in ('membre', 'editeur', 'administrateur')`)]
);

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		token: text('jeton').notNull().unique(),
		userId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expire_le', { withTimezone: true }).notNull(),
		ipAddress: text('adresse_ip'),
		userAgent: text('navigateur'),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_utilisateur_idx').on(t.userId)]
);

/** The ways an account signs in: its password, or an identity provider (ProConnect…). */
export const identifiants = pgTable(
	'identifiants',
	{
		id: text('id').primaryKey(),
		userId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		providerId: text('fournisseur').notNull(),
		accountId: text('compte_fournisseur').notNull(),
		password: text('mot_de_passe'),
		accessToken: text('jeton_acces'),
		refreshToken: text('jeton_rafraichissement'),
		idToken: text('jeton_identite'),
		accessTokenExpiresAt: timestamp('jeton_acces_expire_le', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('jeton_rafraichissement_expire_le', { withTimezone: true }),
		scope: text('portee'),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('identifiants_utilisateur_idx').on(t.userId)]
);

/** Single-use tokens: email verification, password reset, magic links. */
export const verifications = pgTable(
	'verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifiant').notNull(),
		value: text('valeur').notNull(),
		expiresAt: timestamp('expire_le', { withTimezone: true }).notNull(),
		createdAt: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('verifications_identifiant_idx').on(t.identifier)]
);

/** Security events, kept for administrators: sign-ins, failures, role changes, deactivations… */
export const journalSecurite = pgTable(
	'journal_securite',
	{
		id: serial('id').primaryKey(),
		evenement: text('evenement').notNull(),
		/** Who did it, when known; the account may since have been deleted. */
		utilisateurId: text('utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		/** The account it was about, such as a deactivated member (may differ from the author). */
		cibleId: text('cible_id'),
		courriel: text('courriel'),
		adresseIp: text('adresse_ip'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('journal_securite_date_idx').on(t.creeLe)]
);

// ——— Organisations ———

export const TYPES_ORGANISATION = [
	'departement',
	'region',
	'commune-intercommunalite',
	'association',
	'ong',
	'collectivite-etrangere',
	'institution',
	'autre'
] as const;
export type TypeOrganisation = (typeof TYPES_ORGANISATION)[number];

export const ROLES_ORGANISATION = ['proprietaire', 'gestionnaire', 'membre'] as const;
export type RoleOrganisation = (typeof ROLES_ORGANISATION)[number];

export const organisations = pgTable(
	'organisations',
	{
		id: serial('id').primaryKey(),
		slug: text('slug').notNull().unique(),
		nom: text('nom').notNull(),
		type: text('type').$type<TypeOrganisation>().notNull(),
		/** ISO 3166-1 alpha-2; « FR » for French organisations. */
		pays: text('pays').notNull(),
		/** French territory: a département, region or commune INSEE code, or an EPCI SIREN. */
		codeTerritoire: text('code_territoire'),
		description: text('description').notNull().default(''),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [
		check(
			'organisations_type_ck',
			sql`${t.type} in ('departement', 'region', 'commune-intercommunalite', 'association', 'ong', 'collectivite-etrangere', 'institution', 'autre')`
		)
	]
);

export const membres = pgTable(
	'membres',
	{
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		role: text('role').$type<RoleOrganisation>().notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.utilisateurId] }),
		index('membres_utilisateur_idx').on(t.utilisateurId),
		check('membres_role_ck', sql`${t.role} in ('proprietaire', 'gestionnaire', 'membre')`)
	]
);

/** An invitation by mail: a single-use link, valid 7 days, that a manager may revoke. */
export const invitations = pgTable(
	'invitations',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		courriel: text('courriel').notNull(),
		role: text('role').$type<RoleOrganisation>().notNull(),
		/** SHA-256 of the token sent by mail: the token itself is never stored. */
		jetonHache: text('jeton_hache').notNull().unique(),
		invitePar: text('invite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
		accepteeLe: timestamp('acceptee_le', { withTimezone: true }),
		revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('invitations_organisation_idx').on(t.organisationId),
		// One pending invitation per address and organisation, whatever its case, even under two simultaneous posts.
		uniqueIndex('invitations_en_attente_uq')
			.on(t.organisationId, sql`lower(${t.courriel})`)
			.where(sql`${t.accepteeLe} is null and ${t.revoqueeLe} is null`),
		check('invitations_role_ck', sql`${t.role} in ('proprietaire', 'gestionnaire', 'membre')`)
	]
);

export const STATUTS_DEMANDE = ['en-attente', 'acceptee', 'refusee'] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];

/** A signed-in person asks to join; a manager accepts or refuses. */
export const demandesAdhesion = pgTable(
	'demandes_adhesion',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		message: text('message').notNull().default(''),
		statut: text('statut').$type<StatutDemande>().notNull().default('en-attente'),
		traitePar: text('traite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		traiteeLe: timestamp('traitee_le', { withTimezone: true })
	},
	(t) => [
		index('demandes_organisation_idx').on(t.organisationId),
		check('demandes_statut_ck', sql`${t.statut} in ('en-attente', 'acceptee', 'refusee')`)
	]
);

// ——— Projects (« Monter mon projet ») ———

export const ROLES_PROJET = ['pilote', 'contributeur', 'lecteur'] as const;
export type RoleProjet = (typeof ROLES_PROJET)[number];

/** A cooperation project, carried by one organisation (its porteur), private to its team. */
export const projets = pgTable(
	'projets',
	{
		id: serial('id').primaryKey(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** Kept equal to the identity section's title, for lists. */
		titre: text('titre').notNull(),
		/** The porteur made its summary public: it then shows as a project in progress. */
		public: boolean('public').notNull().default(false),
		creePar: text('cree_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		...horodatage()
	},
	(t) => [index('projets_organisation_idx').on(t.organisationId)]
);

export const projetsEquipe = pgTable(
	'projets_equipe',
	{
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		utilisateurId: text('utilisateur_id')
			.notNull()
			.references(() => utilisateurs.id, { onDelete: 'cascade' }),
		role: text('role').$type<RoleProjet>().notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.projetId, t.utilisateurId] }),
		index('projets_equipe_utilisateur_idx').on(t.utilisateurId),
		check('projets_equipe_role_ck', sql`${t.role} in ('pilote', 'contributeur', 'lecteur')`)
	]
);

/** An invitation to a project's team by mail: single use, valid 7 days, revocable. */
export const projetsInvitations = pgTable(
	'projets_invitations',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		courriel: text('courriel').notNull(),
		role: text('role').$type<RoleProjet>().notNull(),
		jetonHache: text('jeton_hache').notNull().unique(),
		invitePar: text('invite_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
		accepteeLe: timestamp('acceptee_le', { withTimezone: true }),
		revoqueeLe: timestamp('revoquee_le', { withTimezone: true }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('projets_invitations_projet_idx').on(t.projetId),
		uniqueIndex('projets_invitations_en_attente_uq')
			.on(t.projetId, sql`lower(${t.courriel})`)
			.where(sql`${t.accepteeLe} is null and ${t.revoqueeLe} is null`),
		check('projets_invitations_role_ck', sql`${t.role} in ('pilote', 'contributeur', 'lecteur')`)
	]
);

/** The current content of a section; `version` grows by one at each save (optimistic concurrency). */
export const projetsSections = pgTable(
	'projets_sections',
	{
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
		version: integer('version').notNull(),
		modifiePar: text('modifie_par').references(() => utilisateurs.id, { onDelete: 'set null' }),
		modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.projetId, t.section] })]
);

/** Every saved version of every section: who, when, which fields changed. */
export const projetsRevisions = pgTable(
	'projets_revisions',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		version: integer('version').notNull(),
		donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
		/** The labels of the fields that changed from the previous version. */
		changements: jsonb('changements').$type<string[]>().notNull(),
		/** Set when this version restores an earlier one. */
		restaure: integer('restaure'),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('projets_revisions_version_uq').on(t.projetId, t.section, t.version), index('projets_revisions_date_idx').on(t.projetId, t.creeLe)]
);

export const projetsCommentaires = pgTable(
	'projets_commentaires',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		texte: text('texte').notNull(),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('projets_commentaires_idx').on(t.projetId, t.section)]
);

/** A level of the scale, or an answer set aside from the scores. */
export type NiveauReponse = 1 | 2 | 3 | 4 | 'sans-objet' | 'ne-sait-pas';
export type ReponseAutoEvaluation = { question: number; niveau: NiveauReponse; commentaire: string };

export const STATUTS_AUTO_EVALUATION = ['en-cours', 'terminee'] as const;
export type StatutAutoEvaluation = (typeof STATUTS_AUTO_EVALUATION)[number];

/**
 * One taking of the self-assessment; kept, so that progress shows over time. A project has at
 * most one in progress, filled stage by stage by its team, until it is finished.
 */
export const projetsAutoEvaluations = pgTable(
	'projets_auto_evaluations',
	{
		id: serial('id').primaryKey(),
		projetId: integer('projet_id')
			.notNull()
			.references(() => projets.id, { onDelete: 'cascade' }),
		auteurId: text('auteur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
		reponses: jsonb('reponses').$type<ReponseAutoEvaluation[]>().notNull(),
		statut: text('statut').$type<StatutAutoEvaluation>().notNull().default('terminee'),
		creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
		modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('projets_auto_evaluations_idx').on(t.projetId, t.creeLe),
		uniqueIndex('projets_auto_evaluations_en_cours_uq').on(t.projetId).where(sql`${t.statut} = 'en-cours'`),
		check('projets_auto_evaluations_statut_ck', sql`${t.statut} in ('en-cours', 'terminee')`)
	]
);
