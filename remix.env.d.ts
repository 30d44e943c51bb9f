/// <reference types="@remix-run/dev" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** Per-request Content-Security-Policy nonce (server.js). */
    cspNonce?: string;
    /** The client's IP address, for rate limiting (server.js). */
    clientAddress?: string;
    /** Adds a Set-Cookie header to this request's response, whatever route answers it. */
    setCookie?: (serializedCookie: string) => void;
    /** Runs `work` once this request's response has been sent (or the client went away). */
    afterResponse?: (work: () => void) => void;
    /** Marks this request's response as not to be stored by any cache (a signed-in person's). */
    noStore?: () => void;
    /** Markup rendered apart for this request's document, by element id (keep-markup.server.ts). */
    keptMarkup?: Map<string, string>;
  }
}
