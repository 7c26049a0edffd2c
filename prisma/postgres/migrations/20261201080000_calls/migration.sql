-- Calls between an online voter and the hall console (docs/ARCHITECTURE.md §5b).
-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('RINGING', 'CONNECTED', 'MUTED', 'ENDED');

-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "state" "CallState" NOT NULL DEFAULT 'RINGING',
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "hallSocketId" TEXT,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "connectedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Call_sessionId_state_idx" ON "Call"("sessionId", "state");

-- CreateIndex
CREATE INDEX "Call_ticketId_idx" ON "Call"("ticketId");

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
