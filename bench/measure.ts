import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import autocannon from "autocannon";
import { percentile, type Row } from "./report";

// One benchmark row: a warm-up (the JIT, the database's page cache and the connection pools
// settle in the first seconds), then three runs, reporting the run with the median rate and the
// spread of the three. Every reply is checked; a row with a wrong reply is marked failed.

export const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const RUNS = 3;

/** Whether a reply is the one expected (status, headers by lower-case name, the body decoded). */
export type Check = (status: number, body: string, headers: Record<string, unknown>) => boolean;

/** What one connection sends; built once per connection, so it may keep its own state. */
export type Connection = {
  setupRequest: (request: autocannon.Request) => autocannon.Request;
  check: Check;
};

type RunFigures = Omit<Row, "name" | "spread">;

function runOnce(
  url: string,
  connections: number,
  duration: number,
  connect: (index: number) => Connection,
): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let wrong = 0;
    let index = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        // One request list per connection: autocannon resets a request's `context` before every
        // request when the list has one entry, so state kept there is lost between requests.
        setupClient: (client) => {
          keepBodyBytes(client);
          const connection = connect(index++);
          client.setRequests([
            {
              setupRequest: connection.setupRequest as never,
              onResponse: (status, body, _context, headers) => {
                const named = Object.fromEntries(
                  Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
                );
                let text: string | null = null;
                try {
                  text = decode(body as unknown as Buffer | "", named["content-encoding"]);
                } catch {
                  // a body that does not inflate is a wrong reply
                }
                if (text === null || !connection.check(status, text, named)) {
                  // BENCH_DEBUG=1 shows the first wrong reply of each run
                  if (wrong === 0 && process.env.BENCH_DEBUG)
                    console.error("wrong reply:", status, named, text?.slice(0, 500));
                  wrong += 1;
                }
              },
            },
          ]);
        },
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              rps: result.requests.average,
              p50: percentile(latencies, 50),
              p95: percentile(latencies, 95),
              p99: percentile(latencies, 99),
              errors: result.non2xx + result.errors + result.timeouts,
              wrong,
            }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
}

/**
 * autocannon (8.0.0) joins a reply's body chunks into a string, which garbles compressed bytes:
 * its queue of requests in flight keeps the bytes instead, for `decode`.
 */
function keepBodyBytes(client: autocannon.Client) {
  type InFlight = { body: Buffer | "" };
  const queue = (client as unknown as { pipelinedRequests: { peek(): InFlight | undefined } })
    .pipelinedRequests as { peek(): InFlight | undefined; addBody(data: Buffer): void };
  queue.addBody = (data) => {
    const request = queue.peek();
    if (request) request.body = request.body === "" ? data : Buffer.concat([request.body, data]);
  };
}

function decode(body: Buffer | "", encoding: unknown): string {
  if (body === "") return "";
  if (encoding === "br") return brotliDecompressSync(body).toString();
  if (encoding === "gzip") return gunzipSync(body).toString();
  if (encoding === "deflate") return inflateSync(body).toString();
  return body.toString();
}

/** A warm-up, then three runs: the median run's figures, with the range of the three rates. */
export async function measure(
  url: string,
  connections: number,
  connect: (index: number) => Connection,
  /** Called after each run (the warm-up included), before the next starts. */
  afterRun: () => Promise<void> = async () => {},
): Promise<Omit<Row, "name">> {
  const warmUp = await runOnce(url, connections, WARM_UP_SECONDS, connect);
  await afterRun();
  const runs: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await runOnce(url, connections, DURATION, connect));
    await afterRun();
  }
  const byRate = [...runs].sort((a, b) => a.rps - b.rps);
  const median = byRate[Math.floor(RUNS / 2)]!;
  return {
    ...median,
    // Errors and wrong replies of any run (the warm-up included) fail the row.
    errors: [warmUp, ...runs].reduce((sum, r) => sum + r.errors, 0),
    wrong: [warmUp, ...runs].reduce((sum, r) => sum + r.wrong, 0),
    spread: [byRate[0]!.rps, byRate[RUNS - 1]!.rps],
  };
}

/** A page asked for as browsers do: 200, compressed HTML, holding `mark` (proof it is that page). */
export const compressedPage =
  (mark: string): Check =>
  (status, body, headers) =>
    status === 200 &&
    ["gzip", "br"].includes(String(headers["content-encoding"])) &&
    String(headers["content-type"]).startsWith("text/html") &&
    body.includes(mark) &&
    body.includes("</html>");
