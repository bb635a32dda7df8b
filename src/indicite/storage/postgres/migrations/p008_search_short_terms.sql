-- Search terms of one or two characters (煤, 工业, 5G) through an index (storage.postgres.search).
--
-- A term shorter than three characters has no trigram, so the trigram indexes cannot find
-- it: PostgreSQL read every quote (1M rows, 0.6-0.7 s) for a term that few of them hold.
-- indicite_search_grams is the set of folded characters and pairs of adjacent characters of
-- a text (some repeated: GIN keeps each key once), i.e. its every one- or two-character
-- substring, so a short term occurs in a text exactly when the text's grams contain it; the
-- GIN indexes answer ``@> ARRAY[term]`` for short terms as the trigram indexes answer the
-- longer ones. ANALYZE keeps the most common grams of each index, so the planner knows a
-- common term (walk the ids in order, stop at the limit) from a rare one (use the index).
-- Computing the grams of a row costs some microseconds: COST tells the planner, so that a
-- walk checks the cheap strpos() of the same term first (the search gives both).
CREATE FUNCTION indicite_search_grams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 1000
    AS $$
        SELECT ARRAY(
            SELECT substr(f, n, w)
            FROM indicite_search_fold(t) AS f,
                 generate_series(1, length(f)) AS n,
                 (VALUES (1), (2)) AS widths (w))
    $$;

CREATE INDEX indicators_name_grams ON indicators USING gin (indicite_search_grams(name));

CREATE INDEX citations_exact_grams ON citations USING gin (indicite_search_grams("exact"));
