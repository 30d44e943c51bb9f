import type { ActionFunctionArgs } from "@remix-run/node";
import { saveSectionPost } from "~/models/section-save.server";

// The autosave endpoint (JavaScript only): the same save as the section form, answered in JSON.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const outcome = await saveSectionPost(request, context, params, { autosave: true });
  switch (outcome.kind) {
    case "signed-out":
      return Response.json({ error: "signed-out" }, { status: 401 });
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
