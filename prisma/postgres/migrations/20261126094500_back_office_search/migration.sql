-- ---------------------------------------------------------------------------
-- Search over transcripts, tickets and cases on PostgreSQL (GET /api/search).
-- The twin of prisma/migrations/20261126094500_back_office's FTS5 part; the
-- tables themselves (Setting, SearchDoc, SearchNumber) are in the init migration.
--
-- Triggers on the source tables keep SearchDoc in sync inside the writer's
-- transaction. Each SearchDoc row carries "grams": the set of its body's
-- 2-character pieces, lower-cased, under a GIN index. A query asks for the
-- rows whose grams contain all of the query's pieces (an index lookup, for
-- two-character Chinese words too, which pg_trgm cannot narrow) and confirms
-- the exact substring with ILIKE. No extension needed.
-- ---------------------------------------------------------------------------

ALTER TABLE "SearchDoc" ADD COLUMN "grams" TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX "SearchDoc_grams_idx" ON "SearchDoc" USING GIN ("grams");

CREATE FUNCTION "tongxin_bigrams"(body TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT lower(substr(body, i, 2))), '{}')
    FROM generate_series(1, greatest(length(body) - 1, 0)) AS i
$$;

CREATE FUNCTION "tongxin_search_doc_grams"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW."grams" := "tongxin_bigrams"(NEW."body");
    RETURN NEW;
END $$;

CREATE TRIGGER "SearchDoc_grams" BEFORE INSERT OR UPDATE OF "body" ON "SearchDoc"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_doc_grams"();

-- Transcript entries are append-only (a correction is a new entry).
CREATE FUNCTION "tongxin_search_transcript"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "SearchDoc" WHERE "refId" = OLD."id";
        RETURN OLD;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
            SELECT 'transcript', NEW."id", NEW."sessionId", s."venueId", NEW."createdAt", NEW."text"
            FROM "ReceptionSession" s WHERE s."id" = NEW."sessionId";
    ELSE
        UPDATE "SearchDoc" SET "body" = NEW."text" WHERE "refId" = NEW."id";
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER "TranscriptEntry_search" AFTER INSERT OR UPDATE OF "text" OR DELETE ON "TranscriptEntry"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_transcript"();

-- Tickets: name, topic, question and the deputy's summary; never the phone.
CREATE FUNCTION "tongxin_ticket_body"(t "Ticket") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT t."name" || chr(10) || t."topic" || chr(10) || coalesce(t."question", '') || chr(10) || coalesce(t."summary", '')
$$;

CREATE FUNCTION "tongxin_search_ticket"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "SearchDoc" WHERE "refId" = OLD."id";
        RETURN OLD;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
            SELECT 'ticket', NEW."id", NEW."sessionId", s."venueId", NEW."joinedAt", "tongxin_ticket_body"(NEW)
            FROM "ReceptionSession" s WHERE s."id" = NEW."sessionId";
    ELSE
        UPDATE "SearchDoc" SET "body" = "tongxin_ticket_body"(NEW) WHERE "refId" = NEW."id";
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER "Ticket_search" AFTER INSERT OR UPDATE OF "name", "topic", "question", "summary" OR DELETE ON "Ticket"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_ticket"();

-- Cases: tracking code, category, summary, assignee, resolution, reason.
CREATE FUNCTION "tongxin_case_body"(c "Case") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT c."trackingCode" || chr(10) || c."category" || chr(10) || c."summary" || chr(10) ||
           coalesce(c."assignee", '') || chr(10) || coalesce(c."resolution", '') || chr(10) || coalesce(c."rejectReason", '')
$$;

CREATE FUNCTION "tongxin_search_case"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "SearchDoc" WHERE "refId" = OLD."id";
        RETURN OLD;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
            VALUES ('case', NEW."id", NEW."sessionId", NEW."venueId", NEW."createdAt", "tongxin_case_body"(NEW));
    ELSE
        UPDATE "SearchDoc" SET "body" = "tongxin_case_body"(NEW), "venueId" = NEW."venueId", "sessionId" = NEW."sessionId"
            WHERE "refId" = NEW."id";
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER "Case_search" AFTER INSERT OR UPDATE OF "category", "summary", "assignee", "resolution", "rejectReason", "venueId", "sessionId" OR DELETE ON "Case"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_case"();

-- Rows written before this migration.
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'transcript', t."id", t."sessionId", s."venueId", t."createdAt", t."text"
    FROM "TranscriptEntry" t JOIN "ReceptionSession" s ON s."id" = t."sessionId"
    ON CONFLICT ("refId") DO NOTHING;
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'ticket', t."id", t."sessionId", s."venueId", t."joinedAt", "tongxin_ticket_body"(t)
    FROM "Ticket" t JOIN "ReceptionSession" s ON s."id" = t."sessionId"
    ON CONFLICT ("refId") DO NOTHING;
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'case', c."id", c."sessionId", c."venueId", c."createdAt", "tongxin_case_body"(c)
    FROM "Case" c
    ON CONFLICT ("refId") DO NOTHING;
