CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE TABLE "catalog" (
   "id" INTEGER PRIMARY KEY,
   "code" TEXT NOT NULL,
   "name" TEXT NOT NULL,
   "aliases" TEXT NOT NULL DEFAULT '[]',
   "measure" TEXT NOT NULL DEFAULT '',
   "unit" TEXT NOT NULL DEFAULT '',
   "description" TEXT NOT NULL DEFAULT '',
   "parent_id" INTEGER REFERENCES "catalog"("id"),
   "created_at" TEXT NOT NULL,
   "updated_at" TEXT
);

CREATE TABLE "citation_placements" (
   "id" INTEGER PRIMARY KEY,
   "citation_id" INTEGER NOT NULL,
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "start" INTEGER NOT NULL,
   "end" INTEGER NOT NULL,
   "exact" TEXT NOT NULL,
   "prefix" TEXT,
   "suffix" TEXT,
   "page" INTEGER,
   "anchor_state" TEXT,
   "replaced_at" TEXT NOT NULL
);

CREATE TABLE "citations" (
   "id" INTEGER PRIMARY KEY,
   "indicator_id" INTEGER NOT NULL REFERENCES "indicators"("id"),
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "start" INTEGER NOT NULL,
   "end" INTEGER NOT NULL,
   "exact" TEXT NOT NULL,
   "prefix" TEXT DEFAULT '',
   "suffix" TEXT DEFAULT '',
   "page" INTEGER,
   "position" INTEGER NOT NULL DEFAULT 0
, "anchor_state" TEXT NOT NULL DEFAULT '', "anchor_score" REAL);

CREATE VIRTUAL TABLE citations_fts USING fts5(text, content='', tokenize='trigram');

CREATE TABLE 'citations_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'citations_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'citations_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'citations_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE citations_fts_terms USING fts5vocab(citations_fts, row);

CREATE TABLE "comments" (
   "id" INTEGER PRIMARY KEY,
   "indicator_id" INTEGER NOT NULL REFERENCES "indicators"("id"),
   "at" TEXT NOT NULL,
   "who" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "body" TEXT NOT NULL
);

CREATE TABLE "dismissed_suggestions" (
   "document_id" INTEGER REFERENCES "documents"("id"),
   "start" INTEGER,
   "end" INTEGER,
   "who" TEXT,
   "at" TEXT,
   PRIMARY KEY ("document_id", "start", "end")
);

CREATE TABLE "document_tables" (
   "id" INTEGER PRIMARY KEY,
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "number" INTEGER NOT NULL,
   "start" INTEGER NOT NULL,
   "end" INTEGER NOT NULL,
   "header_rows" INTEGER NOT NULL,
   "stub_cols" INTEGER NOT NULL,
   "caption" TEXT DEFAULT '',
   "unit" TEXT DEFAULT '',
   "source" TEXT DEFAULT 'markup',
   "uncertain" TEXT DEFAULT '',
   "cells" TEXT NOT NULL
);

CREATE TABLE "documents" (
   "id" INTEGER PRIMARY KEY,
   "title" TEXT NOT NULL,
   "issuer" TEXT DEFAULT '',
   "published_on" TEXT,
   "source_url" TEXT DEFAULT '',
   "doc_type" TEXT DEFAULT '',
   "subject" TEXT DEFAULT '',
   "text" TEXT NOT NULL,
   "text_sha256" TEXT NOT NULL,
   "page_starts" TEXT,
   "char_count" INTEGER NOT NULL,
   "imported_at" TEXT NOT NULL,
   "imported_by" TEXT,
   "replaces_id" INTEGER REFERENCES "documents"("id")
, "version_no" INTEGER NOT NULL DEFAULT 1);

CREATE TABLE "events" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT NOT NULL,
   "who" TEXT NOT NULL,
   "action" TEXT NOT NULL,
   "indicator_id" INTEGER REFERENCES "indicators"("id"),
   "document_id" INTEGER REFERENCES "documents"("id"),
   "before" TEXT,
   "after" TEXT,
   "comment" TEXT DEFAULT ''
);

CREATE TABLE "files" (
   "id" INTEGER PRIMARY KEY,
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "name" TEXT NOT NULL,
   "sha256" TEXT NOT NULL,
   "size" INTEGER NOT NULL,
   "content" BLOB NOT NULL,
   "imported_at" TEXT NOT NULL
);

CREATE TABLE "indicators" (
   "id" INTEGER PRIMARY KEY,
   "document_id" INTEGER NOT NULL REFERENCES "documents"("id"),
   "name" TEXT NOT NULL,
   "subject" TEXT DEFAULT '',
   "period_label" TEXT DEFAULT '',
   "period_start" TEXT,
   "period_end" TEXT,
   "measure" TEXT DEFAULT 'level',
   "value" REAL,
   "unit" TEXT DEFAULT '',
   "base_value" REAL,
   "base_unit" TEXT DEFAULT '',
   "qualifier" TEXT DEFAULT 'eq',
   "value_text" TEXT DEFAULT '',
   "notes" TEXT DEFAULT '',
   "status" TEXT NOT NULL DEFAULT 'draft',
   "version" INTEGER NOT NULL DEFAULT 1,
   "created_by" TEXT NOT NULL,
   "created_at" TEXT NOT NULL,
   "updated_by" TEXT,
   "updated_at" TEXT,
   "reviewed_by" TEXT,
   "reviewed_at" TEXT,
   "deleted_at" TEXT
, "submitted_at" TEXT, "value_high" REAL, "base_value_high" REAL, "source_changed" INTEGER NOT NULL DEFAULT 0, catalog_id INTEGER REFERENCES catalog(id), kind TEXT NOT NULL DEFAULT 'actual');

CREATE VIRTUAL TABLE indicators_fts USING fts5(text, content='', tokenize='trigram');

CREATE TABLE 'indicators_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'indicators_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'indicators_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'indicators_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE VIRTUAL TABLE indicators_fts_terms USING fts5vocab(indicators_fts, row);

CREATE TABLE "load_provenance" (
   "indicator_id" INTEGER PRIMARY KEY REFERENCES "indicators"("id"),
   "file" TEXT NOT NULL,
   "row" INTEGER NOT NULL,
   "status" TEXT,
   "created_by" TEXT,
   "created_at" TEXT,
   "reviewed_by" TEXT,
   "reviewed_at" TEXT
);

CREATE TABLE "ocr_pages" (
   "document_id" INTEGER REFERENCES "documents"("id"),
   "page" INTEGER,
   "chars" TEXT NOT NULL,
   "boxes" BLOB NOT NULL,
   "confidence" BLOB NOT NULL,
   PRIMARY KEY ("document_id", "page")
);

CREATE TABLE "pdf_char_maps" (
   "document_id" INTEGER PRIMARY KEY REFERENCES "documents"("id"),
   "runs" BLOB,
   "made_at" TEXT NOT NULL
);

CREATE TABLE "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);

CREATE TABLE "users" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "role" TEXT NOT NULL,
   "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE UNIQUE INDEX "idx_catalog_code"
    ON "catalog" ("code");

CREATE UNIQUE INDEX "idx_catalog_name"
    ON "catalog" ("name");

CREATE INDEX "idx_catalog_parent_id"
    ON "catalog" ("parent_id");

CREATE INDEX "idx_citation_placements_citation_id_id"
    ON "citation_placements" ("citation_id", "id");

CREATE INDEX "idx_citations_document_id_start"
    ON "citations" ("document_id", "start");

CREATE INDEX "idx_citations_indicator_id_position"
    ON "citations" ("indicator_id", "position");

CREATE INDEX "idx_comments_indicator_id_id"
    ON "comments" ("indicator_id", "id");

CREATE UNIQUE INDEX "idx_document_tables_document_id_number"
    ON "document_tables" ("document_id", "number");

CREATE INDEX documents_replaces ON documents (replaces_id);

CREATE INDEX "idx_documents_text_sha256"
    ON "documents" ("text_sha256");

CREATE INDEX "idx_documents_title"
    ON "documents" ("title");

CREATE INDEX "idx_events_document_id_id"
    ON "events" ("document_id", "id");

CREATE INDEX "idx_events_indicator_id_id"
    ON "events" ("indicator_id", "id");

CREATE INDEX "idx_files_document_id"
    ON "files" ("document_id");

CREATE UNIQUE INDEX "idx_files_sha256"
    ON "files" ("sha256");

CREATE INDEX "idx_indicators_created_by"
    ON "indicators" ("created_by");

CREATE INDEX "idx_indicators_document_id_status"
    ON "indicators" ("document_id", "status");

CREATE INDEX "idx_indicators_name"
    ON "indicators" ("name");

CREATE INDEX "idx_indicators_period_label"
    ON "indicators" ("period_label");

CREATE INDEX "idx_indicators_status_updated_at"
    ON "indicators" ("status", "updated_at");

CREATE INDEX "idx_indicators_subject"
    ON "indicators" ("subject");

CREATE INDEX indicators_live_by_catalog ON indicators (catalog_id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_document ON indicators (document_id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_id ON indicators (id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_kind ON indicators (kind) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_measure ON indicators (measure) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_name ON indicators (name) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_period_label ON indicators (period_label) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_series ON indicators (coalesce(catalog_id, name), subject, kind, period_end, measure, period_start, period_label, value, unit, base_value, base_unit, qualifier, catalog_id, value_high, base_value_high) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status ON indicators (status) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_document_id ON indicators (status, document_id) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_kind ON indicators (status, kind) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_measure ON indicators (status, measure) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_name ON indicators (status, name) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_period_label ON indicators (status, period_label) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_subject ON indicators (status, subject) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_unit ON indicators (status, unit) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_status_value ON indicators (status, value) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_subject ON indicators (subject) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_unit ON indicators (unit) WHERE deleted_at IS NULL;

CREATE INDEX indicators_live_by_value ON indicators (value) WHERE deleted_at IS NULL;

CREATE INDEX indicators_review_queue ON indicators (submitted_at, id, document_id, created_by) WHERE status = 'submitted' AND deleted_at IS NULL;

CREATE UNIQUE INDEX "idx_users_name"
    ON "users" ("name");

CREATE TRIGGER citations_fts_delete AFTER DELETE ON citations BEGIN INSERT INTO citations_fts (citations_fts, rowid, text) VALUES ('delete', old.id, old."exact" || char(31, 31)); END;

CREATE TRIGGER citations_fts_insert AFTER INSERT ON citations BEGIN INSERT INTO citations_fts (rowid, text) VALUES (new.id, new."exact" || char(31, 31)); END;

CREATE TRIGGER citations_fts_update AFTER UPDATE OF "exact" ON citations BEGIN INSERT INTO citations_fts (citations_fts, rowid, text) VALUES ('delete', old.id, old."exact" || char(31, 31)); INSERT INTO citations_fts (rowid, text) VALUES (new.id, new."exact" || char(31, 31)); END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

CREATE TRIGGER indicators_fts_delete AFTER DELETE ON indicators BEGIN INSERT INTO indicators_fts (indicators_fts, rowid, text) VALUES ('delete', old.id, old."name" || char(31, 31)); END;

CREATE TRIGGER indicators_fts_insert AFTER INSERT ON indicators BEGIN INSERT INTO indicators_fts (rowid, text) VALUES (new.id, new."name" || char(31, 31)); END;

CREATE TRIGGER indicators_fts_update AFTER UPDATE OF "name" ON indicators BEGIN INSERT INTO indicators_fts (indicators_fts, rowid, text) VALUES ('delete', old.id, old."name" || char(31, 31)); INSERT INTO indicators_fts (rowid, text) VALUES (new.id, new."name" || char(31, 31)); END;
