-- French full-text search that ignores accents: the french configuration with unaccent applied
-- before stemming. Documents (generated columns) and queries use it, so « cooperation » finds
-- « coopération », and ts_headline can highlight the original, accented text.
CREATE TEXT SEARCH CONFIGURATION public.francais (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.francais
	ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;
