// `npm run definition:schema`: writes app/questionnaire/definition.schema.json, the JSON Schema
// of a questionnaire definition, generated from the zod schema so the two cannot drift. Editors
// (VS Code and others) validate a definition file that names it in "$schema". `--check` fails
// when the committed file is out of date (CI runs it).
import { writeOrCheck } from "./generated-file";
import { z } from "zod";
import { definitionShape } from "~/questionnaire/definition-schema";

const FILE = "app/questionnaire/definition.schema.json";

const schema = {
  ...z.toJSONSchema(definitionShape, { target: "draft-2020-12", unrepresentable: "any" }),
  $id: "https://msq.un.example/definition.schema.json",
  title: "MSQ questionnaire definition",
  description:
    "A round of the UN E-Government Survey's Member States Questionnaire: sections, questions, follow-up conditions and texts in the six UN languages. See docs/rounds.md.",
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

writeOrCheck(FILE, text, "npm run definition:schema");
