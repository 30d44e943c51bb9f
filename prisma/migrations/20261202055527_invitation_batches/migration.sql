-- CreateTable
CREATE TABLE "InvitationBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PREVIEW',
    "confirmedAt" DATETIME
);

-- CreateTable
CREATE TABLE "InvitationBatchRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "country" TEXT NOT NULL,
    "countryCode" TEXT,
    "address" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT,
    "classification" TEXT NOT NULL,
    "reason" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "error" TEXT,
    "sentAt" DATETIME,
    "userId" TEXT,
    CONSTRAINT "InvitationBatchRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "InvitationBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InvitationBatch_createdAt_idx" ON "InvitationBatch"("createdAt");

-- CreateIndex
CREATE INDEX "InvitationBatchRow_batchId_status_idx" ON "InvitationBatchRow"("batchId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationBatchRow_batchId_email_key" ON "InvitationBatchRow"("batchId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationBatchRow_batchId_line_key" ON "InvitationBatchRow"("batchId", "line");

