-- The views sorted by value put entries without one first going up, as SQLite does
-- (indicator_queries.view_order spells NULLS FIRST / NULLS LAST): the value indexes hold
-- NULL first, so a page of that order is still a walk of an index, forwards or backwards.
DROP INDEX indicators_live_by_value;
CREATE INDEX indicators_live_by_value ON indicators (value NULLS FIRST) WHERE deleted_at IS NULL;
DROP INDEX indicators_live_by_status_value;
CREATE INDEX indicators_live_by_status_value ON indicators (status, value NULLS FIRST)
    WHERE deleted_at IS NULL;
