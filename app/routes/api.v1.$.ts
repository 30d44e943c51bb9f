import { problem } from "~/api/problem";

// Public: a path the read API does not have is a 404 problem document, not the portal's HTML page.
export function loader() {
  throw problem("not-found", "No such path in the read API: see /api/v1/openapi.json.");
}
