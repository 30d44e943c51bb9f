import { geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import { isoNumericCodes } from "~/countries/iso-numeric";
import { memberStates } from "~/countries";
import { ATLAS_FILE, readAtlas } from "./map-geometry.server";

// Where the dots of states without a shape in the map's file come from (scripts/map-positions.ts
// writes them; map.test.ts checks the written file against this).

/** Member States (alpha-3) whose numeric code has no shape in the map's Natural Earth file. */
export function statesWithoutShape(file = ATLAS_FILE): string[] {
  const ids = new Set(readAtlas(file).objects.countries.geometries.map((g) => String(g.id)));
  return memberStates.map((s) => s.code).filter((code) => !ids.has(isoNumericCodes[code]!));
}

/** Each state's centroid in the 1:10m file, rounded to 0.01°. */
export function positionsFrom10m(codes: string[]): Record<string, [number, number]> {
  const atlas = readAtlas("countries-10m.json");
  const countries = feature(atlas, atlas.objects.countries).features;
  const round = (n: number) => Math.round(n * 100) / 100;
  return Object.fromEntries(
    codes.map((code) => {
      const shape = countries.find((f) => String(f.id) === isoNumericCodes[code]);
      if (!shape) throw new Error(`${code} has no shape in countries-10m.json either`);
      const [lon, lat] = geoCentroid(shape);
      return [code, [round(lon), round(lat)]];
    }),
  );
}
