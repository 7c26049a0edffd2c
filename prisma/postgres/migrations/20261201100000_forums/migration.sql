-- Forums (座谈会, issue 14): a session's kind, its agenda and its invitations.

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('RECEPTION', 'FORUM');

-- CreateEnum
CREATE TYPE "InviteeRole" AS ENUM ('VOTER', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "RsvpStatus" AS ENUM ('PENDING', 'HALL', 'ONLINE', 'DECLINED');

-- AlterTable
ALTER TABLE "ReceptionSession" ADD COLUMN     "kind" "SessionKind" NOT NULL DEFAULT 'RECEPTION',
ADD COLUMN     "currentAgendaItemId" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "agendaItemId" TEXT;

-- AlterTable
ALTER TABLE "TranscriptEntry" ADD COLUMN     "agendaItemId" TEXT;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "timeboxMin" INTEGER NOT NULL,
    "speakerMin" INTEGER NOT NULL DEFAULT 3,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organization" TEXT NOT NULL DEFAULT '',
    "role" "InviteeRole" NOT NULL,
    "phone" TEXT,
    "tokenHash" TEXT NOT NULL,
    "rsvp" "RsvpStatus" NOT NULL DEFAULT 'PENDING',
    "respondedAt" TIMESTAMP(3),
    "ticketId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymizedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_sessionId_position_key" ON "AgendaItem"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_ticketId_key" ON "Invitation"("ticketId");

-- CreateIndex
CREATE INDEX "Invitation_sessionId_idx" ON "Invitation"("sessionId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
