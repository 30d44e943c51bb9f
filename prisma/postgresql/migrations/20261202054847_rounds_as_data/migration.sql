-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "opensAt" TIMESTAMP(3),
ADD COLUMN     "previousRoundId" TEXT,
ADD COLUMN     "status" "RoundStatus" NOT NULL DEFAULT 'DRAFT';

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "carried" JSONB,
ADD COLUMN     "carriedFromRoundId" TEXT,
ADD COLUMN     "confirmedCarried" JSONB;

-- CreateTable
CREATE TABLE "QuestionnaireDefinition" (
    "roundId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "structure" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "QuestionnaireDefinition_pkey" PRIMARY KEY ("roundId","version")
);

-- AddForeignKey
ALTER TABLE "QuestionnaireDefinition" ADD CONSTRAINT "QuestionnaireDefinition_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rounds that existed before rounds had a status were being answered: they are open.
UPDATE "Round" SET "status" = 'OPEN', "openedAt" = "createdAt";
