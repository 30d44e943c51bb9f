import type { LoaderFunctionArgs } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { answersOfSubmissions } from "~/models/submission-answers.server";
import { findRound, forgetCurrentRound, type Round } from "~/models/round.server";
import type { QuestionnaireDefinition } from "~/questionnaire/definition-schema";
import { fixtureQuestionnaire, fixtureRows } from "~/results/fixture.test-helper";
import { PNG_SIGNATURE } from "~/results/png.server";
import { DEFAULT_RESULTS_QUERY, type ResultsQuery } from "~/results/query";
import { loadPublicResults } from "~/results/results.server";
import { percentOf, type GraphicChart } from "~/results/tally";
import { loader as publicFile } from "~/routes/published.results.$file";
import { loadResultsPage } from "~/routes/review.results/page.server";
import { loader as reviewFile } from "~/routes/review.results_.$file";
import { storeDefinition } from "~/rounds/rounds.server";

// The Results page against the real database: the filters choose the responses as an export
// does (the latest submission of each; drafts and returned responses never), the public results
// count published responses only, and the downloads are what they say, to reviewers only.
// A closed round of its own holds the seven countries of the fixture, each with a status and an
// authorisation chosen to be told apart; everything is deleted at the end.

const ROUND = "2016-results";
const PUBLIC_COUNTRIES = ["TUV", "NRU", "PLW", "KIR"]; // 2020, used by no other test

type Setup = { status: string; authorised: boolean[]; working?: object };
/** Each fixture country's response: its status and the authorisation of each submission. */
const SETUP: Record<string, Setup> = {
  CHL: { status: "SUBMITTED", authorised: [true] },
  FRA: { status: "ACCEPTED", authorised: [true] },
  // Authorised once, then resubmitted without: not published, not "authorised only".
  GHA: { status: "ACCEPTED", authorised: [true, false] },
  KEN: { status: "SUBMITTED", authorised: [false] },
  QAT: { status: "RETURNED", authorised: [true] },
  // The working copy (edited after the submission) says "no": the submission counts.
  RWA: { status: "ACCEPTED", authorised: [true], working: { has_cio: "no" } },
  TJK: { status: "DRAFT", authorised: [] },
};

let round: Round;
let reviewerCookie = "";
let focalCookie = "";

async function cleanUp() {
  await prisma.response.deleteMany({
    where: {
      OR: [{ roundId: ROUND }, { roundId: "2020", countryCode: { in: PUBLIC_COUNTRIES } }],
    },
  });
  await prisma.questionnaireDefinition.deleteMany({ where: { roundId: ROUND } });
  await prisma.round.deleteMany({ where: { id: ROUND } });
  await prisma.user.deleteMany({ where: { email: { endsWith: "@results.test.example.org" } } });
  forgetCurrentRound();
}

async function respond(roundId: string, code: string, setup: Setup, answers: object) {
  await prisma.response.create({
    data: {
      roundId,
      countryCode: code,
      status: setup.status as "DRAFT",
      questionnaireVersion: 1,
      answers: { ...answers, ...setup.working },
      fieldVersions: {},
      authorizePublication: setup.authorised.at(-1) ?? null,
      submittedAt: setup.authorised.length > 0 ? new Date() : null,
      acceptedAt: setup.status === "ACCEPTED" ? new Date() : null,
      submissions: {
        create: setup.authorised.map((authorizePublication, i) => ({
          number: i + 1,
          questionnaireVersion: 1,
          answers,
          authorizePublication,
        })),
      },
    },
  });
}

async function cookieOf(role: "REVIEWER" | "FOCAL_POINT") {
  const user = await prisma.user.create({
    data: { email: `${role.toLowerCase()}@results.test.example.org`, role },
  });
  return (await startSession(user.id)).split(";")[0]!;
}

beforeAll(async () => {
  await cleanUp();
  const definition = { ...fixtureQuestionnaire, round: ROUND };
  await storeDefinition(definition as unknown as QuestionnaireDefinition, null);
  await prisma.round.update({
    where: { id: ROUND },
    data: { status: "CLOSED", openedAt: new Date("2016-01-01"), closedAt: new Date("2016-12-31") },
  });
  round = (await findRound(ROUND))!;
  for (const row of fixtureRows) await respond(ROUND, row.code, SETUP[row.code]!, row.answers);
  reviewerCookie = await cookieOf("REVIEWER");
  focalCookie = await cookieOf("FOCAL_POINT");
});

afterAll(async () => {
  await cleanUp();
  await prisma.$disconnect();
});

const page = (query: Partial<ResultsQuery> = {}) =>
  loadResultsPage({ round, query: { ...DEFAULT_RESULTS_QUERY, ...query }, locale: "en" });
const chartOf = (charts: { key: string }[], key: string) =>
  charts.find((c) => c.key === key) as GraphicChart;
const readout = (chart: GraphicChart) =>
  chart.categories.map(
    (c, i) =>
      `${c.text} ${chart.total.counts[i]} ${percentOf(chart.total.counts[i]!, chart.total.respondents)}`,
  );

describe("the responses the Results page counts", () => {
  it("are the submitted and accepted ones by default, each as its latest submission", async () => {
    const results = await page();
    // CHL FRA GHA KEN RWA: not QAT (returned), not TJK (a draft).
    expect(results.counted).toBe(5);
    const cio = chartOf(results.charts, "has_cio");
    // yes: CHL GHA RWA (RWA's submission, not its working copy), no: FRA KEN.
    expect(readout(cio)).toEqual(["Yes 3 60", "No 2 40", "No answer 0 0"]);
    expect(readout(chartOf(results.charts, "features"))).toEqual([
      "has a plan 3 60",
      "is aligned with the SDGs 1 20",
      "=applies the once-only principle 1 20",
      "No answer 1 20",
    ]);
  });

  it("are one region's with region=Africa", async () => {
    const results = await page({ region: "Africa" });
    expect(results.counted).toBe(3); // GHA KEN RWA
    expect(readout(chartOf(results.charts, "has_cio"))).toEqual([
      "Yes 2 67",
      "No 1 33",
      "No answer 0 0",
    ]);
  });

  it("are the accepted ones only with status=ACCEPTED", async () => {
    const results = await page({ acceptedOnly: true });
    expect(results.counted).toBe(3); // FRA GHA RWA
    expect(readout(chartOf(results.charts, "has_cio"))).toEqual([
      "Yes 2 67",
      "No 1 33",
      "No answer 0 0",
    ]);
  });

  it("are those whose latest submission authorises publication with authorised=1", async () => {
    const results = await page({ authorisedOnly: true });
    expect(results.counted).toBe(3); // CHL FRA RWA: GHA's latest does not, KEN never did
    expect(readout(chartOf(results.charts, "has_cio"))).toEqual([
      "Yes 2 67",
      "No 1 33",
      "No answer 0 0",
    ]);
  });

  it("are broken down by region on demand, and a text question's list follows the filters", async () => {
    const results = await page({
      byRegion: true,
      region: "Africa",
      focus: { key: "story", query: "OPEN DATA" },
    });
    expect(chartOf(results.charts, "has_cio").regions!.map((g) => g.region)).toEqual(["Africa"]);
    const story = results.charts.find((c) => c.key === "story")!;
    expect(story).toMatchObject({ kind: "search", matching: 2 });
    expect("items" in story && story.items.map((i) => i.code)).toEqual(["KEN", "RWA"]);
  });

  it("ignore a focus on a question the round lacks or that has no list", async () => {
    expect((await page({ focus: { key: "nope", query: "x" } })).query.focus).toBeNull();
    expect((await page({ focus: { key: "has_cio", query: "x" } })).query.focus).toBeNull();
  });
});

describe("the answers the Results page reads", () => {
  it("are a resubmission's new answers at once (kept by submission, never by response)", async () => {
    const before = readout(chartOf((await page()).charts, "has_cio"));
    expect(before).toEqual(["Yes 3 60", "No 2 40", "No answer 0 0"]);
    const chile = await prisma.response.findFirstOrThrow({
      where: { roundId: ROUND, countryCode: "CHL" },
      include: { submissions: true },
    });
    const first = chile.submissions[0]!;
    await prisma.submission.create({
      data: {
        responseId: chile.id,
        number: 2,
        questionnaireVersion: 1,
        answers: { ...(first.answers as object), has_cio: "no" },
        authorizePublication: true,
      },
    });
    try {
      expect(readout(chartOf((await page()).charts, "has_cio"))).toEqual([
        "Yes 2 40",
        "No 3 60",
        "No answer 0 0",
      ]);
    } finally {
      await prisma.submission.deleteMany({ where: { responseId: chile.id, number: 2 } });
    }
    expect(readout(chartOf((await page()).charts, "has_cio"))).toEqual(before);
  });

  it("are read from the database once per submission, and frozen", async () => {
    const ids = (
      await prisma.submission.findMany({
        where: { response: { roundId: ROUND } },
        select: { id: true },
      })
    ).map((s) => s.id);
    const first = await answersOfSubmissions(ids);
    const reads = vi.spyOn(prisma.submission, "findMany");
    try {
      const again = await answersOfSubmissions(ids);
      expect(reads).not.toHaveBeenCalled();
      expect([...again.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) expect(again.get(id)).toBe(first.get(id));
    } finally {
      reads.mockRestore();
    }
    const answers = first.get(ids[0]!)! as Record<string, unknown>;
    expect(() => {
      answers.has_cio = "changed";
    }).toThrow(TypeError);
  });

  it("name the countries in the page's language, in its order", async () => {
    const results = await loadResultsPage({
      round,
      query: { ...DEFAULT_RESULTS_QUERY, focus: { key: "story", query: "" } },
      locale: "ru",
    });
    const story = results.charts.find((c) => c.key === "story")!;
    // In English: France, Kenya, Rwanda.
    expect("items" in story && story.items.map((i) => i.name)).toEqual([
      "Кения",
      "Руанда",
      "Франция",
    ]);
  });
});

describe("the public results", () => {
  it("count the published responses only: accepted, and authorised by the snapshot accepted", async () => {
    const results = await loadPublicResults(round, "en");
    expect(results.counted).toBe(2); // FRA RWA
    expect(results.charts.map((c) => c.key)).toEqual(["has_cio", "features", "level"]);
    expect(readout(chartOf(results.charts, "has_cio"))).toEqual([
      "Yes 1 50",
      "No 1 50",
      "No answer 0 0",
    ]);
  });

  it("download counts that move only when a response is published", async () => {
    const yesOf = async () => {
      const response = await publicFile(
        args("/published/results/chart.csv?key=q4_has_cio", "chart.csv"),
      );
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const rows = await csvOf(response);
      return Number(rows.find((r) => r[0] === "Yes")![1]);
    };
    const before = await yesOf();
    const yes = { q4_has_cio: "yes" };
    await respond("2020", "NRU", { status: "ACCEPTED", authorised: [false] }, yes);
    await respond("2020", "PLW", { status: "SUBMITTED", authorised: [true] }, yes);
    await respond("2020", "KIR", { status: "DRAFT", authorised: [] }, yes);
    expect(await yesOf()).toBe(before);
    await respond("2020", "TUV", { status: "ACCEPTED", authorised: [true] }, yes);
    expect(await yesOf()).toBe(before + 1);
  });

  it("offer no text question and no answers file", async () => {
    expect(
      await status(
        publicFile(args("/published/results/chart.csv?key=q1_national_portal", "chart.csv")),
      ),
    ).toBe(404);
    expect(
      await status(
        publicFile(args("/published/results/answers.csv?key=q1_national_portal", "answers.csv")),
      ),
    ).toBe(404);
  });
});

/** Loader arguments for a GET of `path`, with a session cookie. */
function args(path: string, file: string, cookie = ""): LoaderFunctionArgs {
  return {
    request: new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} }),
    context: {},
    params: { file },
  };
}

/** A CSV download's rows, after its byte-order mark (which Excel needs to read UTF-8). */
async function csvOf(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes.subarray(3)));
}

async function status(promise: Promise<Response>): Promise<number> {
  try {
    return (await promise).status;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("a chart's downloads", () => {
  const path = (file: string, query = "") =>
    `/review/results/${file}?round=${ROUND}&key=features${query}`;

  it("are a PNG, an SVG and a CSV, named after the round and the question", async () => {
    const png = await reviewFile(args(path("chart.png"), "chart.png", reviewerCookie));
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(png.headers.get("Content-Disposition")).toBe(
      `attachment; filename="msq-${ROUND}-results-features.png"`,
    );
    expect(png.headers.get("Cache-Control")).toBe("private, no-store");
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const svg = await reviewFile(args(path("chart.svg"), "chart.svg", reviewerCookie));
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(await svg.text()).toContain("2. The strategy:");
  });

  it("count what the page counts, with its filters", async () => {
    const response = await reviewFile(
      args(path("chart.csv", "&region=Africa&by=region"), "chart.csv", reviewerCookie),
    );
    const rows = await csvOf(response);
    expect(rows.filter((r) => r[0] === "has a plan")).toEqual([
      ["has a plan", "All counted", "2", "3", "67"],
      ["has a plan", "Africa", "2", "3", "67"],
    ]);
  });

  it("are a text question's answers as CSV, and a 404 for what a question does not have", async () => {
    const response = await reviewFile(
      args(
        `/review/results/answers.csv?round=${ROUND}&key=story&q=open%20data`,
        "answers.csv",
        reviewerCookie,
      ),
    );
    const rows = await csvOf(response);
    expect(rows.map((r) => r[0])).toEqual(["Country code", "FRA", "KEN", "RWA"]);
    expect(await status(reviewFile(args(path("answers.csv"), "answers.csv", reviewerCookie)))).toBe(
      404,
    );
    expect(
      await status(
        reviewFile(
          args(`/review/results/chart.png?round=${ROUND}&key=story`, "chart.png", reviewerCookie),
        ),
      ),
    ).toBe(404);
    expect(await status(reviewFile(args(path("chart.gif"), "chart.gif", reviewerCookie)))).toBe(
      404,
    );
    expect(
      await status(
        reviewFile(args(path("chart.csv", "&status=DRAFT"), "chart.csv", reviewerCookie)),
      ),
    ).toBe(400);
  });

  it("are refused to a focal point and send an anonymous visitor to sign in", async () => {
    expect(await status(reviewFile(args(path("chart.csv"), "chart.csv", focalCookie)))).toBe(403);
    expect(await status(reviewFile(args(path("chart.csv"), "chart.csv")))).toBe(302);
  });
});
