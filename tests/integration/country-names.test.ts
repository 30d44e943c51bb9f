import { randomBytes } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { countryName, memberStatesByName } from "~/countries";
import { prisma } from "~/db.server";
import { loader as countryPage } from "~/routes/countries.$code._index/route";
import { loader as countriesList } from "~/routes/countries._index";
import { loader as dashboard } from "~/routes/review._index";
import { loader as reviewPage } from "~/routes/review.$code/route";

// The pages' loaders against the real database name the Member States in the reader's language:
// a focal point and a reviewer who chose Arabic, Chinese or Russian get the UN's names in it, in
// the order of that language. Mongolia and Nepal: countries no other test of this project uses.

const tag = () => randomBytes(4).toString("hex");
const created: string[] = [];

async function signedIn(role: "FOCAL_POINT" | "REVIEWER", locale: string, countries: string[]) {
  const user = await prisma.user.create({
    data: {
      email: `names.${role.toLowerCase()}.${tag()}@test.example.org`,
      role,
      locale,
      countries: { create: countries.map((countryCode) => ({ countryCode })) },
    },
    select: { id: true },
  });
  created.push(user.id);
  const cookie = (await startSession(user.id)).split(";")[0]!;
  return (path: string): LoaderFunctionArgs => ({
    request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }),
    context: {},
    params: Object.fromEntries(
      [...path.matchAll(/\/(countries|review)\/([A-Z]{3})/g)].map((m) => ["code", m[2]!]),
    ),
  });
}

beforeAll(async () => {
  expect(await prisma.country.count()).toBe(193);
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: created } } });
  await prisma.$disconnect();
});

describe("country names in the reader's language", () => {
  it("a focal point reading Arabic sees the country page titled with its Arabic name", async () => {
    const as = await signedIn("FOCAL_POINT", "ar", ["MNG"]);
    const page = await countryPage(as("/countries/MNG"));
    expect(page.country).toMatchObject({ code: "MNG", name: "منغوليا" });
  });

  it("a focal point of two countries reading Chinese gets both named and ordered in Chinese", async () => {
    const as = await signedIn("FOCAL_POINT", "zh", ["MNG", "NPL"]);
    const list = await countriesList(as("/countries"));
    // 蒙古 (Měnggǔ) before 尼泊尔 (Níbó'ěr), as the Chinese collator orders them.
    expect(list.countries.map((c) => [c.code, c.name])).toEqual([
      ["MNG", "蒙古"],
      ["NPL", "尼泊尔"],
    ]);
  });

  it("a reviewer reading Russian: the dashboard and the review page in Russian", async () => {
    const as = await signedIn("REVIEWER", "ru", []);
    const all = await dashboard(as("/review?page=all"));
    // Asked as a browser's navigation does (not a document): the rows are in the data.
    const rows = all.shown.rows!;
    expect(rows).toHaveLength(193);
    expect(rows.map((r) => r.code)).toEqual(memberStatesByName("ru").map((s) => s.code));
    expect(rows.find((r) => r.code === "RUS")?.name).toBe("Российская Федерация");
    expect(rows.find((r) => r.code === "MNG")?.name).toBe("Монголия");
    // The search box takes a name in any of the six languages.
    const found = await dashboard(as(`/review?q=${encodeURIComponent("منغوليا")}`));
    expect(found.shown.rows!.map((r) => [r.code, r.name])).toEqual([["MNG", "Монголия"]]);

    const review = await reviewPage(as("/review/MNG"));
    expect(review.country).toMatchObject({ code: "MNG", name: countryName("MNG", "ru") });
  });

  it("in English as before", async () => {
    const as = await signedIn("FOCAL_POINT", "en", ["MNG"]);
    expect((await countryPage(as("/countries/MNG"))).country.name).toBe("Mongolia");
  });
});
