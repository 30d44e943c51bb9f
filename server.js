// @ts-check
// The portal's HTTP server: Express around the Remix request handler, adding what Remix leaves
// to the host: compression, static files, security headers with a per-request CSP nonce,
// a request body limit, and the client's address (for rate limiting) in the load context.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { readServerSettings } from "./server/settings.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

// Read once, before any worker starts: a bad value stops the portal instead of every worker.
const SETTINGS = readSettings();
const MODE = SETTINGS.mode;
const BUILD_PATH = path.resolve("build/index.js");
const BUILD_URL = url.pathToFileURL(BUILD_PATH).href;

// In production one worker process per core (WEB_CONCURRENCY to change): a Node process renders
// pages on one core, and everything a request needs (sessions, rate limits, answers) is in the
// database, so workers share nothing else.
const WORKERS = SETTINGS.workers;
// Production safety is checked before anything listens, by each process as it loads the build
// (which parses the settings and looks at the database: app/startup.server.ts). A refusal exits
// with UNSAFE_EXIT; the primary then stops too, non-zero, instead of re-forking: a supervisor
// reports it rather than an unsafe portal being served.
const UNSAFE_EXIT = 78;

if (WORKERS > 1 && cluster.isPrimary) {
  await runPrimary(WORKERS);
} else {
  await runServer();
}

/** @param {number} count */
async function runPrimary(count) {
  let stopping = false;
  const fork = () =>
    cluster.fork().on("exit", (code, signal) => {
      if (stopping) return;
      if (code === UNSAFE_EXIT) return stop(1);
      console.error(`worker exited (${signal ?? code}); starting another`);
      setTimeout(fork, 1000); // a worker that crashes at start-up does not spin the CPU
    });
  for (let i = 0; i < count; i++) fork();
  let ready = 0;
  cluster.on("listening", () => {
    if (++ready === count)
      console.log(`MSQ portal ready at http://localhost:${port()} (${MODE}, ${count} workers)`);
  });
  /** @param {number} exitCode */
  function stop(exitCode) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const exitWhenDone = () =>
      Object.keys(cluster.workers ?? {}).length === 0
        ? process.exit(exitCode)
        : setTimeout(exitWhenDone, 50);
    exitWhenDone();
  }
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(0));
}

/** @returns {import("./server/settings.js").ServerSettings} */
function readSettings() {
  const read = readServerSettings(process.env);
  if (read.ok) return read.settings;
  console.error(
    `Invalid configuration:\n${read.problems.map((p) => `  ${p}`).join("\n")}\nSee .env.example.`,
  );
  process.exit(1);
}

function port() {
  return SETTINGS.port;
}

async function runServer() {
  /** Largest request body accepted: an entire questionnaire is well under 1 MB. */
  const MAX_BODY_BYTES = 3 * 1024 * 1024;
  /** The import page takes Word and PDF files of up to 10 MB (administrators only, checked there). */
  const MAX_IMPORT_BODY_BYTES = 11 * 1024 * 1024;
  /** @param {express.Request} req */
  const bodyLimit = (req) =>
    req.path === "/admin/imports" ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;

  const app = express();
  app.disable("x-powered-by");
  // Behind a proxy, set TRUST_PROXY (a hop count, or the proxies' addresses) so req.ip is the
  // client's, not the proxy's.
  if (SETTINGS.trustProxy !== undefined) app.set("trust proxy", SETTINGS.trustProxy);
  app.use(compression());

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": [
            "'self'",
            (_req, res) => `'nonce-${/** @type {express.Response} */ (res).locals.cspNonce}'`,
          ],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": MODE === "development" ? ["'self'", "ws:"] : ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          "upgrade-insecure-requests": null,
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: SETTINGS.https,
    }),
  );

  // Refuse oversized bodies before Remix reads them: by the declared length, and by counting
  // the bytes of bodies sent without one.
  app.use((req, res, next) => {
    const limit = bodyLimit(req);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      res.status(413).type("text/plain").send("The request is too large.");
      return;
    }
    let received = 0;
    req.on("data", (chunk) => {
      received += chunk.length;
      if (received > limit && !res.headersSent) {
        res.status(413).type("text/plain").send("The request is too large.");
        req.destroy();
      }
    });
    next();
  });

  // Cross-site request forgery: a state-changing request must come from the portal's own pages.
  // Browsers send Origin (or at least Referer) with every form post and fetch; a post from another
  // site, a sandboxed frame ("null") or a client that hides both is refused. SameSite=Lax session
  // cookies are the second line.
  const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
  const PUBLIC_ORIGIN = SETTINGS.publicOrigin;
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    // The read API never reads cookies: a request there is who its bearer token says, and a
    // browser sends no such header to another site on its own, so there is nothing to forge.
    if (req.path.startsWith("/api/v1/") && /^Bearer /i.test(req.get("authorization") ?? ""))
      return next();
    const source = req.get("origin") ?? originOf(req.get("referer"));
    const own = [PUBLIC_ORIGIN, `${req.protocol}://${req.get("host")}`];
    if (source && own.includes(source)) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });

  /** @param {string | undefined} referer */
  function originOf(referer) {
    try {
      return referer ? new URL(referer).origin : null;
    } catch {
      return null;
    }
  }

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Files at the top of public/ (favicons): only names with an extension can be one, so page
  // requests do not each wait for a file-system look-up.
  const publicFiles = express.static("public", { maxAge: "1h", index: false });
  app.use((req, res, next) =>
    /^\/[^/]+\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next(),
  );

  // Cookies that a module sets on the way (a refreshed session) join the response's own, unless
  // the route set a cookie of the same name itself (sign-in, sign-out). A response to a request
  // with a valid session is someone's own page: no cache (browser, proxy) may keep it.
  app.use((req, res, next) => {
    res.locals.cookies = [];
    onHeaders(res, () => {
      const own = [res.getHeader("Set-Cookie") ?? []].flat().map(String);
      const ownNames = new Set(own.map((cookie) => cookie.split("=")[0]));
      const extra = /** @type {string[]} */ (res.locals.cookies).filter(
        (cookie) => !ownNames.has(cookie.split("=")[0]),
      );
      if (extra.length > 0) res.setHeader("Set-Cookie", [...own, ...extra]);
      if (res.locals.noStore) res.setHeader("Cache-Control", "no-store");
    });
    next();
  });

  /**
   * What routes receive as `context` (AppLoadContext in remix.env.d.ts).
   * @param {express.Request} req
   * @param {express.Response} res
   */
  const getLoadContext = (req, res) => ({
    cspNonce: res.locals.cspNonce,
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    /** @param {string} cookie */
    setCookie: (cookie) => res.locals.cookies.push(cookie),
    // "close" comes after the last byte is sent, or when the client hangs up.
    /** @param {() => void} work */
    afterResponse: (work) => res.once("close", work),
    noStore: () => (res.locals.noStore = true),
    keptMarkup: new Map(),
  });

  let build = await import(BUILD_URL);
  const problems = await build.entry.module.startupProblems();
  if (problems.length > 0) {
    console.error(
      `The MSQ portal will not start:\n${problems.map((/** @type {string} */ p) => `  - ${p}`).join("\n")}`,
    );
    process.exit(cluster.isPrimary ? 1 : UNSAFE_EXIT);
  }
  if (MODE === "production") {
    app.all("*", createRequestHandler({ build, mode: MODE, getLoadContext }));
  } else {
    // `remix dev --manual` rebuilds into build/: load the new build and tell the dev server.
    fs.watch(path.dirname(BUILD_PATH), async () => {
      build = await import(`${BUILD_URL}?t=${Date.now()}`);
      broadcastDevReady(build);
    });
    app.all("*", (req, res, next) =>
      createRequestHandler({ build, mode: MODE, getLoadContext })(req, res, next),
    );
  }

  const server = app.listen(port(), () => {
    if (cluster.isPrimary) console.log(`MSQ portal ready at http://localhost:${port()} (${MODE})`);
    if (MODE === "development") broadcastDevReady(build);
  });

  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
  // A worker whose primary died (killed, crashed) stops too, instead of lingering.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(1));
}
