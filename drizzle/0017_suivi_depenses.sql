CREATE TABLE "suivi_depenses" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"ligne" text NOT NULL,
	"periode_id" integer NOT NULL,
	"montant" double precision NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_depenses_uq" UNIQUE("projet_id","ligne","periode_id"),
	CONSTRAINT "suivi_depenses_montant_ck" CHECK ("suivi_depenses"."montant" >= 0)
);
--> statement-breakpoint
ALTER TABLE "suivi_depenses" ADD CONSTRAINT "suivi_depenses_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_depenses" ADD CONSTRAINT "suivi_depenses_periode_id_suivi_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."suivi_periodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_depenses" ADD CONSTRAINT "suivi_depenses_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;