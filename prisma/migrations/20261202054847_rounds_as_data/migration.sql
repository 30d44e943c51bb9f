-- AlterTable
ALTER TABLE "Response" ADD COLUMN "carried" JSONB;
ALTER TABLE "Response" ADD COLUMN "carriedFromRoundId" TEXT;
ALTER TABLE "Response" ADD COLUMN "confirmedCarried" JSONB;

-- CreateTable
CREATE TABLE "QuestionnaireDefinition" (
    "roundId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "structure" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    PRIMARY KEY ("roundId", "version"),
    CONSTRAINT "QuestionnaireDefinition_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Round" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "questionnaireVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "opensAt" DATETIME,
    "deadline" DATETIME,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "previousRoundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Round" ("createdAt", "deadline", "id", "name", "questionnaireVersion") SELECT "createdAt", "deadline", "id", "name", "questionnaireVersion" FROM "Round";
DROP TABLE "Round";
ALTER TABLE "new_Round" RENAME TO "Round";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rounds that existed before rounds had a status were being answered: they are open.
UPDATE "Round" SET "status" = 'OPEN', "openedAt" = "createdAt";
