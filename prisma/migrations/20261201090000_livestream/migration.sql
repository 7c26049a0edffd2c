-- Livestream (docs/ARCHITECTURE.md §5c): every session gets a secret RTMP
-- stream key and a live flag. SQLite cannot add a NOT NULL column without a
-- default, so the table is redefined (Prisma's pattern) and existing rows get
-- a random key: 16 random bytes as hex, as unguessable as a fresh uuid.
-- New rows get a uuid from the Prisma client (@default(uuid())).
-- legacy_alter_table: the search triggers of 20261126094500_back_office name
-- "ReceptionSession"; without it the RENAME re-checks them while the old table
-- is gone and fails. The triggers then refer to the new table by that name.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
PRAGMA legacy_alter_table=ON;
CREATE TABLE "new_ReceptionSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "venueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "deputies" TEXT NOT NULL DEFAULT '[]',
    "streamUrl" TEXT,
    "streamKey" TEXT NOT NULL,
    "streamLive" BOOLEAN NOT NULL DEFAULT false,
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
INSERT INTO "new_ReceptionSession" ("id", "venueId", "title", "theme", "startsAt", "endsAt", "deputies", "streamUrl", "streamKey", "streamLive", "slotMin", "walkInHeadStartMin", "status", "queueOpen", "avgServiceSec", "finishedTurns", "lastSeq", "onlineCount", "inPersonCount", "createdAt", "updatedAt")
SELECT "id", "venueId", "title", "theme", "startsAt", "endsAt", "deputies", "streamUrl", lower(hex(randomblob(16))), false, "slotMin", "walkInHeadStartMin", "status", "queueOpen", "avgServiceSec", "finishedTurns", "lastSeq", "onlineCount", "inPersonCount", "createdAt", "updatedAt"
FROM "ReceptionSession";
DROP TABLE "ReceptionSession";
ALTER TABLE "new_ReceptionSession" RENAME TO "ReceptionSession";
CREATE UNIQUE INDEX "ReceptionSession_streamKey_key" ON "ReceptionSession"("streamKey");
CREATE INDEX "ReceptionSession_venueId_startsAt_idx" ON "ReceptionSession"("venueId", "startsAt");
CREATE INDEX "ReceptionSession_startsAt_idx" ON "ReceptionSession"("startsAt");
CREATE INDEX "ReceptionSession_status_idx" ON "ReceptionSession"("status");
PRAGMA legacy_alter_table=OFF;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
