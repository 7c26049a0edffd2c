-- ---------------------------------------------------------------------------
-- 会签 (countersign) of a suggestion's answer by its helper departments, on
-- PostgreSQL: the twin of prisma/migrations/20261207140000_suggestion_countersign.
-- Additive only: a new enum value, the lead department's draft answer on
-- Suggestion, each helper's countersign on SuggestionCoDepartment.
-- ---------------------------------------------------------------------------

-- AlterEnum
ALTER TYPE "SuggestionStatus" ADD VALUE 'COUNTERSIGNING' BEFORE 'ANSWERED';

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN "draftKind" TEXT,
ADD COLUMN "draftText" TEXT,
ADD COLUMN "draftAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SuggestionCoDepartment" ADD COLUMN "countersign" TEXT,
ADD COLUMN "countersignNote" TEXT,
ADD COLUMN "countersignedAt" TIMESTAMP(3);
