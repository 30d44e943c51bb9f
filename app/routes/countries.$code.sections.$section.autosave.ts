import type { ActionFunctionArgs } from "@remix-run/node";
import { requireFocalPointFor } from "~/auth/guards.server";
import { localeFor } from "~/i18n/request-locale.server";
import { readSession } from "~/auth/session.server";
import type { AutosaveReply } from "~/questionnaire/section-protocol";
import { saveSection } from "./countries.$code.sections.$section/save.server";

// The autosave endpoint (JavaScript only): the same save as the section form, answered in JSON.
// Signed out, it says so (401) and the browser keeps the text (local-backup.ts).
// With its length given, the compression middleware leaves the short reply as it is: without
// it, each reply got a zlib stream of its own, a tenth of a save's time under load.
function reply(body: AutosaveReply, status = 200) {
  const json = JSON.stringify(body);
  return new Response(json, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(json)),
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await readSession(request, context);
  if (!session) return reply({ error: "signed-out" }, 401);
  const { user, countryCode } = await requireFocalPointFor(request, context, params.code, session);
  const outcome = await saveSection({
    actorId: user.id,
    countryCode,
    sectionId: params.section,
    formData: await request.formData(),
    locale: localeFor(request, user),
  });
  switch (outcome.kind) {
    case "locked":
      return reply({ error: "locked" }, 409);
    case "malformed":
      return reply({ error: "malformed", fields: outcome.fields }, 400);
    default:
      return reply({
        revision: outcome.revision,
        saved: outcome.saved,
        savedAt: outcome.savedAt,
        conflicts: outcome.kind === "conflicts" ? outcome.conflicts : [],
      });
  }
}
