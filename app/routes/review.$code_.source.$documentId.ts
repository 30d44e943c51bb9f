import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireReviewer } from "~/auth/guards.server";
import { attachmentHeader, findSourceDocument } from "~/models/source-document.server";

// GET /review/NOR/source/<id>: the file a response was imported from (Word, PDF or text), as
// the country sent it, for reviewers and administrators. Always a download, never shown inline:
// the bytes are the sender's, not the portal's.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireReviewer(request, context);
  const country = (params.code ?? "").toUpperCase();
  const document = await findSourceDocument(params.documentId ?? "", country);
  if (!document) throw new Response("Not found", { status: 404 });
  return new Response(document.bytes, {
    headers: {
      "Content-Type": document.contentType,
      "Content-Disposition": attachmentHeader(document.filename),
      "Content-Length": String(document.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ETag: `"${document.sha256}"`,
    },
  });
}
