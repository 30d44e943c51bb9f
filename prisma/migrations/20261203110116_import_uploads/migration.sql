-- CreateTable
CREATE TABLE "ImportUpload" (
    "sha256" TEXT NOT NULL PRIMARY KEY,
    "filename" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ImportUpload_uploadedAt_idx" ON "ImportUpload"("uploadedAt");

