-- ---------------------------------------------------------------------------
-- Message-box messages (DESIGN §6d) in the back-office search on PostgreSQL:
-- the twin of prisma/migrations/20261201140000_message_search, in the manner
-- of 20261126094500_back_office_search (whose BEFORE trigger on SearchDoc
-- fills "grams" from the body). Additive only: functions, triggers and a
-- backfill, no table changes.
--
-- A message's SearchDoc row is kind 'message', refId the VoterMessage's id,
-- no session, and the venue of its case — as a ticket takes its session's,
-- so staff see only their venues' messages. Its body is name, topic and text,
-- as a ticket's is name, topic and question; never the phone. Anonymizing
-- (retention, the voter's erase) rewrites name and text and redacts the
-- topic, so the UPDATE trigger rewrites the body (and its grams): what was
-- erased is no longer in the index.
-- ---------------------------------------------------------------------------

CREATE FUNCTION "tongxin_message_body"(m "VoterMessage") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT m."name" || chr(10) || m."topic" || chr(10) || m."text"
$$;

CREATE FUNCTION "tongxin_search_message"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "SearchDoc" WHERE "refId" = OLD."id";
        RETURN OLD;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
            SELECT 'message', NEW."id", NULL, c."venueId", NEW."createdAt", "tongxin_message_body"(NEW)
            FROM "Case" c WHERE c."id" = NEW."caseId";
    ELSE
        UPDATE "SearchDoc" SET "body" = "tongxin_message_body"(NEW) WHERE "refId" = NEW."id";
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER "VoterMessage_search" AFTER INSERT OR UPDATE OF "name", "topic", "text" OR DELETE ON "VoterMessage"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_message"();

-- A case that moves to another venue takes its message's hit with it.
CREATE FUNCTION "tongxin_search_message_venue"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE "SearchDoc" SET "venueId" = NEW."venueId"
     WHERE "refId" IN (SELECT m."id" FROM "VoterMessage" m WHERE m."caseId" = NEW."id");
    RETURN NEW;
END $$;

CREATE TRIGGER "Case_message_search_venue" AFTER UPDATE OF "venueId" ON "Case"
    FOR EACH ROW EXECUTE FUNCTION "tongxin_search_message_venue"();

-- Messages written before this migration.
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'message', m."id", NULL, c."venueId", m."createdAt", "tongxin_message_body"(m)
    FROM "VoterMessage" m JOIN "Case" c ON c."id" = m."caseId"
    ON CONFLICT ("refId") DO NOTHING;
