CREATE TABLE "suivi_cibles" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"indicateur" text NOT NULL,
	"periode_id" integer NOT NULL,
	"cote" text NOT NULL,
	"cible" double precision NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suivi_cibles_uq" UNIQUE("projet_id","indicateur","periode_id","cote"),
	CONSTRAINT "suivi_cibles_cote_ck" CHECK ("suivi_cibles"."cote" in ('ici', 'la-bas'))
);
--> statement-breakpoint
ALTER TABLE "suivi_valeurs" ADD COLUMN "ventilation" jsonb;--> statement-breakpoint
ALTER TABLE "suivi_cibles" ADD CONSTRAINT "suivi_cibles_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_cibles" ADD CONSTRAINT "suivi_cibles_periode_id_suivi_periodes_id_fk" FOREIGN KEY ("periode_id") REFERENCES "public"."suivi_periodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suivi_cibles" ADD CONSTRAINT "suivi_cibles_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;