import { bundledDefinitions } from "./definitions";
import { localizeDefinition } from "./localize";

// The MSQ 2020 as tests, benchmarks and the load test use it, read from its definition file.
// The portal itself never reads this: it finds every round's questionnaire in the database.
export const msq2020Definition = bundledDefinitions.find((d) => d.round === "2020")!;
export const msq2020 = localizeDefinition(msq2020Definition);
