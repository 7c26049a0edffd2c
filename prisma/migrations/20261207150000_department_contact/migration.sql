-- ---------------------------------------------------------------------------
-- Deadline reminders of deputies' suggestions (docs/ARCHITECTURE.md §6e):
-- where the notifier reaches a department (Department.contact, personal data:
-- docs/PRIVACY.md), and one claimed row per reminder so a restart or a second
-- node never sends it twice. Additive only: a nullable column, a new table.
-- ---------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "Department" ADD COLUMN "contact" TEXT;

-- CreateTable
CREATE TABLE "SuggestionReminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suggestionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "SuggestionReminder_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionReminder_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SuggestionReminder_departmentId_idx" ON "SuggestionReminder"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionReminder_suggestionId_kind_departmentId_dueAt_key" ON "SuggestionReminder"("suggestionId", "kind", "departmentId", "dueAt");
