-- Facets in the fiche's row, indexed with its words: one GIN index answers both, and counting
-- facet values reads one small array per matching fiche instead of joining six tables.
DROP INDEX "fiches_recherche_idx";--> statement-breakpoint
-- Kept in the row (compressed if need be, never out of line): ranking and facet counts read
-- them for thousands of fiches, and fetching each from the TOAST table cost ten times more.
ALTER TABLE "fiches" ALTER COLUMN "recherche_entete" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "fiches" ADD COLUMN "liens_facettes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "fiches" ADD COLUMN "facettes" text[] GENERATED ALWAYS AS (liens_facettes || array['statut:' || statut, 'periode:' || ((substring(periode_debut from 1 for 4)::int / 5) * 5)::text]) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "fiches" ALTER COLUMN "facettes" SET STORAGE MAIN;--> statement-breakpoint
CREATE INDEX "fiches_recherche_idx" ON "fiches" USING gin ("recherche","facettes");--> statement-breakpoint
-- liens_facettes is written by the import: forget the fingerprint of the last import so that
-- the next start imports the content again and fills it.
DELETE FROM "parametres" WHERE "cle" = 'contenu.empreinte';
