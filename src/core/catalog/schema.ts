/**
 * The catalog data contract. This zod schema is the single source of truth:
 * the app validates every catalog it loads with it, and
 * `public/catalogs/catalog.schema.json` is generated from it (`npm run schema`).
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD.');

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"');

export const sourceKinds = ['official-doc', 'sdk-source', 'observed', 'secondary', 'seed'] as const;
export const sourceKindSchema = z
  .enum(sourceKinds)
  .describe(
    'official-doc: the provider documentation; sdk-source: read in the official SDK source; observed: seen in real responses (issues, fixtures, logs); secondary: a third-party summary only; seed: the document this product started from.',
  );

export const sourceSchema = z.object({
  url: z.url(),
  title: z.string().min(1).optional(),
  seen: isoDate.describe('The date the source was read.'),
  kind: sourceKindSchema,
  note: z.string().min(1).optional(),
});

export const categories = [
  'rate_limit',
  'quota_billing',
  'overloaded',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'timeout',
  'connection',
  'auth',
  'permission',
  'not_found',
  'method_not_allowed',
  'conflict',
  'invalid_request',
  'unprocessable',
  'context_length',
  'content_policy',
  'payload_too_large',
  'precondition_failed',
  'model_unavailable',
  'stream_error',
  'client_error',
  'unknown',
] as const;
export const categorySchema = z.enum(categories);

export const retryAdvices = [
  'retry_backoff',
  'honour_retry_after',
  'fix_then_retry',
  'do_not_retry',
  'contact_support',
] as const;
export const retryAdviceSchema = z.enum(retryAdvices);

export const waitSchema = z
  .object({
    minSeconds: z.number().nonnegative().optional(),
    maxSeconds: z.number().nonnegative().optional(),
    text: z.string().min(1).describe('The wait as the provider words it, in our words.'),
  })
  .refine(
    (w) => w.minSeconds === undefined || w.maxSeconds === undefined || w.minSeconds <= w.maxSeconds,
    {
      message: 'minSeconds must not exceed maxSeconds',
    },
  );

export const retrySchema = z.object({
  advice: retryAdviceSchema,
  wait: waitSchema.optional().describe('The wait window when the provider gives one.'),
  note: z.string().min(1).optional(),
  sdkRetries: z
    .boolean()
    .optional()
    .describe('Whether the official SDK retries this error automatically by default.'),
});

const jsonValue: z.ZodType<unknown> = z.unknown();

export const exampleResponseSchema = z.object({
  status: z.number().int().min(100).max(599).nullable(),
  headers: z.record(z.string(), z.string()).default({}),
  body: jsonValue.describe('A JSON value, or a string for non-JSON bodies (SSE, HTML).'),
  note: z.string().min(1).optional(),
});

export const sdkExceptionSchema = z.object({
  sdk: z.string().min(1).describe('Package name, e.g. openai (python) or @anthropic-ai/sdk.'),
  className: z.string().min(1),
});

export const historySchema = z.object({
  seen: isoDate,
  until: isoDate.optional().describe('The last date this wording was seen, when known.'),
  meaning: z.string().min(1),
  retry: retrySchema.partial().optional(),
  source: sourceSchema,
});

export const errorEntrySchema = z.object({
  id: slug.describe(
    'Stable id, unique in the catalog; used in permalinks, e.g. 529-overloaded_error.',
  ),
  status: z
    .number()
    .int()
    .min(100)
    .max(599)
    .nullable()
    .describe('HTTP status; null for connection errors, timeouts and errors inside a 200 stream.'),
  title: z.string().min(1),
  providerCodes: z
    .array(z.string().min(1))
    .default([])
    .describe("The provider's own type/code strings, e.g. overloaded_error, RESOURCE_EXHAUSTED."),
  sdkExceptions: z.array(sdkExceptionSchema).default([]),
  message: z.string().min(1).optional().describe('The exact message, where documented.'),
  meaning: z.string().min(1),
  causes: z.array(z.string().min(1)).default([]),
  fix: z.string().min(1),
  category: categorySchema,
  retry: retrySchema,
  example: exampleResponseSchema,
  sources: z.array(sourceSchema).min(1),
  history: z.array(historySchema).default([]),
});

export const headerSchema = z.object({
  name: z.string().min(1),
  meaning: z.string().min(1),
  example: z.string().optional(),
});

export const sdkSchema = z.object({
  name: z.string().min(1).describe('Package name as installed, e.g. openai, @anthropic-ai/sdk.'),
  language: z.string().min(1),
  version: z.string().min(1).optional().describe('Version or commit the facts were read from.'),
  defaultMaxRetries: z.number().int().nonnegative().nullable(),
  defaultTimeoutSeconds: z.number().positive().nullable(),
  retriedOn: z.string().min(1).optional(),
  backoff: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  source: sourceSchema,
});

export const bodyShapeSchema = z.object({
  description: z.string().min(1),
  fields: z.array(z.object({ path: z.string().min(1), meaning: z.string().min(1) })).default([]),
  example: jsonValue,
});

export const providerCatalogSchema = z
  .object({
    $schema: z.string().optional(),
    id: slug,
    name: z.string().min(1),
    docsUrl: z.url(),
    lastVerified: isoDate,
    summary: z.string().min(1),
    bodyShape: bodyShapeSchema,
    headers: z.array(headerSchema).default([]),
    sdks: z.array(sdkSchema).default([]),
    notes: z.array(z.string().min(1)).default([]),
    sources: z.array(sourceSchema).min(1),
    errors: z.array(errorEntrySchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Map<string, number>();
    catalog.errors.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['errors', index, 'id'],
          message: `duplicate error id "${entry.id}" (first used at errors[${first}])`,
        });
      } else {
        seen.set(entry.id, index);
      }
    });
  });

export const catalogIndexSchema = z.object({
  $schema: z.string().optional(),
  providers: z
    .array(z.object({ id: slug, name: z.string().min(1) }))
    .min(1)
    .describe('One entry per provider; its catalog is public/catalogs/<id>.json.'),
});

export type Source = z.infer<typeof sourceSchema>;
export type SourceKind = z.infer<typeof sourceKindSchema>;
export type Category = z.infer<typeof categorySchema>;
export type RetryAdvice = z.infer<typeof retryAdviceSchema>;
export type Retry = z.infer<typeof retrySchema>;
export type ExampleResponse = z.infer<typeof exampleResponseSchema>;
export type ErrorEntry = z.infer<typeof errorEntrySchema>;
export type ProviderCatalog = z.infer<typeof providerCatalogSchema>;
export type CatalogIndex = z.infer<typeof catalogIndexSchema>;
export type HistoryItem = z.infer<typeof historySchema>;
