CREATE TABLE "fichiers" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"taille" integer NOT NULL,
	"type" text NOT NULL,
	"stockage" text NOT NULL,
	"cle" text NOT NULL,
	"apercu" text,
	"analyse" text NOT NULL,
	"signature" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"supprime_le" timestamp with time zone,
	CONSTRAINT "fichiers_projet_sha_uq" UNIQUE("projet_id","sha256"),
	CONSTRAINT "fichiers_stockage_ck" CHECK ("fichiers"."stockage" in ('disque', 's3')),
	CONSTRAINT "fichiers_analyse_ck" CHECK ("fichiers"."analyse" in ('non-analyse', 'a-analyser', 'sain', 'quarantaine'))
);
--> statement-breakpoint
CREATE TABLE "preuves" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"cible" text NOT NULL,
	"cible_id" text NOT NULL,
	"periode_id" integer,
	"titre" text NOT NULL,
	"fichier_id" integer,
	"nom_fichier" text,
	"lien" text,
	"confidentielle" boolean DEFAULT false NOT NULL,
	"ajoutee_par" text,
	"ajoutee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"retiree_par" text,
	"retiree_le" timestamp with time zone,
	CONSTRAINT "preuves_cible_ck" CHECK ("preuves"."cible" in ('valeur', 'compte-rendu', 'activite', 'jalon', 'constat')),
	CONSTRAINT "preuves_nature_ck" CHECK (("preuves"."fichier_id" is null) <> ("preuves"."lien" is null))
);
--> statement-breakpoint
ALTER TABLE "fichiers" ADD CONSTRAINT "fichiers_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preuves" ADD CONSTRAINT "preuves_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preuves" ADD CONSTRAINT "preuves_periode_id_suivi_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."suivi_periodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preuves" ADD CONSTRAINT "preuves_fichier_id_fichiers_id_fk" FOREIGN KEY ("fichier_id") REFERENCES "public"."fichiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preuves" ADD CONSTRAINT "preuves_ajoutee_par_utilisateurs_id_fk" FOREIGN KEY ("ajoutee_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preuves" ADD CONSTRAINT "preuves_retiree_par_utilisateurs_id_fk" FOREIGN KEY ("retiree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "preuves_cible_idx" ON "preuves" USING btree ("projet_id","cible","cible_id");--> statement-breakpoint
CREATE INDEX "preuves_periode_idx" ON "preuves" USING btree ("periode_id");