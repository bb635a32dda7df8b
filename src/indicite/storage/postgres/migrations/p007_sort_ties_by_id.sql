-- The tables of indicators sort by a column, ties by id (storage.indicator_queries.view_order).
-- SQLite's index on (status) holds each row's id after the key, so its (status) indexes give
-- that order as they are; PostgreSQL's do not, and sorting 900,000 approved entries by id to
-- show the first page of View → All indicators sorted by status took 0.35–0.45 s at 1M rows
-- (bench/bench_copy.py). With the id in the index it reads the page off it: 2 ms. Columns
-- with few values (large groups of ties) only; for the others (name, period label, value,
-- document) PostgreSQL sorts the few ties of the first rows itself (incremental sort).
CREATE INDEX indicators_live_sorted_by_status ON indicators (status, id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_sorted_by_subject ON indicators (subject, id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_sorted_by_unit ON indicators (unit, id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_sorted_by_measure ON indicators (measure, id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_sorted_by_kind ON indicators (kind, id) WHERE deleted_at IS NULL;
