-- ---------------------------------------------------------------------------
-- Deputies' suggestions (代表建议) and the departments that answer them, on
-- PostgreSQL: the twin of prisma/migrations/20261207120000_suggestions.
-- Additive only: a new enum value, new tables, a nullable User.departmentId.
-- ---------------------------------------------------------------------------

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'ASSIGNED', 'ANSWERED', 'EVALUATED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'DEPARTMENT';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "departmentId" TEXT;

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'DRAFT',
    "leadDeputyId" TEXT NOT NULL,
    "leadDepartmentId" TEXT,
    "dueAt" TIMESTAMP(3),
    "secondRound" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionCoSigner" (
    "suggestionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "SuggestionCoSigner_pkey" PRIMARY KEY ("suggestionId","userId")
);

-- CreateTable
CREATE TABLE "SuggestionCase" (
    "suggestionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    CONSTRAINT "SuggestionCase_pkey" PRIMARY KEY ("suggestionId","caseId")
);

-- CreateTable
CREATE TABLE "SuggestionCoDepartment" (
    "suggestionId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,

    CONSTRAINT "SuggestionCoDepartment_pkey" PRIMARY KEY ("suggestionId","departmentId")
);

-- CreateTable
CREATE TABLE "SuggestionAnswer" (
    "id" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionEvaluation" (
    "id" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "comment" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionEvent" (
    "id" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "SuggestionStatus",
    "toStatus" "SuggestionStatus",
    "note" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_number_key" ON "Suggestion"("number");

-- CreateIndex
CREATE INDEX "Suggestion_leadDeputyId_idx" ON "Suggestion"("leadDeputyId");

-- CreateIndex
CREATE INDEX "Suggestion_leadDepartmentId_status_idx" ON "Suggestion"("leadDepartmentId", "status");

-- CreateIndex
CREATE INDEX "Suggestion_status_dueAt_idx" ON "Suggestion"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_year_seq_key" ON "Suggestion"("year", "seq");

-- CreateIndex
CREATE INDEX "SuggestionCoSigner_userId_idx" ON "SuggestionCoSigner"("userId");

-- CreateIndex
CREATE INDEX "SuggestionCase_caseId_idx" ON "SuggestionCase"("caseId");

-- CreateIndex
CREATE INDEX "SuggestionCoDepartment_departmentId_idx" ON "SuggestionCoDepartment"("departmentId");

-- CreateIndex
CREATE INDEX "SuggestionAnswer_suggestionId_at_idx" ON "SuggestionAnswer"("suggestionId", "at");

-- CreateIndex
CREATE INDEX "SuggestionAnswer_departmentId_idx" ON "SuggestionAnswer"("departmentId");

-- CreateIndex
CREATE INDEX "SuggestionEvaluation_suggestionId_at_idx" ON "SuggestionEvaluation"("suggestionId", "at");

-- CreateIndex
CREATE INDEX "SuggestionEvent_suggestionId_at_idx" ON "SuggestionEvent"("suggestionId", "at");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_leadDeputyId_fkey" FOREIGN KEY ("leadDeputyId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoSigner" ADD CONSTRAINT "SuggestionCoSigner_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoSigner" ADD CONSTRAINT "SuggestionCoSigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCase" ADD CONSTRAINT "SuggestionCase_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCase" ADD CONSTRAINT "SuggestionCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoDepartment" ADD CONSTRAINT "SuggestionCoDepartment_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionCoDepartment" ADD CONSTRAINT "SuggestionCoDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAnswer" ADD CONSTRAINT "SuggestionAnswer_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAnswer" ADD CONSTRAINT "SuggestionAnswer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionEvaluation" ADD CONSTRAINT "SuggestionEvaluation_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionEvent" ADD CONSTRAINT "SuggestionEvent_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

