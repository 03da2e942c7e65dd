CREATE TABLE "identifiants" (
	"id" text PRIMARY KEY NOT NULL,
	"utilisateur_id" text NOT NULL,
	"fournisseur" text NOT NULL,
	"compte_fournisseur" text NOT NULL,
	"mot_de_passe" text,
	"jeton_acces" text,
	"jeton_rafraichissement" text,
	"jeton_identite" text,
	"jeton_acces_expire_le" timestamp with time zone,
	"jeton_rafraichissement_expire_le" timestamp with time zone,
	"portee" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_securite" (
	"id" serial PRIMARY KEY NOT NULL,
	"evenement" text NOT NULL,
	"utilisateur_id" text,
	"cible_id" text,
	"courriel" text,
	"adresse_ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"jeton" text NOT NULL,
	"utilisateur_id" text NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"adresse_ip" text,
	"navigateur" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_jeton_unique" UNIQUE("jeton")
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"courriel" text NOT NULL,
	"courriel_verifie" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'membre' NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"desactive_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "utilisateurs_courriel_unique" UNIQUE("courriel"),
	CONSTRAINT "utilisateurs_role_ck" CHECK ("utilisateurs"."role" in ('membre', 'editeur', 'administrateur'))
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifiant" text NOT NULL,
	"valeur" text NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identifiants" ADD CONSTRAINT "identifiants_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_securite" ADD CONSTRAINT "journal_securite_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identifiants_utilisateur_idx" ON "identifiants" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "journal_securite_date_idx" ON "journal_securite" USING btree ("cree_le");--> statement-breakpoint
CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "verifications_identifiant_idx" ON "verifications" USING btree ("identifiant");