-- CreateTable
CREATE TABLE "DutyActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deputyName" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "hours" REAL NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DutyActivity_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DutyActivity_deputyName_date_idx" ON "DutyActivity"("deputyName", "date");

-- CreateIndex
CREATE INDEX "DutyActivity_venueId_date_idx" ON "DutyActivity"("venueId", "date");

