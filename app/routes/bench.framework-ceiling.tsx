import type { MetaFunction } from "@remix-run/node";
import { frameworkCeilingData } from "~/bench/framework-ceiling.server";
import { pageTitle } from "~/i18n/page-copy";
import type { loader as sectionLoader } from "./countries.$code.sections.$section/route";
import { SectionPage } from "./countries.$code.sections.$section/section-page";

// The benchmark's framework ceiling (`npm run bench`, docs/performance.md): the section page's
// React tree rendered through Remix's document render, in the same build and server, from
// constant loader data (no database, no session), so the bench can say what share of Remix and
// React's own rate the real page reaches. Off (404) unless the server started with
// BENCH_FRAMEWORK_CEILING naming that data; env.server.ts refuses it in production.

type SectionPageData = Awaited<ReturnType<typeof sectionLoader>>["data"];

export const meta: MetaFunction<() => SectionPageData> = ({ data }) =>
  pageTitle(data ? `${data.sectionId}. ${data.country.name}` : undefined);

// Public: the benchmark's constant page, which reads no database and no one's data; it answers
// 404 unless the server was started for the bench (BENCH_FRAMEWORK_CEILING, refused in production).
export async function loader() {
  const data = frameworkCeilingData();
  if (!data) throw new Response("Not Found", { status: 404 });
  return data as SectionPageData;
}

export default SectionPage;
