-- CreateTable
CREATE TABLE "PendingInput" (
    "id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "formData" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingInput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingInput_createdAt_idx" ON "PendingInput"("createdAt");

