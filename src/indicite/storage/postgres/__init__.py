"""The PostgreSQL store of team mode: the same repositories, another engine (issue 20).

Why psycopg 3 with the repositories' own SQL, and not a query builder for both engines:
the SQLite path is built on sqlite-utils (tables, ``Migrations``, FTS5) and its queries are
already written in the SQL both engines share (joins, partial indexes, ``coalesce``,
``LIMIT``). Rewriting 3,000 lines of storage in SQLAlchemy Core would change every query of
the default store to gain the second one. Instead each query keeps one text: ``sql`` turns
SQLite's placeholders and the handful of SQLite spellings (``group_concat``, ``json_each``,
``INDEXED BY``…) into PostgreSQL's as the text is first run, and ``PgDatabase`` offers the
part of sqlite-utils' ``Database`` the repositories use. What truly differs lives in one
place per engine: the schema and its migrations (``schema``), full-text search
(``pg_trgm`` instead of FTS5), bulk inserts, and the server-side rules (``desks``,
``migrations/p004_desk_roles.sql``).
"""
