-- ---------------------------------------------------------------------------
-- The audit of every write, failed login and refusal, hash-chained, on
-- PostgreSQL: the twin of prisma/migrations/20261207080000_audit_chain.
-- Additive only: new columns with defaults and a new one-row table whose row
-- every append locks (SELECT … FOR UPDATE), so two nodes never fork the chain.
-- ---------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "result" TEXT NOT NULL DEFAULT 'ok',
ADD COLUMN "seq" INTEGER,
ADD COLUMN "prevHash" TEXT,
ADD COLUMN "hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_seq_key" ON "AuditEntry"("seq");

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "anchorSeq" INTEGER NOT NULL DEFAULT 0,
    "anchorHash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- The one head row every append locks.
INSERT INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, '');
