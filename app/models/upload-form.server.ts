import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

/**
 * An administrator's file upload (a multipart form), held in memory; null when the file is over
 * `maxBytes`, which the page answers with its own "too large" message. The import, rounds and
 * invitations pages read their uploads here.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<FormData | null> {
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}
