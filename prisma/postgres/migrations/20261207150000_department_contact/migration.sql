-- ---------------------------------------------------------------------------
-- Deadline reminders of deputies' suggestions, on PostgreSQL: the twin of
-- prisma/migrations/20261207150000_department_contact. Additive only: a
-- nullable column, a new table.
-- ---------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "Department" ADD COLUMN     "contact" TEXT;

-- CreateTable
CREATE TABLE "SuggestionReminder" (
    "id" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuggestionReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SuggestionReminder_departmentId_idx" ON "SuggestionReminder"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionReminder_suggestionId_kind_departmentId_dueAt_key" ON "SuggestionReminder"("suggestionId", "kind", "departmentId", "dueAt");

-- AddForeignKey
ALTER TABLE "SuggestionReminder" ADD CONSTRAINT "SuggestionReminder_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionReminder" ADD CONSTRAINT "SuggestionReminder_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
