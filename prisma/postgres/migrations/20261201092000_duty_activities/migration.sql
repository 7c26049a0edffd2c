-- CreateTable
CREATE TABLE "DutyActivity" (
    "id" TEXT NOT NULL,
    "deputyName" TEXT NOT NULL,
    "venueId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DutyActivity_deputyName_date_idx" ON "DutyActivity"("deputyName", "date");

-- CreateIndex
CREATE INDEX "DutyActivity_venueId_date_idx" ON "DutyActivity"("venueId", "date");

-- AddForeignKey
ALTER TABLE "DutyActivity" ADD CONSTRAINT "DutyActivity_venueId_fkey" FOREIGN KEY ("venueId") REFERENCES "Venue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

