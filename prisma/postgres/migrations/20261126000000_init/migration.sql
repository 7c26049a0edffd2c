-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "VenueKind" AS ENUM ('HOME', 'STATION', 'STUDIO');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'STAFF', 'DEPUTY');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'OPEN', 'LIVE', 'PAUSED', 'ENDED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ONLINE', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('WAITING', 'CALLED', 'SPEAKING', 'DONE', 'NO_SHOW', 'LEFT');

-- CreateEnum
CREATE TYPE "TranscriptKind" AS ENUM ('SYSTEM', 'QUESTION', 'ANSWER', 'NOTE');

-- CreateEnum
CREATE TYPE "SpeakerRole" AS ENUM ('VOTER', 'DEPUTY', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'STAFF');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REJECTED');

-- CreateTable
CREATE TABLE "DeputyGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeputyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "VenueKind" NOT NULL,
    "town" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "deputyGroupId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Venue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserVenue" (
    "userId" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,

    CONSTRAINT "UserVenue_pkey" PRIMARY KEY ("userId","venueId")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionSession" (
    "id" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "deputies" TEXT NOT NULL DEFAULT '[]',
    "streamUrl" TEXT,
    "slotMin" INTEGER NOT NULL DEFAULT 8,
    "walkInHeadStartMin" INTEGER NOT NULL DEFAULT 10,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "queueOpen" BOOLEAN NOT NULL DEFAULT false,
    "avgServiceSec" INTEGER NOT NULL DEFAULT 480,
    "finishedTurns" INTEGER NOT NULL DEFAULT 0,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "onlineCount" INTEGER NOT NULL DEFAULT 0,
    "inPersonCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "label" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'WAITING',
    "rank" DOUBLE PRECISION NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "topic" TEXT NOT NULL,
    "question" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "priorityReason" TEXT,
    "summary" TEXT,
    "voterTokenHash" TEXT NOT NULL,
    "requestKey" TEXT,
    "sealedVoterToken" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calledAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TranscriptEntry" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "ticketId" TEXT,
    "kind" "TranscriptKind" NOT NULL,
    "speakerRole" "SpeakerRole" NOT NULL,
    "speakerName" TEXT,
    "text" TEXT NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "amendsId" TEXT,
    "requestKey" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TranscriptEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionEvent" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "trackingCode" TEXT NOT NULL,
    "sessionId" TEXT,
    "ticketId" TEXT,
    "venueId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "assignee" TEXT,
    "dueAt" TIMESTAMP(3),
    "resolution" TEXT,
    "rejectReason" TEXT,
    "satisfaction" INTEGER,
    "feedbackComment" TEXT,
    "feedbackAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "CaseStatus",
    "toStatus" "CaseStatus",
    "note" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "sessionId" TEXT,
    "venueId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchNumber" (
    "n" INTEGER NOT NULL,

    CONSTRAINT "SearchNumber_pkey" PRIMARY KEY ("n")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeputyGroup_name_key" ON "DeputyGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Venue_name_key" ON "Venue"("name");

-- CreateIndex
CREATE INDEX "Venue_parentId_idx" ON "Venue"("parentId");

-- CreateIndex
CREATE INDEX "Venue_deputyGroupId_idx" ON "Venue"("deputyGroupId");

-- CreateIndex
CREATE INDEX "Venue_town_idx" ON "Venue"("town");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "UserVenue_venueId_idx" ON "UserVenue"("venueId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_tokenHash_key" ON "AuthToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthToken_userId_idx" ON "AuthToken"("userId");

-- CreateIndex
CREATE INDEX "ReceptionSession_venueId_startsAt_idx" ON "ReceptionSession"("venueId", "startsAt");

-- CreateIndex
CREATE INDEX "ReceptionSession_startsAt_idx" ON "ReceptionSession"("startsAt");

-- CreateIndex
CREATE INDEX "ReceptionSession_status_idx" ON "ReceptionSession"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_voterTokenHash_key" ON "Ticket"("voterTokenHash");

-- CreateIndex
CREATE INDEX "Ticket_sessionId_status_rank_idx" ON "Ticket"("sessionId", "status", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_sessionId_label_key" ON "Ticket"("sessionId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_sessionId_requestKey_key" ON "Ticket"("sessionId", "requestKey");

-- CreateIndex
CREATE INDEX "TranscriptEntry_sessionId_createdAt_idx" ON "TranscriptEntry"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "TranscriptEntry_ticketId_idx" ON "TranscriptEntry"("ticketId");

-- CreateIndex
CREATE INDEX "TranscriptEntry_amendsId_idx" ON "TranscriptEntry"("amendsId");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptEntry_sessionId_requestKey_key" ON "TranscriptEntry"("sessionId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "SessionEvent_sessionId_seq_key" ON "SessionEvent"("sessionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Case_trackingCode_key" ON "Case"("trackingCode");

-- CreateIndex
CREATE UNIQUE INDEX "Case_ticketId_key" ON "Case"("ticketId");

-- CreateIndex
CREATE INDEX "Case_venueId_status_idx" ON "Case"("venueId", "status");

-- CreateIndex
CREATE INDEX "Case_sessionId_idx" ON "Case"("sessionId");

-- CreateIndex
CREATE INDEX "Case_status_dueAt_idx" ON "Case"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Case_createdAt_idx" ON "Case"("createdAt");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_refId_key" ON "SearchDoc"("refId");

-- CreateIndex
CREATE INDEX "SearchDoc_venueId_id_idx" ON "SearchDoc"("venueId", "id");

-- AddForeignKey
ALTER TABLE "Venue" ADD CONSTRAINT "Venue_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Venue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Venue" ADD CONSTRAINT "Venue_deputyGroupId_fkey" FOREIGN KEY ("deputyGroupId") REFERENCES "DeputyGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserVenue" ADD CONSTRAINT "UserVenue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserVenue" ADD CONSTRAINT "UserVenue_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionSession" ADD CONSTRAINT "ReceptionSession_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptEntry" ADD CONSTRAINT "TranscriptEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptEntry" ADD CONSTRAINT "TranscriptEntry_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TranscriptEntry" ADD CONSTRAINT "TranscriptEntry_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "TranscriptEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionEvent" ADD CONSTRAINT "SessionEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

