CREATE TABLE "demandes_adhesion" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"utilisateur_id" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"statut" text DEFAULT 'en-attente' NOT NULL,
	"traite_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"traitee_le" timestamp with time zone,
	CONSTRAINT "demandes_statut_ck" CHECK ("demandes_adhesion"."statut" in ('en-attente', 'acceptee', 'refusee'))
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"courriel" text NOT NULL,
	"role" text NOT NULL,
	"jeton_hache" text NOT NULL,
	"invite_par" text,
	"expire_le" timestamp with time zone NOT NULL,
	"acceptee_le" timestamp with time zone,
	"revoquee_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_jeton_hache_unique" UNIQUE("jeton_hache"),
	CONSTRAINT "invitations_role_ck" CHECK ("invitations"."role" in ('proprietaire', 'gestionnaire', 'membre'))
);
--> statement-breakpoint
CREATE TABLE "membres" (
	"organisation_id" integer NOT NULL,
	"utilisateur_id" text NOT NULL,
	"role" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membres_organisation_id_utilisateur_id_pk" PRIMARY KEY("organisation_id","utilisateur_id"),
	CONSTRAINT "membres_role_ck" CHECK ("membres"."role" in ('proprietaire', 'gestionnaire', 'membre'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"nom" text NOT NULL,
	"type" text NOT NULL,
	"pays" text NOT NULL,
	"code_territoire" text,
	"description" text DEFAULT '' NOT NULL,
	"cree_par" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_type_ck" CHECK ("organisations"."type" in ('departement', 'region', 'commune-intercommunalite', 'association', 'ong', 'collectivite-etrangere', 'institution', 'autre'))
);
--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes_adhesion" ADD CONSTRAINT "demandes_adhesion_traite_par_utilisateurs_id_fk" FOREIGN KEY ("traite_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invite_par_utilisateurs_id_fk" FOREIGN KEY ("invite_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres" ADD CONSTRAINT "membres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membres" ADD CONSTRAINT "membres_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_cree_par_utilisateurs_id_fk" FOREIGN KEY ("cree_par") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demandes_organisation_idx" ON "demandes_adhesion" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "invitations_organisation_idx" ON "invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "membres_utilisateur_idx" ON "membres" USING btree ("utilisateur_id");