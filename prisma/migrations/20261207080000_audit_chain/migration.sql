-- ---------------------------------------------------------------------------
-- The audit of every write, failed login and refusal, hash-chained (DESIGN §6f,
-- docs/ARCHITECTURE.md §6f). Additive only: new columns with defaults and a
-- new one-row table. Entries written before this migration have no seq yet;
-- the first append seals them into the chain in the order they were written.
-- ---------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "result" TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE "AuditEntry" ADD COLUMN "seq" INTEGER;
ALTER TABLE "AuditEntry" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "anchorSeq" INTEGER NOT NULL DEFAULT 0,
    "anchorHash" TEXT NOT NULL DEFAULT ''
);

-- The one head row every append locks.
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '');
