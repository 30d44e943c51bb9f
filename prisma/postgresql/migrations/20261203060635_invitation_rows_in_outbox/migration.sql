-- AlterEnum
ALTER TYPE "InvitationRowStatus" ADD VALUE 'QUEUED';

-- AlterTable
ALTER TABLE "InvitationBatchRow" ADD COLUMN     "emailId" TEXT;

