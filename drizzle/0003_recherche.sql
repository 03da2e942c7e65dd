CREATE TABLE "departements" (
	"code" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"region_code" text NOT NULL,
	"region_nom" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recherche_mots" (
	"cle" text PRIMARY KEY NOT NULL,
	"forme" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "etapes" ADD COLUMN "recherche" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('public.francais'::regconfig, coalesce(titre, '')), 'A') || setweight(to_tsvector('public.francais'::regconfig, coalesce(resume, '')), 'B') || setweight(to_tsvector('public.francais'::regconfig, coalesce(pourquoi, '') || ' ' || coalesce(questions_cles::text, '') || ' ' || coalesce(ecueils::text, '')), 'C')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "fiches" ADD COLUMN "identite" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "fiches" ADD COLUMN "recherche" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('public.francais'::regconfig, coalesce(titre, '')), 'A') || setweight(to_tsvector('public.francais'::regconfig, coalesce(resume, '') || ' ' || coalesce(identite, '')), 'B') || setweight(to_tsvector('public.francais'::regconfig, coalesce(contexte, '') || ' ' || coalesce(objectifs, '') || ' ' || coalesce(demarche, '') || ' ' || coalesce(acteurs_gouvernance, '') || ' ' || coalesce(implication_publics, '') || ' ' || coalesce(transversalite, '') || ' ' || coalesce(resultats_ici, '') || ' ' || coalesce(resultats_la_bas, '') || ' ' || coalesce(difficultes, '') || ' ' || coalesce(enseignements, '') || ' ' || coalesce(recommandations_texte, '') || ' ' || coalesce(transferabilite, '')), 'C')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "recommandations" ADD COLUMN "recherche" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('public.francais'::regconfig, coalesce(titre, '')), 'A') || setweight(to_tsvector('public.francais'::regconfig, coalesce(pourquoi, '')), 'B') || setweight(to_tsvector('public.francais'::regconfig, coalesce(en_pratique, '')), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "recherche_mots_trgm_idx" ON "recherche_mots" USING gin ("cle" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "etapes_recherche_idx" ON "etapes" USING gin ("recherche");--> statement-breakpoint
CREATE INDEX "fiches_recherche_idx" ON "fiches" USING gin ("recherche");--> statement-breakpoint
CREATE INDEX "recommandations_recherche_idx" ON "recommandations" USING gin ("recherche");