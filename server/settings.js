// @ts-check
// The settings the HTTP server needs before the app's build is loaded (the worker count, the
// port, the proxy, the public origin), parsed and checked in one place. Plain JavaScript, type-
// checked (`// @ts-check`), so that server.js (not compiled) and the app (app/env.server.ts,
// which parses the rest) read them the same way.
import os from "node:os";
import { parseTrustProxy } from "./trust-proxy.js";

/**
 * @typedef {{
 *   mode: "production" | "development";
 *   port: number;
 *   workers: number;
 *   trustProxy: boolean | number | string[] | undefined;
 *   publicOrigin: string | null;
 *   https: boolean;
 * }} ServerSettings
 */

/**
 * A port: an integer from 1 to 65535 (3000 when unset). Throws with a readable message.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parsePort(value) {
  if (value === undefined || value.trim() === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`must be a port number from 1 to 65535, not "${value}"`);
  return port;
}

/**
 * Worker processes in production: WEB_CONCURRENCY, or one per core.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseWorkers(value) {
  if (value === undefined || value.trim() === "") return os.availableParallelism();
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256)
    throw new Error(`must be a number of worker processes from 1 to 256, not "${value}"`);
  return workers;
}

/**
 * The outbox's first wait before retrying a failed e-mail, in seconds (30 when unset), doubled
 * after each failure; the sender also looks for due mail this often (30 s at most). A test
 * server sets 1 so that mail held by a stopped mail server goes out soon after it is back.
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseEmailRetrySeconds(value) {
  if (value === undefined || value.trim() === "") return 30;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
    throw new Error(`must be a number of seconds from 1 to 3600, not "${value}"`);
  return seconds;
}

/**
 * The origin of PUBLIC_URL (null when unset). Throws when it is not an http(s) URL.
 * @param {string | undefined} value
 * @returns {string | null}
 */
export function parsePublicOrigin(value) {
  if (value === undefined || value.trim() === "") return null;
  /** @type {URL} */
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`must be a URL such as https://msq.example.org, not "${value}"`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`must start with https:// (or http:// locally), not "${value}"`);
  return parsed.origin;
}

/**
 * Every server setting from the environment, or every problem with them at once.
 * @param {Record<string, string | undefined>} env
 * @returns {{ ok: true, settings: ServerSettings } | { ok: false, problems: string[] }}
 */
export function readServerSettings(env) {
  /** @type {string[]} */
  const problems = [];
  /**
   * @template T
   * @param {string} name
   * @param {(value: string | undefined) => T} parse
   * @param {T} fallback
   * @returns {T}
   */
  const read = (name, parse, fallback) => {
    try {
      return parse(env[name]);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };
  const mode = env.NODE_ENV === "production" ? "production" : "development";
  const port = read("PORT", parsePort, 3000);
  const workers = mode === "production" ? read("WEB_CONCURRENCY", parseWorkers, 1) : 1;
  const trustProxy = read("TRUST_PROXY", parseTrustProxy, undefined);
  const publicOrigin = read("PUBLIC_URL", parsePublicOrigin, null);
  if (problems.length > 0) return { ok: false, problems };
  const https = publicOrigin?.startsWith("https://") ?? false;
  return { ok: true, settings: { mode, port, workers, trustProxy, publicOrigin, https } };
}
