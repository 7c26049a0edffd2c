-- ---------------------------------------------------------------------------
-- 会签 (countersign) of a suggestion's answer by its helper departments
-- (docs/ARCHITECTURE.md §6e). Additive only: the lead department's draft
-- answer on Suggestion, each helper's countersign on SuggestionCoDepartment,
-- and the status COUNTERSIGNING (statuses are TEXT here).
-- ---------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN "draftKind" TEXT;
ALTER TABLE "Suggestion" ADD COLUMN "draftText" TEXT;
ALTER TABLE "Suggestion" ADD COLUMN "draftAt" DATETIME;

-- AlterTable
ALTER TABLE "SuggestionCoDepartment" ADD COLUMN "countersign" TEXT;
ALTER TABLE "SuggestionCoDepartment" ADD COLUMN "countersignNote" TEXT;
ALTER TABLE "SuggestionCoDepartment" ADD COLUMN "countersignedAt" DATETIME;
