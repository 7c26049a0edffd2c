-- Forums (座谈会, issue 14): a session's kind, its agenda and its invitations.

-- AlterTable (ADD COLUMN, not a table rebuild: rebuilding ReceptionSession, Ticket or
-- TranscriptEntry would drop the search triggers of 20261126094500_back_office, and
-- other branches add columns to the same tables)
ALTER TABLE "ReceptionSession" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'RECEPTION';
ALTER TABLE "ReceptionSession" ADD COLUMN "currentAgendaItemId" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "agendaItemId" TEXT;
ALTER TABLE "TranscriptEntry" ADD COLUMN "agendaItemId" TEXT;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "timeboxMin" INTEGER NOT NULL,
    "speakerMin" INTEGER NOT NULL DEFAULT 3,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    CONSTRAINT "AgendaItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL,
    "phone" TEXT,
    "tokenHash" TEXT NOT NULL,
    "rsvp" TEXT NOT NULL DEFAULT 'PENDING',
    "respondedAt" DATETIME,
    "ticketId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymizedAt" DATETIME,
    CONSTRAINT "Invitation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_sessionId_position_key" ON "AgendaItem"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_ticketId_key" ON "Invitation"("ticketId");

-- CreateIndex
CREATE INDEX "Invitation_sessionId_idx" ON "Invitation"("sessionId");
