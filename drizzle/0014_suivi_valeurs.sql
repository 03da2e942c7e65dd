CREATE TABLE "suivi_valeurs" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"indicateur" text NOT NULL,
	"periode_id" integer NOT NULL,
	"cote" text NOT NULL,
	"valeur" double precision,
	"numerateur" double precision,
	"denominateur" double precision,
	"texte" text,
	"commentaire" text DEFAULT '' NOT NULL,
	"statut" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"saisie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_valeurs_uq" UNIQUE("projet_id","indicateur","periode_id","cote"),
	CONSTRAINT "suivi_valeurs_cote_ck" CHECK ("suivi_valeurs"."cote" in ('ici', 'la-bas')),
	CONSTRAINT "suivi_valeurs_statut_ck" CHECK ("suivi_valeurs"."statut" in ('brouillon', 'soumise', 'validee', 'renvoyee')),
	CONSTRAINT "suivi_valeurs_denominateur_ck" CHECK ("suivi_valeurs"."denominateur" is null or "suivi_valeurs"."denominateur" > 0)
);
--> statement-breakpoint
CREATE TABLE "suivi_valeurs_historique" (
	"id" serial PRIMARY KEY NOT NULL,
	"valeur_id" integer NOT NULL,
	"action" text NOT NULL,
	"statut" text NOT NULL,
	"contenu" jsonb NOT NULL,
	"note" text,
	"auteur_id" text,
	"le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suivi_periodes" ADD COLUMN "verrouillee_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suivi_periodes" ADD COLUMN "verrouillee_par" text;--> statement-breakpoint
ALTER TABLE "suivi_valeurs" ADD CONSTRAINT "suivi_valeurs_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_valeurs" ADD CONSTRAINT "suivi_valeurs_periode_id_suivi_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."suivi_periodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_valeurs" ADD CONSTRAINT "suivi_valeurs_saisie_par_utilisateurs_id_fk" FOREIGN KEY ("saisie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_valeurs_historique" ADD CONSTRAINT "suivi_valeurs_historique_valeur_id_suivi_valeurs_id_fk" FOREIGN KEY ("valeur_id") REFERENCES "public"."suivi_valeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_valeurs_historique" ADD CONSTRAINT "suivi_valeurs_historique_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suivi_valeurs_periode_idx" ON "suivi_valeurs" USING btree ("periode_id");--> statement-breakpoint
CREATE INDEX "suivi_valeurs_historique_idx" ON "suivi_valeurs_historique" USING btree ("valeur_id","le");--> statement-breakpoint
ALTER TABLE "suivi_periodes" ADD CONSTRAINT "suivi_periodes_verrouillee_par_utilisateurs_id_fk" FOREIGN KEY ("verrouillee_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;