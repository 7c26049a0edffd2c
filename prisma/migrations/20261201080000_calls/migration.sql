-- Calls between an online voter and the hall console (docs/ARCHITECTURE.md §5b).
-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RINGING',
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "hallSocketId" TEXT,
    "startedById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connectedAt" DATETIME,
    "endedAt" DATETIME,
    "endReason" TEXT,
    CONSTRAINT "Call_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Call_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Call_sessionId_state_idx" ON "Call"("sessionId", "state");

-- CreateIndex
CREATE INDEX "Call_ticketId_idx" ON "Call"("ticketId");
