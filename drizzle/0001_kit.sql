CREATE TABLE "etapes" (
	"id" serial PRIMARY KEY NOT NULL,
	"numero" integer NOT NULL,
	"slug" text NOT NULL,
	"titre" text NOT NULL,
	"resume" text NOT NULL,
	"pourquoi" text NOT NULL,
	"questions_cles" jsonb NOT NULL,
	"ecueils" jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "etapes_numero_unique" UNIQUE("numero"),
	CONSTRAINT "etapes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "fiches" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"titre" text NOT NULL,
	"resume" text NOT NULL,
	"statut" text DEFAULT 'brouillon' NOT NULL,
	"exemple" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"porteur" text NOT NULL,
	"type_porteur" text NOT NULL,
	"partenaires_ici" jsonb NOT NULL,
	"partenaires_la_bas" jsonb NOT NULL,
	"territoires_la_bas" text,
	"periode_debut" text NOT NULL,
	"periode_fin" text,
	"budget_montant" integer,
	"budget_commentaire" text,
	"financements" jsonb NOT NULL,
	"temoignages" jsonb NOT NULL,
	"ressources" jsonb NOT NULL,
	"contacts" jsonb NOT NULL,
	"contexte" text NOT NULL,
	"objectifs" text NOT NULL,
	"demarche" text NOT NULL,
	"acteurs_gouvernance" text NOT NULL,
	"implication_publics" text NOT NULL,
	"transversalite" text NOT NULL,
	"resultats_ici" text NOT NULL,
	"resultats_la_bas" text NOT NULL,
	"difficultes" text NOT NULL,
	"enseignements" text NOT NULL,
	"recommandations_texte" text NOT NULL,
	"transferabilite" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fiches_slug_unique" UNIQUE("slug"),
	CONSTRAINT "fiches_statut_ck" CHECK ("fiches"."statut" in ('brouillon', 'publiee'))
);
--> statement-breakpoint
CREATE TABLE "fiches_etapes" (
	"fiche_id" integer NOT NULL,
	"etape_id" integer NOT NULL,
	CONSTRAINT "fiches_etapes_fiche_id_etape_id_pk" PRIMARY KEY("fiche_id","etape_id")
);
--> statement-breakpoint
CREATE TABLE "fiches_odd_cibles" (
	"fiche_id" integer NOT NULL,
	"cible" text NOT NULL,
	"justification" text NOT NULL,
	CONSTRAINT "fiches_odd_cibles_fiche_id_cible_pk" PRIMARY KEY("fiche_id","cible")
);
--> statement-breakpoint
CREATE TABLE "fiches_publics" (
	"fiche_id" integer NOT NULL,
	"public" text NOT NULL,
	CONSTRAINT "fiches_publics_fiche_id_public_pk" PRIMARY KEY("fiche_id","public")
);
--> statement-breakpoint
CREATE TABLE "fiches_recommandations" (
	"fiche_id" integer NOT NULL,
	"recommandation_id" integer NOT NULL,
	CONSTRAINT "fiches_recommandations_fiche_id_recommandation_id_pk" PRIMARY KEY("fiche_id","recommandation_id")
);
--> statement-breakpoint
CREATE TABLE "fiches_territoires" (
	"fiche_id" integer NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "fiches_territoires_fiche_id_type_code_pk" PRIMARY KEY("fiche_id","type","code"),
	CONSTRAINT "fiches_territoires_type_ck" CHECK ("fiches_territoires"."type" in ('departement', 'pays'))
);
--> statement-breakpoint
CREATE TABLE "fiches_themes" (
	"fiche_id" integer NOT NULL,
	"theme" text NOT NULL,
	CONSTRAINT "fiches_themes_fiche_id_theme_pk" PRIMARY KEY("fiche_id","theme")
);
--> statement-breakpoint
CREATE TABLE "odd_cibles" (
	"code" text PRIMARY KEY NOT NULL,
	"objectif" integer NOT NULL,
	"ordre" integer NOT NULL,
	"titre" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "odd_objectifs" (
	"numero" integer PRIMARY KEY NOT NULL,
	"titre" jsonb NOT NULL,
	"intitule_court" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outils" (
	"id" serial PRIMARY KEY NOT NULL,
	"etape_id" integer NOT NULL,
	"ordre" integer NOT NULL,
	"titre" text NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"contenu" text NOT NULL,
	CONSTRAINT "outils_etape_ordre_uq" UNIQUE("etape_id","ordre")
);
--> statement-breakpoint
CREATE TABLE "pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"titre" text NOT NULL,
	"description" text NOT NULL,
	"corps" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parametres" (
	"cle" text PRIMARY KEY NOT NULL,
	"valeur" text NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publics" (
	"slug" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"ordre" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions_auto_evaluation" (
	"id" serial PRIMARY KEY NOT NULL,
	"etape_id" integer NOT NULL,
	"ordre" integer NOT NULL,
	"question" text NOT NULL,
	"recommandation_id" integer,
	CONSTRAINT "questions_etape_ordre_uq" UNIQUE("etape_id","ordre")
);
--> statement-breakpoint
CREATE TABLE "recommandations" (
	"id" serial PRIMARY KEY NOT NULL,
	"etape_id" integer NOT NULL,
	"numero" integer NOT NULL,
	"titre" text NOT NULL,
	"pourquoi" text NOT NULL,
	"en_pratique" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommandations_etape_numero_uq" UNIQUE("etape_id","numero")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"slug" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"description" text NOT NULL,
	"ordre" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fiches_etapes" ADD CONSTRAINT "fiches_etapes_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_etapes" ADD CONSTRAINT "fiches_etapes_etape_id_etapes_id_fk" FOREIGN KEY ("etape_id") REFERENCES "public"."etapes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_odd_cibles" ADD CONSTRAINT "fiches_odd_cibles_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_odd_cibles" ADD CONSTRAINT "fiches_odd_cibles_cible_odd_cibles_code_fk" FOREIGN KEY ("cible") REFERENCES "public"."odd_cibles"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_publics" ADD CONSTRAINT "fiches_publics_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_publics" ADD CONSTRAINT "fiches_publics_public_publics_slug_fk" FOREIGN KEY ("public") REFERENCES "public"."publics"("slug") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "fiches_recommandations" ADD CONSTRAINT "fiches_recommandations_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_recommandations" ADD CONSTRAINT "fiches_recommandations_recommandation_id_recommandations_id_fk" FOREIGN KEY ("recommandation_id") REFERENCES "public"."recommandations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_territoires" ADD CONSTRAINT "fiches_territoires_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_themes" ADD CONSTRAINT "fiches_themes_fiche_id_fiches_id_fk" FOREIGN KEY ("fiche_id") REFERENCES "public"."fiches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiches_themes" ADD CONSTRAINT "fiches_themes_theme_themes_slug_fk" FOREIGN KEY ("theme") REFERENCES "public"."themes"("slug") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "odd_cibles" ADD CONSTRAINT "odd_cibles_objectif_odd_objectifs_numero_fk" FOREIGN KEY ("objectif") REFERENCES "public"."odd_objectifs"("numero") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outils" ADD CONSTRAINT "outils_etape_id_etapes_id_fk" FOREIGN KEY ("etape_id") REFERENCES "public"."etapes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions_auto_evaluation" ADD CONSTRAINT "questions_auto_evaluation_etape_id_etapes_id_fk" FOREIGN KEY ("etape_id") REFERENCES "public"."etapes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions_auto_evaluation" ADD CONSTRAINT "questions_auto_evaluation_recommandation_id_recommandations_id_fk" FOREIGN KEY ("recommandation_id") REFERENCES "public"."recommandations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommandations" ADD CONSTRAINT "recommandations_etape_id_etapes_id_fk" FOREIGN KEY ("etape_id") REFERENCES "public"."etapes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiches_statut_idx" ON "fiches" USING btree ("statut");--> statement-breakpoint
CREATE INDEX "fiches_etapes_etape_id_index" ON "fiches_etapes" USING btree ("etape_id");--> statement-breakpoint
CREATE INDEX "fiches_odd_cibles_cible_index" ON "fiches_odd_cibles" USING btree ("cible");--> statement-breakpoint
CREATE INDEX "fiches_publics_public_index" ON "fiches_publics" USING btree ("public");--> statement-breakpoint
CREATE INDEX "fiches_recommandations_recommandation_id_index" ON "fiches_recommandations" USING btree ("recommandation_id");--> statement-breakpoint
CREATE INDEX "fiches_territoires_type_code_index" ON "fiches_territoires" USING btree ("type","code");--> statement-breakpoint
CREATE INDEX "fiches_themes_theme_index" ON "fiches_themes" USING btree ("theme");--> statement-breakpoint
CREATE INDEX "odd_cibles_objectif_idx" ON "odd_cibles" USING btree ("objectif");