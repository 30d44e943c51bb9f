-- AlterTable
ALTER TABLE "InvitationBatchRow" ADD COLUMN "emailId" TEXT;

