import type { ActionFunctionArgs } from "@remix-run/node";
import { requireFocalPointFor } from "~/auth/guards.server";
import { readSession } from "~/auth/session.server";
import { saveSection } from "./countries.$code.sections.$section/save.server";

// The autosave endpoint (JavaScript only): the same save as the section form, answered in JSON.
// Signed out, it says so (401) and the browser keeps the text (local-backup.ts).
export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await readSession(request, context);
  if (!session) return Response.json({ error: "signed-out" }, { status: 401 });
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code, session);
  const outcome = await saveSection({
    actorId: user.id,
    countryCode,
    sectionId: params.section,
    formData: await request.formData(),
  });
  switch (outcome.kind) {
    case "locked":
      return Response.json({ error: "locked" }, { status: 409 });
    case "malformed":
      return Response.json({ error: "malformed", fields: outcome.fields }, { status: 400 });
    default:
      return Response.json({
        revision: outcome.revision,
        saved: outcome.saved,
        savedAt: outcome.savedAt,
        conflicts: outcome.kind === "conflicts" ? outcome.conflicts : [],
      });
  }
}
