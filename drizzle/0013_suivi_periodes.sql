CREATE TABLE "suivi_periodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"libelle" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_periodes_projet_debut_uq" UNIQUE("projet_id","debut"),
	CONSTRAINT "suivi_periodes_dates_ck" CHECK ("suivi_periodes"."fin" >= "suivi_periodes"."debut")
);
--> statement-breakpoint
ALTER TABLE "suivi_periodes" ADD CONSTRAINT "suivi_periodes_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_periodes" ADD CONSTRAINT "suivi_periodes_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suivi_periodes_projet_idx" ON "suivi_periodes" USING btree ("projet_id","debut");