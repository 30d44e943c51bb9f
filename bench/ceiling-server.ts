// The HTTP ceiling's server: the HTML file named by CEILING_HTML, answered on CEILING_PORT by as
// many worker processes as server.js starts, through the same compression middleware, and nothing
// else. Prints "ready" once every worker listens.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import compression from "compression";

const WORKERS = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());

if (cluster.isPrimary) {
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === WORKERS) console.log("ready");
  });
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const html = readFileSync(process.env.CEILING_HTML!);
  const compress = compression();
  http
    .createServer((req, res) =>
      compress(req as never, res as never, () =>
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html),
      ),
    )
    .listen(Number(process.env.CEILING_PORT));
}
