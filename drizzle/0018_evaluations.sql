CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"projet_id" integer NOT NULL,
	"type" text NOT NULL,
	"titre" text NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_type_ck" CHECK ("evaluations"."type" in ('mi-parcours', 'finale', 'autre'))
);
--> statement-breakpoint
CREATE TABLE "evaluations_constats" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"question" text NOT NULL,
	"constat" text NOT NULL,
	"preuves" text DEFAULT '' NOT NULL,
	"jugement" text,
	"avec_qui" text DEFAULT '' NOT NULL,
	"personnes_concernees" boolean DEFAULT false NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_constats_uq" UNIQUE("evaluation_id","question"),
	CONSTRAINT "evaluations_constats_jugement_ck" CHECK ("evaluations_constats"."jugement" is null or "evaluations_constats"."jugement" in ('tres-satisfaisant', 'satisfaisant', 'peu-satisfaisant', 'insatisfaisant'))
);
--> statement-breakpoint
CREATE TABLE "evaluations_impacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"cote" text NOT NULL,
	"description" text NOT NULL,
	"prevu" boolean NOT NULL,
	"positif" boolean NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_impacts_cote_ck" CHECK ("evaluations_impacts"."cote" in ('ici', 'la-bas'))
);
--> statement-breakpoint
CREATE TABLE "evaluations_recommandations" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"recommandation" text NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"responsable" text DEFAULT '' NOT NULL,
	"echeance" date,
	"statut" text NOT NULL,
	"modifie_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_recommandations_statut_ck" CHECK ("evaluations_recommandations"."statut" in ('a-decider', 'decidee', 'en-cours', 'faite', 'ecartee'))
);
--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_projet_id_projets_id_fk" FOREIGN KEY ("projet_id") REFERENCES "public"."projets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_constats" ADD CONSTRAINT "evaluations_constats_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_constats" ADD CONSTRAINT "evaluations_constats_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_impacts" ADD CONSTRAINT "evaluations_impacts_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_impacts" ADD CONSTRAINT "evaluations_impacts_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_recommandations" ADD CONSTRAINT "evaluations_recommandations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations_recommandations" ADD CONSTRAINT "evaluations_recommandations_modifie_par_utilisateurs_id_fk" FOREIGN KEY ("modifie_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_projet_idx" ON "evaluations" USING btree ("projet_id");--> statement-breakpoint
CREATE INDEX "evaluations_impacts_idx" ON "evaluations_impacts" USING btree ("evaluation_id");--> statement-breakpoint
CREATE INDEX "evaluations_recommandations_idx" ON "evaluations_recommandations" USING btree ("evaluation_id");