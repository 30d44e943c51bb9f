import { prisma } from "~/db.server";

// The files imported responses were read from (SourceDocument), for reviewers to download.

export type SourceDocumentLink = { id: string; filename: string; size: number };

/** The file the response's latest import came from, if it was kept. */
export function latestSourceDocument(responseId: string): Promise<SourceDocumentLink | null> {
  return prisma.sourceDocument.findFirst({
    where: { responseId },
    orderBy: { createdAt: "desc" },
    select: { id: true, filename: true, size: true },
  });
}

/** The stored file, if it belongs to a response of this country. */
export function findSourceDocument(id: string, countryCode: string) {
  return prisma.sourceDocument.findFirst({
    where: { id, response: { countryCode } },
    select: { filename: true, contentType: true, bytes: true, sha256: true },
  });
}

/** `attachment; filename=…` for any name: ASCII for old browsers, UTF-8 for the rest. */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
