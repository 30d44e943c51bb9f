-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PendingInput" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "path" TEXT NOT NULL,
    "formData" JSONB NOT NULL,
    "userId" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Input kept before this change has no known owner: it stays restorable for the rest of its day.
INSERT INTO "new_PendingInput" ("createdAt", "formData", "id", "path", "userId", "clientAddress") SELECT "createdAt", "formData", "id", "path", '', '' FROM "PendingInput";
DROP TABLE "PendingInput";
ALTER TABLE "new_PendingInput" RENAME TO "PendingInput";
CREATE INDEX "PendingInput_createdAt_idx" ON "PendingInput"("createdAt");
CREATE INDEX "PendingInput_userId_createdAt_idx" ON "PendingInput"("userId", "createdAt");
CREATE INDEX "PendingInput_clientAddress_createdAt_idx" ON "PendingInput"("clientAddress", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

