ALTER TABLE "fiches" ADD COLUMN "organisation_id" integer;--> statement-breakpoint
ALTER TABLE "fiches" ADD CONSTRAINT "fiches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fiches_organisation_idx" ON "fiches" USING btree ("organisation_id");