-- ---------------------------------------------------------------------------
-- Deputies' suggestions (代表建议) and the departments that answer them
-- (DESIGN §6e, docs/ARCHITECTURE.md §6e). Additive only: new tables, and a
-- nullable User.departmentId for the new role DEPARTMENT (roles are TEXT here).
-- ---------------------------------------------------------------------------

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "leadDeputyId" TEXT NOT NULL,
    "leadDepartmentId" TEXT,
    "dueAt" DATETIME,
    "secondRound" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Suggestion_leadDeputyId_fkey" FOREIGN KEY ("leadDeputyId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Suggestion_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionCoSigner" (
    "suggestionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    PRIMARY KEY ("suggestionId", "userId"),
    CONSTRAINT "SuggestionCoSigner_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionCoSigner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionCase" (
    "suggestionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    PRIMARY KEY ("suggestionId", "caseId"),
    CONSTRAINT "SuggestionCase_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionCoDepartment" (
    "suggestionId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,

    PRIMARY KEY ("suggestionId", "departmentId"),
    CONSTRAINT "SuggestionCoDepartment_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionCoDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suggestionId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionAnswer_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionAnswer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionEvaluation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suggestionId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "comment" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionEvaluation_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suggestionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionEvent_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: a plain ADD COLUMN (NULL default, so SQLite allows the reference) keeps every User row in place
ALTER TABLE "User" ADD COLUMN "departmentId" TEXT REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

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

