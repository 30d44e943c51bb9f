import { createContext, useContext } from "react";

// The per-request Content-Security-Policy nonce: set on the server, read by <Scripts>.
// Browsers hide nonce attributes from scripts, so on the client it is simply empty.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
