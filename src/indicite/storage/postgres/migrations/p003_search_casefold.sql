-- Search folds case as the SQLite store does (storage.postgres.search, issue 20).
--
-- The SQLite store's FTS5 index folds case with SQLite's Unicode table, and query words are
-- casefolded by Python (storage.search.query_terms); both turn the micro sign into mu, final
-- sigma into sigma, long s into s and the Greek symbol letters into their letters. lower()
-- leaves those alone, so "μg" missed "µg" here. indicite_search_fold is lower() plus that
-- mapping; the trigram indexes are rebuilt on it. (Everything else lower() folds through the
-- database's LC_CTYPE, which must be a UTF-8 locale: see docs/team-mode.md.)
CREATE FUNCTION indicite_search_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT translate(lower(t), 'µſͅςϐϑϕϖϰϱϵẛι', 'μsισβθφπκρεṡι') $$;

DROP INDEX indicators_name_trgm;
DROP INDEX citations_exact_trgm;

CREATE INDEX indicators_name_trgm ON indicators USING gin (indicite_search_fold(name) gin_trgm_ops);

CREATE INDEX citations_exact_trgm ON citations USING gin (indicite_search_fold("exact") gin_trgm_ops);
