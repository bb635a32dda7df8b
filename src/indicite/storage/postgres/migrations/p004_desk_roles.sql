-- Roles and four eyes enforced by the server (issue 20, team mode): see docs/team-mode-security.md.
--
-- Every desk connects as its own PostgreSQL login, and that login IS the desk's Indicite user
-- (session_user); its Indicite role is its membership of one of three group roles:
-- indicite_role_staff, indicite_role_editor, indicite_role_admin. (The group names carry
-- "role_" so that they do not collide with a DBA's own "indicite_admin" login.)
--
-- Mechanism: database roles (grants) plus BEFORE triggers, not security-definer functions for
-- the workflow. Why:
--  * The repositories keep the one query text both engines run (storage.postgres): approve is
--    still "UPDATE indicators SET status = ...". With security-definer functions every
--    workflow write would need a PostgreSQL-only twin and direct UPDATE revoked.
--  * A trigger sees every write to the row whoever sends it: the app, psql, a spreadsheet's
--    ODBC link. It checks the transition against core/workflow.py's table, the four-eyes rule
--    (the "four_eyes" setting) and that created_by/updated_by/reviewed_by name session_user.
--  * Desks do not own the tables (the database owner who ran the migrations does), so they
--    cannot ALTER TABLE ... DISABLE TRIGGER, drop a trigger or truncate: only the owner or a
--    superuser can, and neither is handed to a desk.
-- Only user management, which needs CREATEROLE, goes through two security-definer functions
-- (indicite_add_desk, indicite_set_desk_role) that only indicite_role_admin may execute.
--
-- A connection that is not a desk (the owner who runs the migrations and `indicite copy`, or a
-- superuser) is trusted: the app's user name is taken as given, as on a SQLite file.
-- Group roles belong to the whole server: a person has the same role in every Indicite
-- database of one server, and CONNECT on a database decides which ones they reach.

DO $$
DECLARE
    group_name text;
BEGIN
    FOREACH group_name IN ARRAY ARRAY['indicite_role_staff', 'indicite_role_editor',
                                      'indicite_role_admin'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', group_name);
        END IF;
    END LOOP;
END $$;

-- The Indicite role of a login: NULL for a superuser and for a login of no group (the owner
-- who runs the migrations: trusted, not a desk), and for names that are no login here.
-- USAGE, not MEMBER: on PostgreSQL 16 the owner who created the groups holds an ADMIN OPTION
-- membership of them without inheriting their rights, and is no desk.
CREATE FUNCTION indicite_role_of(login text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN r.rolsuper THEN NULL
        WHEN pg_has_role(r.oid, 'indicite_role_admin', 'USAGE') THEN 'admin'
        WHEN pg_has_role(r.oid, 'indicite_role_editor', 'USAGE') THEN 'editor'
        WHEN pg_has_role(r.oid, 'indicite_role_staff', 'USAGE') THEN 'staff'
    END
    FROM pg_roles r WHERE r.rolname = login
$$;

CREATE FUNCTION indicite_refuse(message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = message;
END $$;

-- Entries: the author is the desk, status moves as core/workflow.py allows for the desk's role,
-- four eyes on approval, an approved entry's content is locked.
CREATE FUNCTION indicite_guard_indicators() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    who text := session_user;
    desk text := indicite_role_of(session_user);
    reviewer boolean;
    allowed boolean;
BEGIN
    IF desk IS NULL THEN
        RETURN NEW;
    END IF;
    reviewer := desk IN ('editor', 'admin');
    IF TG_OP = 'INSERT' THEN
        IF NEW.created_by IS DISTINCT FROM who OR coalesce(NEW.updated_by, who) <> who THEN
            PERFORM indicite_refuse(format(
                '%s can only record entries under their own name, not %s.', who, NEW.created_by));
        END IF;
        IF NEW.status = 'approved' THEN
            -- A file loaded by an editor may bring approved entries (services.load); the four
            -- eyes of those are checked at commit against the file's author (load_provenance).
            IF NOT reviewer OR NEW.reviewed_by IS DISTINCT FROM who THEN
                PERFORM indicite_refuse(format(
                    'Only an editor can store an approved entry, under their own name; %s is %s.',
                    who, desk));
            END IF;
        ELSIF NEW.status NOT IN ('draft', 'submitted') OR NEW.reviewed_by IS NOT NULL THEN
            PERFORM indicite_refuse(format(
                'A new entry starts as a draft or submitted, not %s.', NEW.status));
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.created_by IS DISTINCT FROM OLD.created_by
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        PERFORM indicite_refuse(format(
            'Who entered entry %s and when cannot be changed.', OLD.id));
    END IF;
    IF NEW.updated_by IS DISTINCT FROM OLD.updated_by AND NEW.updated_by IS DISTINCT FROM who THEN
        PERFORM indicite_refuse(format(
            '%s can only record changes under their own name, not %s.', who, NEW.updated_by));
    END IF;
    IF NEW.reviewed_by IS DISTINCT FROM OLD.reviewed_by AND NEW.reviewed_by IS DISTINCT FROM who THEN
        PERFORM indicite_refuse(format(
            '%s can only record reviews under their own name, not %s.', who, NEW.reviewed_by));
    END IF;

    IF NEW.status IS DISTINCT FROM OLD.status THEN
        -- core/workflow.py TRANSITIONS, plus approved -> submitted when a new version of the
        -- document changed a cited number (services.revisions marks it source_changed)
        IF OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NOT NULL THEN
            PERFORM indicite_refuse(format(
                'Entry %s was deleted; restore it first.', OLD.id));
        END IF;
        allowed := CASE
            WHEN OLD.status IN ('draft', 'returned') AND NEW.status = 'submitted' THEN true
            WHEN OLD.status = 'submitted' AND NEW.status = 'draft' THEN true
            WHEN OLD.status = 'approved' AND NEW.status = 'submitted'
                THEN reviewer OR NEW.source_changed = 1
            WHEN OLD.status = 'submitted' AND NEW.status IN ('approved', 'returned') THEN reviewer
            WHEN OLD.status = 'approved' AND NEW.status = 'draft' THEN reviewer
            ELSE false
        END;
        IF NOT allowed THEN
            PERFORM indicite_refuse(format(
                '%s is %s and cannot move entry %s from %s to %s.',
                who, desk, OLD.id, OLD.status, NEW.status));
        END IF;
        IF NEW.status IN ('approved', 'returned') AND NEW.reviewed_by IS DISTINCT FROM who THEN
            PERFORM indicite_refuse(format(
                'Entry %s must name %s as its reviewer.', OLD.id, who));
        END IF;
        IF NEW.status = 'approved'
           AND coalesce((SELECT value FROM settings WHERE key = 'four_eyes'), 'on') = 'on'
           AND who IN (NEW.created_by, OLD.updated_by, NEW.updated_by) THEN
            PERFORM indicite_refuse(format(
                'Four eyes: %s entered or last changed entry %s, so another editor must approve it.',
                who, OLD.id));
        END IF;
    ELSIF OLD.status = 'approved' AND (
        NEW.name, NEW.subject, NEW.period_label, NEW.period_start, NEW.period_end, NEW.measure,
        NEW.value, NEW.value_high, NEW.unit, NEW.base_value, NEW.base_value_high, NEW.base_unit,
        NEW.qualifier, NEW.value_text, NEW.kind, NEW.notes, NEW.deleted_at
    ) IS DISTINCT FROM (
        OLD.name, OLD.subject, OLD.period_label, OLD.period_start, OLD.period_end, OLD.measure,
        OLD.value, OLD.value_high, OLD.unit, OLD.base_value, OLD.base_value_high, OLD.base_unit,
        OLD.qualifier, OLD.value_text, OLD.kind, OLD.notes, OLD.deleted_at
    ) THEN
        PERFORM indicite_refuse(format(
            'Entry %s is approved and locked; an editor must reopen it before it changes.', OLD.id));
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER indicators_desk_rules BEFORE INSERT OR UPDATE ON indicators
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_indicators();

-- An approved entry a desk inserts (a loaded file's) passes four eyes by the file's author,
-- recorded in load_provenance in the same transaction: checked when the transaction commits.
CREATE FUNCTION indicite_check_inserted_approval() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    author text;
BEGIN
    IF NEW.status <> 'approved' OR indicite_role_of(session_user) IS NULL
       OR coalesce((SELECT value FROM settings WHERE key = 'four_eyes'), 'on') <> 'on' THEN
        RETURN NULL;
    END IF;
    SELECT created_by INTO author FROM load_provenance WHERE indicator_id = NEW.id;
    IF coalesce(author, session_user) = session_user THEN
        PERFORM indicite_refuse(format(
            'Four eyes: %s entered entry %s, so another editor must approve it.',
            session_user, NEW.id));
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER indicators_inserted_approval AFTER INSERT ON indicators
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.status = 'approved' AND NEW.created_by = NEW.reviewed_by)
    EXECUTE FUNCTION indicite_check_inserted_approval();

-- The history, comments, dismissed suggestions and imported documents speak for the desk
-- that writes them: the column named by the trigger's argument must be session_user.
CREATE FUNCTION indicite_guard_who() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    named text := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
    IF indicite_role_of(session_user) IS NOT NULL AND named IS DISTINCT FROM session_user THEN
        PERFORM indicite_refuse(format(
            '%s can only write in %s under their own name, not %s.',
            session_user, TG_TABLE_NAME, named));
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER events_desk_who BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_who('who');

CREATE TRIGGER comments_desk_who BEFORE INSERT OR UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_who('who');

CREATE TRIGGER dismissed_suggestions_desk_who BEFORE INSERT OR UPDATE ON dismissed_suggestions
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_who('who');

CREATE TRIGGER documents_desk_who BEFORE INSERT ON documents
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_who('imported_by');

-- An approved entry's citations are locked with it (a new version of the document moves them
-- with UPDATE, which stays allowed: services.revisions).
CREATE FUNCTION indicite_guard_citations() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    entry bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator_id ELSE NEW.indicator_id END;
BEGIN
    IF indicite_role_of(session_user) IS NOT NULL
       AND (SELECT status FROM indicators WHERE id = entry) = 'approved' THEN
        PERFORM indicite_refuse(format(
            'Entry %s is approved and locked; an editor must reopen it before it changes.',
            entry));
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER citations_desk_rules BEFORE INSERT OR DELETE ON citations
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_citations();

-- The users table follows the server: a login's row carries its group's role, whatever is
-- written, and a desk that is no admin writes only its own row.
CREATE FUNCTION indicite_guard_users() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    desk text := indicite_role_of(session_user);
BEGIN
    IF desk IS NOT NULL AND desk <> 'admin' AND NEW.name IS DISTINCT FROM session_user THEN
        PERFORM indicite_refuse('Only an admin can manage users and settings.');
    END IF;
    NEW.role := coalesce(indicite_role_of(NEW.name), NEW.role);
    RETURN NEW;
END $$;

CREATE TRIGGER users_follow_server BEFORE INSERT OR UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION indicite_guard_users();

-- User management by an admin desk, who has no CREATEROLE: run as the owner (who has).
-- ``verifier`` is the SCRAM verifier the client computed (never the password itself), or NULL
-- for a login that signs in another way (certificate, peer).
CREATE FUNCTION indicite_add_desk(login text, desk_role text, verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF desk_role NOT IN ('staff', 'editor', 'admin') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('%s is not a role; use staff, editor or admin.', desk_role);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_object',
            MESSAGE = format('The server has a login %s already.', login);
    END IF;
    IF verifier IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', login, 'indicite_role_' || desk_role);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I',
                       login, verifier, 'indicite_role_' || desk_role);
    END IF;
END $$;

CREATE FUNCTION indicite_set_desk_role(login text, desk_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    group_name text;
BEGIN
    IF desk_role NOT IN ('staff', 'editor', 'admin') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = format('%s is not a role; use staff, editor or admin.', desk_role);
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login AND NOT rolsuper)
       OR NOT (pg_has_role(login, 'indicite_role_staff', 'USAGE')
               OR pg_has_role(login, 'indicite_role_editor', 'USAGE')
               OR pg_has_role(login, 'indicite_role_admin', 'USAGE')) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('%s is not a desk login of this database.', login);
    END IF;
    FOREACH group_name IN ARRAY ARRAY['indicite_role_staff', 'indicite_role_editor',
                                      'indicite_role_admin'] LOOP
        IF pg_has_role(login, group_name, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', group_name, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'indicite_role_' || desk_role, login);
END $$;

-- The rule functions read settings and load_provenance: pinned to this schema, with pg_temp
-- last, so that a desk's temporary table named "settings" cannot stand in for the real one.
DO $$
DECLARE
    rule text;
BEGIN
    FOREACH rule IN ARRAY ARRAY['indicite_role_of(text)', 'indicite_refuse(text)',
                                'indicite_guard_indicators()', 'indicite_check_inserted_approval()',
                                'indicite_guard_who()', 'indicite_guard_citations()',
                                'indicite_guard_users()'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp',
                       rule, current_schema());
    END LOOP;
END $$;

REVOKE ALL ON FUNCTION indicite_add_desk(text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION indicite_set_desk_role(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION indicite_add_desk(text, text, text) TO indicite_role_admin;
GRANT EXECUTE ON FUNCTION indicite_set_desk_role(text, text) TO indicite_role_admin;

-- What each group may do to the tables: read all, write rows, delete where the app deletes
-- (CONNECT is PUBLIC's by default; a DBA who revokes it
-- grants it to the three groups). Desks read everything and write rows; none owns a
-- table, so none can alter, disable triggers, truncate or drop. Tables later migrations add
-- get the same rows-only rights (default privileges of the owner who runs them).
DO $$
DECLARE
    group_name text;
BEGIN
    FOREACH group_name IN ARRAY ARRAY['indicite_role_staff', 'indicite_role_editor',
                                      'indicite_role_admin'] LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), group_name);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), group_name);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I',
                       current_schema(), group_name);
        -- rows the app never deletes (an entry is deleted by marking it, deleted_at)
        EXECUTE format('REVOKE DELETE ON documents, files, indicators, events, comments, users, '
                       'settings, load_provenance, ocr_pages, pdf_char_maps, document_tables, '
                       'citation_placements, catalog FROM %I', group_name);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON indicite_migrations FROM %I', group_name);
        EXECUTE format('REVOKE UPDATE ON events FROM %I', group_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I '
                       'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                       current_schema(), group_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I '
                       'GRANT USAGE, SELECT ON SEQUENCES TO %I', current_schema(), group_name);
    END LOOP;
END $$;

-- Settings (the four-eyes rule) are the admins'; so are deleting and merging catalog items.
REVOKE INSERT, UPDATE ON settings FROM indicite_role_staff, indicite_role_editor;
GRANT DELETE ON catalog TO indicite_role_editor, indicite_role_admin;
