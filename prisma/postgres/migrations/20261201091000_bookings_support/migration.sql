-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('BOOKED', 'WAITLISTED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW');

-- AlterTable
ALTER TABLE "ReceptionSession" ADD COLUMN     "bookingCapacity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bookingClosesAt" TIMESTAMP(3),
ADD COLUMN     "bookingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bookingOpensAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "topic" TEXT NOT NULL,
    "question" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "consentVersion" INTEGER,
    "consentAt" TIMESTAMP(3),
    "tokenHash" TEXT NOT NULL,
    "bookedAt" TIMESTAMP(3) NOT NULL,
    "promotedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "checkedInAt" TIMESTAMP(3),
    "ticketId" TEXT,
    "remindedDayAt" TIMESTAMP(3),
    "remindedHourAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketSupport" (
    "ticketId" TEXT NOT NULL,
    "supporterHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketSupport_pkey" PRIMARY KEY ("ticketId","supporterHash")
);

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

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ReceptionSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketSupport" ADD CONSTRAINT "TicketSupport_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

