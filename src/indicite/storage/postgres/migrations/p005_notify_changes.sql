-- Other desks see a change within a second (issue 20): every statement that changes what a
-- window shows sends one notification on the channel "indicite", delivered at commit to every
-- connection that LISTENs (storage.postgres.listen). Statement-level triggers, so a load of
-- 100,000 rows sends one notification, not 100,000. The payload is small JSON:
--   {"table": "indicators", "ids": [12, 13]}
-- ids: the rows' key (listed per table below), null when more than 200 (the payload limit is
-- 8,000 bytes). The notification itself carries the server process id of the writing
-- connection, so a desk tells its own writes from another desk's. PostgreSQL drops a payload
-- repeated in one transaction.
--
-- The entry_presence table (who has an entry open) is created by the next migration, which
-- adds its own triggers with this function.

CREATE FUNCTION indicite_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    -- TG_ARGV[0]: the column whose values are sent (the transition table is "changed_rows")
    EXECUTE format(
        'SELECT array_agg(k) FROM (SELECT %1$I AS k FROM changed_rows '
        'WHERE %1$I IS NOT NULL LIMIT 201) s',
        TG_ARGV[0]
    ) INTO ids;
    IF ids IS NULL THEN
        RETURN NULL;  -- the statement changed no row: nothing to tell
    END IF;
    PERFORM pg_notify('indicite', json_build_object(
        'table', TG_TABLE_NAME,
        'ids', CASE WHEN cardinality(ids) > 200 THEN NULL ELSE ids END
    )::text);
    RETURN NULL;
END
$$;

-- A trigger with a transition table handles one kind of statement: three per table.
CREATE FUNCTION indicite_notify_on(tbl text, key text, ops text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    op text;
BEGIN
    FOREACH op IN ARRAY ops LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s TABLE AS changed_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION indicite_notify(%L)',
            tbl || '_notify_' || lower(op), op, tbl,
            CASE op WHEN 'DELETE' THEN 'OLD' ELSE 'NEW' END, key
        );
    END LOOP;
END
$$;

SELECT indicite_notify_on(tbl, key, ARRAY['INSERT', 'UPDATE', 'DELETE'])
FROM (VALUES
    ('indicators', 'id'),
    ('citations', 'indicator_id'),
    ('comments', 'indicator_id'),
    ('events', 'id'),
    ('documents', 'id'),
    ('document_tables', 'document_id'),
    ('dismissed_suggestions', 'document_id'),
    ('catalog', 'id')
) AS t(tbl, key);
