-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "sessionId" TEXT,
    "venueId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "body" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "SearchNumber" (
    "n" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_refId_key" ON "SearchDoc"("refId");

-- CreateIndex
CREATE INDEX "SearchDoc_venueId_id_idx" ON "SearchDoc"("venueId", "id");


-- ---------------------------------------------------------------------------
-- Full-text search over transcripts, tickets and cases (GET /api/search).
-- Written by hand: Prisma does not model FTS5 tables or triggers.
--
-- SearchDoc holds one row per searchable thing; triggers on the source tables
-- keep it in sync inside the writer's own transaction. A trigger on SearchDoc
-- keeps one FTS5 index, search_bigram, of its body cut into overlapping
-- 2-character pieces in order ("停车位不够" → "停车 车位 位不 不够"):
--   * a 2-character query (停车, 电梯) is one token lookup;
--   * a longer query is the phrase of its pieces ("停车位" → "停车 车位"), and
--     consecutive pieces match exactly where the substring occurs.
-- Measured on 100,000 lines (bench/search.ts): 0.05–3 ms a query against
-- ~25 ms for LIKE '%…%'; one bigram index costs less to write than a trigram
-- index plus a bigram index (45 vs 72 µs a row) and answers the same queries.
-- ---------------------------------------------------------------------------

-- SearchNumber: 1…10000 (bodies are at most ~5,000 characters). The pieces
-- are concatenated from an ordered subquery (a rowid range scan, so the sort
-- is free): group_concat(… ORDER BY n) would sort per row and costs twice as
-- much on the join path.
INSERT INTO "SearchNumber" ("n")
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10000)
SELECT n FROM seq;

CREATE VIRTUAL TABLE "search_bigram" USING fts5(
    grams,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER "SearchDoc_fts_insert" AFTER INSERT ON "SearchDoc" BEGIN
    INSERT INTO "search_bigram" (rowid, grams)
        SELECT new."id", group_concat("g", ' ')
        FROM (SELECT substr(new."body", "n", 2) AS "g" FROM "SearchNumber" WHERE "n" < length(new."body") ORDER BY "n");
END;

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
    DELETE FROM "search_bigram" WHERE rowid = old."id";
END;

CREATE TRIGGER "SearchDoc_fts_update" AFTER UPDATE OF "body" ON "SearchDoc" BEGIN
    DELETE FROM "search_bigram" WHERE rowid = old."id";
    INSERT INTO "search_bigram" (rowid, grams)
        SELECT new."id", group_concat("g", ' ')
        FROM (SELECT substr(new."body", "n", 2) AS "g" FROM "SearchNumber" WHERE "n" < length(new."body") ORDER BY "n");
END;

-- Transcript entries are append-only (a correction is a new entry).
CREATE TRIGGER "TranscriptEntry_search_insert" AFTER INSERT ON "TranscriptEntry" BEGIN
    INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
        SELECT 'transcript', new."id", new."sessionId", s."venueId", new."createdAt", new."text"
        FROM "ReceptionSession" s WHERE s."id" = new."sessionId";
END;

CREATE TRIGGER "TranscriptEntry_search_update" AFTER UPDATE OF "text" ON "TranscriptEntry" BEGIN
    UPDATE "SearchDoc" SET "body" = new."text" WHERE "refId" = new."id";
END;

CREATE TRIGGER "TranscriptEntry_search_delete" AFTER DELETE ON "TranscriptEntry" BEGIN
    DELETE FROM "SearchDoc" WHERE "refId" = old."id";
END;

-- Tickets: name, topic, question and the deputy's summary; never the phone.
-- Fields are joined by a newline: queries never contain whitespace, so a
-- match cannot straddle two fields.
CREATE TRIGGER "Ticket_search_insert" AFTER INSERT ON "Ticket" BEGIN
    INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
        SELECT 'ticket', new."id", new."sessionId", s."venueId", new."joinedAt",
               new."name" || char(10) || new."topic" || char(10) || coalesce(new."question", '') || char(10) || coalesce(new."summary", '')
        FROM "ReceptionSession" s WHERE s."id" = new."sessionId";
END;

CREATE TRIGGER "Ticket_search_update" AFTER UPDATE OF "name", "topic", "question", "summary" ON "Ticket" BEGIN
    UPDATE "SearchDoc"
       SET "body" = new."name" || char(10) || new."topic" || char(10) || coalesce(new."question", '') || char(10) || coalesce(new."summary", '')
     WHERE "refId" = new."id";
END;

CREATE TRIGGER "Ticket_search_delete" AFTER DELETE ON "Ticket" BEGIN
    DELETE FROM "SearchDoc" WHERE "refId" = old."id";
END;

-- Cases: tracking code, category, summary, assignee, resolution, reason.
CREATE TRIGGER "Case_search_insert" AFTER INSERT ON "Case" BEGIN
    INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    VALUES ('case', new."id", new."sessionId", new."venueId", new."createdAt",
            new."trackingCode" || char(10) || new."category" || char(10) || new."summary" || char(10) ||
            coalesce(new."assignee", '') || char(10) || coalesce(new."resolution", '') || char(10) || coalesce(new."rejectReason", ''));
END;

CREATE TRIGGER "Case_search_update" AFTER UPDATE OF "category", "summary", "assignee", "resolution", "rejectReason", "venueId", "sessionId" ON "Case" BEGIN
    UPDATE "SearchDoc"
       SET "venueId" = new."venueId",
           "sessionId" = new."sessionId",
           "body" = new."trackingCode" || char(10) || new."category" || char(10) || new."summary" || char(10) ||
                    coalesce(new."assignee", '') || char(10) || coalesce(new."resolution", '') || char(10) || coalesce(new."rejectReason", '')
     WHERE "refId" = new."id";
END;

CREATE TRIGGER "Case_search_delete" AFTER DELETE ON "Case" BEGIN
    DELETE FROM "SearchDoc" WHERE "refId" = old."id";
END;

-- Rows written before this migration.
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'transcript', t."id", t."sessionId", s."venueId", t."createdAt", t."text"
    FROM "TranscriptEntry" t JOIN "ReceptionSession" s ON s."id" = t."sessionId";
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'ticket', t."id", t."sessionId", s."venueId", t."joinedAt",
           t."name" || char(10) || t."topic" || char(10) || coalesce(t."question", '') || char(10) || coalesce(t."summary", '')
    FROM "Ticket" t JOIN "ReceptionSession" s ON s."id" = t."sessionId";
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'case', c."id", c."sessionId", c."venueId", c."createdAt",
           c."trackingCode" || char(10) || c."category" || char(10) || c."summary" || char(10) ||
           coalesce(c."assignee", '') || char(10) || coalesce(c."resolution", '') || char(10) || coalesce(c."rejectReason", '')
    FROM "Case" c;
