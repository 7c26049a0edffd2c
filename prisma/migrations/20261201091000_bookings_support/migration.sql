-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "topic" TEXT NOT NULL,
    "question" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "consentVersion" INTEGER,
    "consentAt" DATETIME,
    "tokenHash" TEXT NOT NULL,
    "bookedAt" DATETIME NOT NULL,
    "promotedAt" DATETIME,
    "cancelledAt" DATETIME,
    "checkedInAt" DATETIME,
    "ticketId" TEXT,
    "remindedDayAt" DATETIME,
    "remindedHourAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Booking_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketSupport" (
    "ticketId" TEXT NOT NULL,
    "supporterHash" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ticketId", "supporterHash"),
    CONSTRAINT "TicketSupport_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN, not a table rebuild: rebuilding Ticket and Case would drop
-- the search triggers of 20261126094500_back_office)
ALTER TABLE "ReceptionSession" ADD COLUMN "bookingCapacity" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ReceptionSession" ADD COLUMN "bookingOpensAt" DATETIME;
ALTER TABLE "ReceptionSession" ADD COLUMN "bookingClosesAt" DATETIME;
ALTER TABLE "ReceptionSession" ADD COLUMN "bookingCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Ticket" ADD COLUMN "supportCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Case" ADD COLUMN "supportCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Booking_code_key" ON "Booking"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_tokenHash_key" ON "Booking"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_ticketId_key" ON "Booking"("ticketId");

-- CreateIndex
CREATE INDEX "Booking_sessionId_status_place_idx" ON "Booking"("sessionId", "status", "place");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_sessionId_place_key" ON "Booking"("sessionId", "place");

