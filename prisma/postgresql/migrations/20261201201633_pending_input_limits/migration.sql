-- AlterTable
-- Input kept before this change has no known owner: it stays restorable for the rest of its day.
ALTER TABLE "PendingInput" ADD COLUMN     "clientAddress" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "userId" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PendingInput" ALTER COLUMN "clientAddress" DROP DEFAULT, ALTER COLUMN "userId" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "PendingInput_userId_createdAt_idx" ON "PendingInput"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "PendingInput_clientAddress_createdAt_idx" ON "PendingInput"("clientAddress", "createdAt");

