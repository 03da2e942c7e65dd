CREATE TABLE "suivi_activites" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"activite" text NOT NULL,
	"statut" text NOT NULL,
	"debut_reel" date,
	"fin_reelle" date,
	"commentaire" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_activites_uq" UNIQUE("projet_id","activite"),
	CONSTRAINT "suivi_activites_statut_ck" CHECK ("suivi_activites"."statut" in ('prevue', 'en-cours', 'terminee', 'en-retard', 'abandonnee')),
	CONSTRAINT "suivi_activites_dates_ck" CHECK ("suivi_activites"."fin_reelle" is null or "suivi_activites"."debut_reel" is null or "suivi_activites"."fin_reelle" >= "suivi_activites"."debut_reel")
);
--> statement-breakpoint
CREATE TABLE "suivi_jalons" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"jalon" text NOT NULL,
	"atteint_le" date NOT NULL,
	"commentaire" text DEFAULT '' NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_jalons_uq" UNIQUE("projet_id","jalon")
);
--> statement-breakpoint
ALTER TABLE "suivi_activites" ADD CONSTRAINT "suivi_activites_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_activites" ADD CONSTRAINT "suivi_activites_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_jalons" ADD CONSTRAINT "suivi_jalons_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_jalons" ADD CONSTRAINT "suivi_jalons_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;