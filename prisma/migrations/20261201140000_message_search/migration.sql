-- ---------------------------------------------------------------------------
-- Message-box messages (DESIGN §6d) in the back-office search (GET /api/search),
-- beside transcripts, tickets and cases (20261126094500_back_office, whose
-- SearchDoc triggers keep search_bigram in step). Additive only: triggers and
-- a backfill, no table changes.
--
-- A message's SearchDoc row is kind 'message', refId the VoterMessage's id,
-- no session, and the venue of its case — as a ticket takes its session's,
-- so staff see only their venues' messages. Its body is name, topic and text,
-- as a ticket's is name, topic and question; never the phone. Anonymizing
-- (retention, the voter's erase) rewrites name and text and redacts the
-- topic, so the UPDATE trigger rewrites the body: what was erased is no
-- longer in the index.
-- ---------------------------------------------------------------------------

CREATE TRIGGER "VoterMessage_search_insert" AFTER INSERT ON "VoterMessage" BEGIN
    INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
        SELECT 'message', new."id", NULL, c."venueId", new."createdAt",
               new."name" || char(10) || new."topic" || char(10) || new."text"
        FROM "Case" c WHERE c."id" = new."caseId";
END;

CREATE TRIGGER "VoterMessage_search_update" AFTER UPDATE OF "name", "topic", "text" ON "VoterMessage" BEGIN
    UPDATE "SearchDoc"
       SET "body" = new."name" || char(10) || new."topic" || char(10) || new."text"
     WHERE "refId" = new."id";
END;

CREATE TRIGGER "VoterMessage_search_delete" AFTER DELETE ON "VoterMessage" BEGIN
    DELETE FROM "SearchDoc" WHERE "refId" = old."id";
END;

-- A case that moves to another venue takes its message's hit with it.
CREATE TRIGGER "Case_message_search_venue" AFTER UPDATE OF "venueId" ON "Case" BEGIN
    UPDATE "SearchDoc" SET "venueId" = new."venueId"
     WHERE "refId" IN (SELECT m."id" FROM "VoterMessage" m WHERE m."caseId" = new."id");
END;

-- Messages written before this migration.
INSERT INTO "SearchDoc" ("kind", "refId", "sessionId", "venueId", "at", "body")
    SELECT 'message', m."id", NULL, c."venueId", m."createdAt",
           m."name" || char(10) || m."topic" || char(10) || m."text"
    FROM "VoterMessage" m JOIN "Case" c ON c."id" = m."caseId";
