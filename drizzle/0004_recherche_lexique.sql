-- The kit's vocabulary for « Vouliez-vous dire … ? »: every word of 4 to 30 letters of the
-- columns named in the trigger's arguments, keyed without accents or case. Kept by the
-- database, whoever writes the row (content import or, later, online editing). Link targets
-- (« ](/fiches/…) ») are not words; an accented form is preferred to a bare one.
CREATE OR REPLACE FUNCTION public.recherche_enrichir_lexique() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO public.recherche_mots AS r (cle, forme)
	SELECT DISTINCT ON (cle) cle, forme
	FROM (
		SELECT lower(public.immutable_unaccent(m)) AS cle, lower(m) AS forme
		FROM jsonb_each_text(to_jsonb(NEW)) AS c(colonne, valeur),
			regexp_split_to_table(regexp_replace(c.valeur, '\]\([^)]*\)', ' ', 'g'), '[^0-9A-Za-zÀ-ÖØ-öø-ÿŒœ]+') AS m
		WHERE c.colonne = ANY (TG_ARGV) AND char_length(m) BETWEEN 4 AND 30
	) AS mots
	ORDER BY cle, forme = cle, forme
	ON CONFLICT (cle) DO UPDATE SET forme = excluded.forme
		WHERE r.forme = r.cle AND excluded.forme <> excluded.cle;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER fiches_lexique AFTER INSERT OR UPDATE ON public.fiches
	FOR EACH ROW EXECUTE FUNCTION public.recherche_enrichir_lexique(
		'titre', 'resume', 'identite', 'contexte', 'objectifs', 'demarche', 'acteurs_gouvernance',
		'implication_publics', 'transversalite', 'resultats_ici', 'resultats_la_bas', 'difficultes',
		'enseignements', 'recommandations_texte', 'transferabilite');--> statement-breakpoint
CREATE TRIGGER etapes_lexique AFTER INSERT OR UPDATE ON public.etapes
	FOR EACH ROW EXECUTE FUNCTION public.recherche_enrichir_lexique('titre', 'resume', 'pourquoi');--> statement-breakpoint
CREATE TRIGGER recommandations_lexique AFTER INSERT OR UPDATE ON public.recommandations
	FOR EACH ROW EXECUTE FUNCTION public.recherche_enrichir_lexique('titre', 'pourquoi', 'en_pratique');
