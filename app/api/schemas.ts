import { EXPORT_STATUSES } from "~/export/filters";
import { definitionShape } from "~/questionnaire/definition-schema";
import { z } from "~/zod";

// The read API's wire format as zod schemas: the handlers parse their query with them and type
// what they return by them, and the OpenAPI document (openapi.ts) is generated from the very
// same objects (zod 4's z.toJSONSchema), so the description cannot drift from the code.
// Field keys in `answers` and `key` are the canonical keys of docs/FIELDS.md. Pure.

export const API_BASE = "/api/v1";
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

// ---- Query parameters (described as received: strings in a URL) ----

const roundParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
  .optional()
  .meta({ description: "The round, e.g. `2020`. Default: the current round." });

const statusParam = z
  .string()
  .regex(new RegExp(`^(${EXPORT_STATUSES.join("|")})(,(${EXPORT_STATUSES.join("|")}))*$`))
  .optional()
  .meta({
    description: `Statuses, comma-separated (${EXPORT_STATUSES.join(", ")}); the parameter may also be repeated. Default: SUBMITTED,ACCEPTED, as the exports. Drafts are never given.`,
  });

const regionParam = z
  .string()
  .max(100)
  .optional()
  .meta({ description: "A UN region (e.g. `Africa`). Default: every region." });

const authorisedParam = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .meta({ description: "`1`: only responses whose submission authorises publication." });

const cursorParam = z.string().max(2000).optional().meta({
  description:
    "Opaque: the `next_cursor` of the previous page. Give the same filters with it (a cursor is refused with other filters).",
});

const limitParam = z
  .string()
  .regex(/^\d{1,4}$/)
  .optional()
  .meta({
    description: `Responses per page, 1 to ${MAX_PAGE_SIZE}. Default: ${DEFAULT_PAGE_SIZE}.`,
  });

export const listQuerySchema = z.strictObject({
  round: roundParam,
  status: statusParam,
  region: regionParam,
  authorised: authorisedParam,
  cursor: cursorParam,
  limit: limitParam,
});
export type ListQueryInput = z.input<typeof listQuerySchema>;

export const roundQuerySchema = z.strictObject({ round: roundParam });

export const countryPathSchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .meta({ description: "The Member State's ISO 3166-1 alpha-3 code, e.g. `RWA`." }),
});
export const roundPathSchema = z.strictObject({
  round: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/)
    .meta({ description: "The round's id, e.g. `2020`." }),
});

// ---- Responses ----

const dateTime = z.iso.datetime();
const nullableDateTime = dateTime.nullable();

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "`urn:msq:problem:<code>`, listed in docs/api.md." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().meta({ description: "The problem's code: the last part of `type`." }),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 (application/problem+json)." });

export const roundSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["OPEN", "CLOSED"]),
    definition_version: z.number().int().meta({
      description: "The version of the definition responses are written against now.",
    }),
    opened_at: nullableDateTime,
    deadline: nullableDateTime,
    current: z.boolean().meta({ description: "The round answered now (or the latest)." }),
  })
  .meta({ id: "Round", description: "A survey round that people can read (not a draft)." });

export const roundListSchema = z
  .object({ rounds: z.array(roundSchema) })
  .meta({ id: "RoundList", description: "Every readable round, newest first." });

export const definitionSchemaForApi = definitionShape.meta({
  id: "QuestionnaireDefinition",
  description: "A round's questionnaire definition, as docs/rounds.md describes the file.",
});

export const roundDetailSchema = roundSchema
  .extend({ definition: definitionSchemaForApi })
  .meta({ id: "RoundDetail", description: "A round and its definition at its current version." });

export const answerValueSchema = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])
  .meta({
    id: "AnswerValue",
    description:
      "As docs/FIELDS.md types it: text, a number, yes/no as `yes`/`no`, a multiple choice as an array of option keys; null when not answered.",
  });

export const answersSchema = z.record(z.string(), answerValueSchema).meta({
  id: "Answers",
  description:
    "Every field key of the questionnaire at the submission's version, in order (docs/FIELDS.md).",
});

const responseFields = {
  country: z.string().meta({ description: "ISO 3166-1 alpha-3." }),
  country_name: z.string(),
  region: z.string(),
  round: z.string(),
  status: z.enum(EXPORT_STATUSES),
};

export const responseSummarySchema = z
  .object({
    ...responseFields,
    definition_version: z.number().int(),
    submission: z.number().int().meta({ description: "The number of the submission given." }),
    imported: z.boolean(),
    submitted_at: nullableDateTime,
    accepted_at: nullableDateTime,
    response_date: z.string().nullable(),
    authorize_publication: z.boolean().nullable(),
    answers: answersSchema,
  })
  .meta({
    id: "ResponseSummary",
    description:
      "A response as its latest submission has it (never a later draft), as the JSON export gives it.",
  });

const pageFields = {
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: "Give it as `cursor` for the next page; null on the last page." }),
  next: z.string().nullable().meta({ description: "The next page's URL (path and query)." }),
};

export const responsePageSchema = z
  .object({ round: z.string(), data: z.array(responseSummarySchema), ...pageFields })
  .meta({
    id: "ResponsePage",
    description:
      "One page of responses, in a fixed order (not by name): paging through gives every response that matches the filters throughout exactly once, whatever changes meanwhile.",
  });

export const submissionSchema = z
  .object({
    number: z.number().int(),
    submitted_at: dateTime,
    imported: z.boolean(),
    definition_version: z.number().int(),
    authorize_publication: z.boolean().nullable(),
    answers: answersSchema,
  })
  .meta({ id: "Submission", description: "One submission: an immutable snapshot." });

export const countryResponseSchema = z
  .object({
    ...responseFields,
    submitted_at: nullableDateTime,
    accepted_at: nullableDateTime,
    response_date: z.string().nullable(),
    submissions: z.array(submissionSchema).meta({ description: "Newest first." }),
  })
  .meta({
    id: "CountryResponse",
    description: "One country's response in a round, with every submission (never a draft).",
  });

export const longRowSchema = z
  .object({
    country: z.string(),
    country_name: z.string(),
    round: z.string(),
    definition_version: z.number().int(),
    key: z.string().meta({
      description:
        "A field key, or `key.option` for a ticked option of a multiple choice (value 1), as the long CSV.",
    }),
    value: z.union([z.string(), z.number()]),
  })
  .meta({ id: "LongRow", description: "One answered field of one response." });

export const longPageSchema = z
  .object({ round: z.string(), data: z.array(longRowSchema), ...pageFields })
  .meta({
    id: "LongPage",
    description:
      "The long format of one page of responses (paged as /responses: `limit` counts responses).",
  });

export type RoundOut = z.output<typeof roundSchema>;
export type RoundList = z.output<typeof roundListSchema>;
export type RoundDetail = z.output<typeof roundDetailSchema>;
export type ResponseSummary = z.output<typeof responseSummarySchema>;
export type ResponsePage = z.output<typeof responsePageSchema>;
export type CountryResponse = z.output<typeof countryResponseSchema>;
export type LongRow = z.output<typeof longRowSchema>;
export type LongPage = z.output<typeof longPageSchema>;
export type Problem = z.output<typeof problemSchema>;
