-- Who has which entry open (issue 20): one row per desk connection and place (the workspace's
-- form, the review queue), written when an entry is opened, kept alive by a heartbeat and
-- deleted when it is closed (storage.postgres.presence). A row counts while its heartbeat is
-- recent and its connection (pid) is still on the server, so a desk that crashed drops out at
-- once. Team databases only: see storage.postgres.presence for why the SQLite store has none.

CREATE TABLE "entry_presence" (
   "pid" integer NOT NULL,
   "place" text NOT NULL,
   "indicator_id" bigint NOT NULL REFERENCES "indicators"("id") ON DELETE CASCADE,
   "who" text NOT NULL,
   "seen_at" timestamptz NOT NULL DEFAULT now(),
   PRIMARY KEY ("pid", "place")
);

CREATE INDEX "idx_entry_presence_indicator_id" ON "entry_presence" ("indicator_id");

-- Opening and closing notify (other queues show it at once); the heartbeat, an UPDATE, does not.
SELECT indicite_notify_on('entry_presence', 'indicator_id', ARRAY['INSERT', 'DELETE']);
