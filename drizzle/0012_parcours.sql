ALTER TABLE "projets_auto_evaluations" ADD COLUMN "statut" text DEFAULT 'terminee' NOT NULL;--> statement-breakpoint
ALTER TABLE "projets_auto_evaluations" ADD COLUMN "modifie_le" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "fuseau_horaire" text DEFAULT 'Europe/Paris' NOT NULL;--> statement-breakpoint
-- Hand-written (keep when regenerating): earlier takings were finished when created.
UPDATE "projets_auto_evaluations" SET "modifie_le" = "cree_le";--> statement-breakpoint
-- Hand-written (keep when regenerating): the duplicate pending invitations sent before this
-- migration are revoked, all but the newest per address, so that the unique indexes below hold.
UPDATE "invitations" SET "revoquee_le" = now() WHERE "acceptee_le" IS NULL AND "revoquee_le" IS NULL AND "id" NOT IN (SELECT max("id") FROM "invitations" WHERE "acceptee_le" IS NULL AND "revoquee_le" IS NULL GROUP BY "organisation_id", lower("courriel"));--> statement-breakpoint
UPDATE "projets_invitations" SET "revoquee_le" = now() WHERE "acceptee_le" IS NULL AND "revoquee_le" IS NULL AND "id" NOT IN (SELECT max("id") FROM "projets_invitations" WHERE "acceptee_le" IS NULL AND "revoquee_le" IS NULL GROUP BY "projet_id", lower("courriel"));--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_en_attente_uq" ON "invitations" USING btree ("organisation_id",lower("courriel")) WHERE "invitations"."acceptee_le" is null and "invitations"."revoquee_le" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "projets_auto_evaluations_en_cours_uq" ON "projets_auto_evaluations" USING btree ("projet_id") WHERE "projets_auto_evaluations"."statut" = 'en-cours';--> statement-breakpoint
CREATE UNIQUE INDEX "projets_invitations_en_attente_uq" ON "projets_invitations" USING btree ("projet_id",lower("courriel")) WHERE "projets_invitations"."acceptee_le" is null and "projets_invitations"."revoquee_le" is null;--> statement-breakpoint
ALTER TABLE "projets_auto_evaluations" ADD CONSTRAINT "projets_auto_evaluations_statut_ck" CHECK ("projets_auto_evaluations"."statut" in ('en-cours', 'terminee'));