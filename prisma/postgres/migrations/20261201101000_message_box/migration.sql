-- The message box (全天候, DESIGN §6d): where a case came from, and the voter's message.

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('TURN', 'STAFF', 'MESSAGE');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN "source" "CaseSource" NOT NULL DEFAULT 'TURN';

-- Cases that existed before: born from a turn when they have a ticket, else opened by staff by hand.
UPDATE "Case" SET "source" = 'STAFF' WHERE "ticketId" IS NULL;

-- CreateTable
CREATE TABLE "VoterMessage" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "deputyId" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "topic" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "consentVersion" INTEGER,
    "consentAt" TIMESTAMP(3),
    "anonymizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoterMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VoterMessage_caseId_key" ON "VoterMessage"("caseId");

-- CreateIndex
CREATE INDEX "VoterMessage_deputyId_idx" ON "VoterMessage"("deputyId");

-- CreateIndex
CREATE INDEX "VoterMessage_createdAt_idx" ON "VoterMessage"("createdAt");

-- AddForeignKey
ALTER TABLE "VoterMessage" ADD CONSTRAINT "VoterMessage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
