CREATE TABLE "evaluations_recits" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"domaine" text NOT NULL,
	"recit" text NOT NULL,
	"narrateur" text NOT NULL,
	"cote" text NOT NULL,
	"consentement" boolean NOT NULL,
	"selectionne" boolean DEFAULT false NOT NULL,
	"raison" text DEFAULT '' NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_recits_cote_ck" CHECK ("evaluations_recits"."cote" in ('ici', 'la-bas')),
	CONSTRAINT "evaluations_recits_consentement_ck" CHECK ("evaluations_recits"."consentement")
);
--> statement-breakpoint
ALTER TABLE "evaluations_recits" ADD CONSTRAINT "evaluations_recits_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_recits" ADD CONSTRAINT "evaluations_recits_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_recits_idx" ON "evaluations_recits" USING btree ("projet_id");