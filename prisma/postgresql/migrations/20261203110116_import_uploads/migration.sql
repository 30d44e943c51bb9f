-- CreateTable
CREATE TABLE "ImportUpload" (
    "sha256" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "ImportUpload_uploadedAt_idx" ON "ImportUpload"("uploadedAt");

