import { createHash, randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { discardUpload, findUpload, keepUpload } from "./import-upload.server";

afterAll(() => prisma.$disconnect());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("an import's upload between its preview and its confirmation", () => {
  it("is kept in the database, found by its hash with exactly its bytes, and discarded", async () => {
    const bytes = new Uint8Array(randomBytes(64 * 1024));
    const kept = await keepUpload(bytes, "C:\\Users\\focal\\Réponse MSQ <2020>.docx");
    expect(kept.hash).toBe(sha256(bytes));
    expect(kept.name).toBe("Réponse MSQ _2020_.docx");

    // What another instance finds: nothing of it lives in this process.
    const found = await findUpload(kept.hash);
    expect(found?.name).toBe(kept.name);
    expect(Buffer.from(found!.bytes).equals(Buffer.from(bytes))).toBe(true);

    // The same bytes again, under another name: one upload, the new name.
    await keepUpload(bytes, "again.docx");
    expect(await prisma.importUpload.count({ where: { sha256: kept.hash } })).toBe(1);
    expect((await findUpload(kept.hash))?.name).toBe("again.docx");

    await discardUpload(kept.hash);
    expect(await findUpload(kept.hash)).toBeNull();
  });

  it("is not found when its stored bytes no longer match the hash, or for a posted non-hash", async () => {
    const bytes = new Uint8Array(randomBytes(256));
    const kept = await keepUpload(bytes, "response.txt");
    await prisma.importUpload.update({
      where: { sha256: kept.hash },
      data: { bytes: new Uint8Array(randomBytes(256)) },
    });
    expect(await findUpload(kept.hash)).toBeNull();
    expect(await findUpload("../../etc/passwd")).toBeNull();
    expect(await findUpload(kept.hash.toUpperCase())).toBeNull();
    await discardUpload(kept.hash);
  });
});
