CREATE TABLE "suivi_comptes_rendus" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"periode_id" integer NOT NULL,
	"cote" text NOT NULL,
	"contenu" jsonb NOT NULL,
	"statut" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"saisie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_comptes_rendus_uq" UNIQUE("projet_id","periode_id","cote"),
	CONSTRAINT "suivi_comptes_rendus_cote_ck" CHECK ("suivi_comptes_rendus"."cote" in ('ici', 'la-bas')),
	CONSTRAINT "suivi_comptes_rendus_statut_ck" CHECK ("suivi_comptes_rendus"."statut" in ('brouillon', 'soumise', 'validee', 'renvoyee'))
);
--> statement-breakpoint
CREATE TABLE "suivi_comptes_rendus_historique" (
	"id" serial PRIMARY KEY NOT NULL,
	"compte_rendu_id" integer NOT NULL,
	"action" text NOT NULL,
	"statut" text NOT NULL,
	"contenu" jsonb NOT NULL,
	"note" text,
	"auteur_id" text,
	"le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suivi_comptes_rendus" ADD CONSTRAINT "suivi_comptes_rendus_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_comptes_rendus" ADD CONSTRAINT "suivi_comptes_rendus_periode_id_suivi_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."suivi_periodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_comptes_rendus" ADD CONSTRAINT "suivi_comptes_rendus_saisie_par_utilisateurs_id_fk" FOREIGN KEY ("saisie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_comptes_rendus_historique" ADD CONSTRAINT "suivi_comptes_rendus_historique_compte_rendu_id_suivi_comptes_rendus_id_fk" FOREIGN KEY ("compte_rendu_id") REFERENCES "public"."suivi_comptes_rendus"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_comptes_rendus_historique" ADD CONSTRAINT "suivi_comptes_rendus_historique_auteur_id_utilisateurs_id_fk" FOREIGN KEY ("auteur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suivi_comptes_rendus_historique_idx" ON "suivi_comptes_rendus_historique" USING btree ("compte_rendu_id","le");