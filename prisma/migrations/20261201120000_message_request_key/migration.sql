-- The message box's idempotent retries (DESIGN §6d, docs/ARCHITECTURE.md): the
-- hash of the venue and the client's requestId. Additive only: one nullable
-- column (no table rebuild; existing messages keep NULL) and its unique index,
-- so the database itself refuses a second message for one request.

-- AlterTable
ALTER TABLE "VoterMessage" ADD COLUMN "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "VoterMessage_requestKey_key" ON "VoterMessage"("requestKey");
