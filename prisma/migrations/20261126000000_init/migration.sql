-- CreateTable
CREATE TABLE "DeputyGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Venue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "deputyGroupId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Venue_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Venue" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Venue_deputyGroupId_fkey" FOREIGN KEY ("deputyGroupId") REFERENCES "DeputyGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "UserVenue" (
    "userId" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "venueId"),
    CONSTRAINT "UserVenue_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UserVenue_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    CONSTRAINT "AuthToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReceptionSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "venueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "deputies" TEXT NOT NULL DEFAULT '[]',
    "streamUrl" TEXT,
    "slotMin" INTEGER NOT NULL DEFAULT 8,
    "walkInHeadStartMin" INTEGER NOT NULL DEFAULT 10,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "queueOpen" BOOLEAN NOT NULL DEFAULT false,
    "avgServiceSec" INTEGER NOT NULL DEFAULT 480,
    "finishedTurns" INTEGER NOT NULL DEFAULT 0,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "onlineCount" INTEGER NOT NULL DEFAULT 0,
    "inPersonCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReceptionSession_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "rank" REAL NOT NULL,
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
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calledAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TranscriptEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "ticketId" TEXT,
    "kind" TEXT NOT NULL,
    "speakerRole" TEXT NOT NULL,
    "speakerName" TEXT,
    "text" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'PUBLIC',
    "amendsId" TEXT,
    "requestKey" TEXT,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TranscriptEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TranscriptEntry_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TranscriptEntry_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "TranscriptEntry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SessionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "actorId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SessionEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trackingCode" TEXT NOT NULL,
    "sessionId" TEXT,
    "ticketId" TEXT,
    "venueId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "assignee" TEXT,
    "dueAt" DATETIME,
    "resolution" TEXT,
    "rejectReason" TEXT,
    "satisfaction" INTEGER,
    "feedbackComment" TEXT,
    "feedbackAt" DATETIME,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Case_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

