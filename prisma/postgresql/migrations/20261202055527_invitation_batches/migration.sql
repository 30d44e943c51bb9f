-- CreateEnum
CREATE TYPE "InvitationBatchStatus" AS ENUM ('PREVIEW', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "InvitationRowClass" AS ENUM ('NEW', 'ALREADY_INVITED', 'DUPLICATE', 'UNKNOWN_COUNTRY', 'BAD_ADDRESS', 'BAD_LANGUAGE', 'BAD_ROW');

-- CreateEnum
CREATE TYPE "InvitationRowStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "InvitationBatch" (
    "id" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileName" TEXT NOT NULL,
    "status" "InvitationBatchStatus" NOT NULL DEFAULT 'PREVIEW',
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "InvitationBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvitationBatchRow" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "country" TEXT NOT NULL,
    "countryCode" TEXT,
    "address" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT,
    "classification" "InvitationRowClass" NOT NULL,
    "reason" TEXT,
    "status" "InvitationRowStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "error" TEXT,
    "sentAt" TIMESTAMP(3),
    "userId" TEXT,

    CONSTRAINT "InvitationBatchRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvitationBatch_createdAt_idx" ON "InvitationBatch"("createdAt");

-- CreateIndex
CREATE INDEX "InvitationBatchRow_batchId_status_idx" ON "InvitationBatchRow"("batchId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationBatchRow_batchId_email_key" ON "InvitationBatchRow"("batchId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationBatchRow_batchId_line_key" ON "InvitationBatchRow"("batchId", "line");

-- AddForeignKey
ALTER TABLE "InvitationBatchRow" ADD CONSTRAINT "InvitationBatchRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "InvitationBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

