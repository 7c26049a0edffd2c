-- Bookings' idempotent retries (DESIGN §6b, docs/ARCHITECTURE.md): the hash of
-- the session and the client's requestId, and the booking token sealed under a
-- key derived from that requestId (so a retry can answer the same token while
-- the database never holds it in clear). Additive only: two nullable columns
-- (no table rebuild; existing bookings keep NULL) and the key's unique index,
-- so the database itself refuses a second booking for one request.

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "requestKey" TEXT;
ALTER TABLE "Booking" ADD COLUMN "sealedBookingToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Booking_requestKey_key" ON "Booking"("requestKey");
