CREATE TABLE "projets" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"titre" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projets_auto_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"auteur_id" text,
	"reponses" jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projets_commentaires" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"section" text NOT NULL,
	"auteur_id" text,
	"texte" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projets_equipe" (
	"projet_id" integer NOT NULL,
	"utilisateur_id" text NOT NULL,
	"role" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projets_equipe_projet_id_utilisateur_id_pk" PRIMARY KEY("projet_id","utilisateur_id"),
	CONSTRAINT "projets_equipe_role_ck" CHECK ("projets_equipe"."role" in ('pilote', 'contributeur', 'lecteur'))
);
--> statement-breakpoint
CREATE TABLE "projets_invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"courriel" text NOT NULL,
	"role" text NOT NULL,
	"jeton_hache" text NOT NULL,
	"invite_par" text,
	"expire_le" timestamp with time zone NOT NULL,
	"acceptee_le" timestamp with time zone,
	"revoquee_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projets_invitations_jeton_hache_unique" UNIQUE("jeton_hache"),
	CONSTRAINT "projets_invitations_role_ck" CHECK ("projets_invitations"."role" in ('pilote', 'contributeur', 'lecteur'))
);
--> statement-breakpoint
CREATE TABLE "projets_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"donnees" jsonb NOT NULL,
	"changements" jsonb NOT NULL,
	"restaure" integer,
	"auteur_id" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projets_revisions_version_uq" UNIQUE("projet_id","section","version")
);
--> statement-breakpoint
CREATE TABLE "projets_sections" (
	"projet_id" integer NOT NULL,
	"section" text NOT NULL,
	"donnees" jsonb NOT NULL,
	"version" integer NOT NULL,
	"modifie_par" text,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projets_sections_projet_id_section_pk" PRIMARY KEY("projet_id","section")
);
--> statement-breakpoint
ALTER TABLE "projets" ADD CONSTRAINT "projets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets" ADD CONSTRAINT "projets_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_auto_evaluations" ADD CONSTRAINT "projets_auto_evaluations_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_auto_evaluations" ADD CONSTRAINT "projets_auto_evaluations_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_commentaires" ADD CONSTRAINT "projets_commentaires_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_commentaires" ADD CONSTRAINT "projets_commentaires_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_equipe" ADD CONSTRAINT "projets_equipe_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_equipe" ADD CONSTRAINT "projets_equipe_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_invitations" ADD CONSTRAINT "projets_invitations_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_invitations" ADD CONSTRAINT "projets_invitations_invite_par_utilisateurs_id_fk" FOREIGN KEY ("invite_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_revisions" ADD CONSTRAINT "projets_revisions_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_revisions" ADD CONSTRAINT "projets_revisions_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_sections" ADD CONSTRAINT "projets_sections_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projets_sections" ADD CONSTRAINT "projets_sections_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projets_organisation_idx" ON "projets" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "projets_auto_evaluations_idx" ON "projets_auto_evaluations" USING btree ("projet_id","cree_le");--> statement-breakpoint
CREATE INDEX "projets_commentaires_idx" ON "projets_commentaires" USING btree ("projet_id","section");--> statement-breakpoint
CREATE INDEX "projets_equipe_utilisateur_idx" ON "projets_equipe" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "projets_invitations_projet_idx" ON "projets_invitations" USING btree ("projet_id");--> statement-breakpoint
CREATE INDEX "projets_revisions_date_idx" ON "projets_revisions" USING btree ("projet_id","cree_le");