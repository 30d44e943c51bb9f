/** Express's "trust proxy" value for TRUST_PROXY (see trust-proxy.js). */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] | undefined;
