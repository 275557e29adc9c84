/**
 * The catalog data contract. This zod schema is the single source of truth:
 * the app validates every catalog it loads with it, and
 * `public/catalogs/catalog.schema.json` is generated from it (`npm run schema`).
 *
 * Written with `zod/mini` (the same zod 4, in its tree-shakable form) because it
 * ships on the home page, where every kilobyte counts against the budget.
 */
import * as z from 'zod/mini';
import { VERSION_RANGE_PATTERN } from '../sdk/version';
import {
  categories,
  dateMessage,
  datePattern,
  retryAdvices,
  slugMessage,
  slugPattern,
  sourceKinds,
} from './enums';

export { categories, retryAdvices, sourceKinds } from './enums';

const text = () => z.string().check(z.minLength(1));
const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

/** A new schema each call: descriptions attach to schema instances. */
const isoDate = (description = 'A calendar date, YYYY-MM-DD.') =>
  describe(z.string().check(z.regex(datePattern, dateMessage)), description);

const slug = z.string().check(z.regex(slugPattern, slugMessage));
const httpStatus = z.int().check(z.gte(100), z.lte(599));

/**
 * A link the app renders: https only, so a catalog can never plant `javascript:`, `data:` or
 * `vbscript:` links (every source today is https). The pattern also lands in the JSON Schema.
 */
const httpsUrl = () =>
  describe(
    z
      .url({ protocol: /^https$/, error: 'must be an https:// URL' })
      .check(z.regex(/^https:\/\/\S+$/, 'must be an https:// URL')),
    'An https:// URL.',
  );

export const sourceKindSchema = describe(
  z.enum(sourceKinds),
  'official-doc: the provider documentation; sdk-source: read in the official SDK source; observed: seen in real responses (issues, fixtures, logs); secondary: a third-party summary only; seed: the document this product started from.',
);

export const sourceSchema = z.object({
  url: httpsUrl(),
  title: z.optional(text()),
  seen: isoDate('The date the source was read (YYYY-MM-DD).'),
  kind: sourceKindSchema,
  note: z.optional(text()),
});

export const categorySchema = z.enum(categories);

export const retryAdviceSchema = z.enum(retryAdvices);

export const waitSchema = z
  .object({
    minSeconds: z.optional(z.number().check(z.nonnegative())),
    maxSeconds: z.optional(z.number().check(z.nonnegative())),
    text: describe(text(), 'The wait as the provider words it, in our words.'),
  })
  .check(
    z.refine(
      (w) =>
        w.minSeconds === undefined || w.maxSeconds === undefined || w.minSeconds <= w.maxSeconds,
      {
        message: 'minSeconds must not exceed maxSeconds',
      },
    ),
  );

export const retrySchema = z.object({
  advice: retryAdviceSchema,
  wait: describe(z.optional(waitSchema), 'The wait window when the provider gives one.'),
  note: z.optional(text()),
  sdkRetries: describe(
    z.optional(z.boolean()),
    'Whether the official SDK retries this error automatically by default.',
  ),
});

export const exampleResponseSchema = z.object({
  status: z.nullable(httpStatus),
  headers: z._default(z.record(z.string(), z.string()), {}),
  body: describe(z.unknown(), 'A JSON value, or a string for non-JSON bodies (SSE, HTML).'),
  note: z.optional(text()),
  illustrative: describe(
    z.optional(z.boolean()),
    'True when the message or values were made up to show the shape, not seen in a real response; the decoder ignores such an example when matching.',
  ),
});

/**
 * A range of releases in the small grammar of `src/core/sdk/version.ts`: comparators such as
 * `>=1.5.0 <1.10.0`, all of which must hold, or `*`.
 */
const versionRange = () =>
  describe(
    z
      .string()
      .check(
        z.regex(
          VERSION_RANGE_PATTERN,
          'must be a version range such as ">=1.5.0", "<1.5.0" or ">=6.26.0 <7.5.0"',
        ),
      ),
    'Releases the fact holds for: space-separated comparators (>=, >, <=, <, =) before MAJOR.MINOR.PATCH, e.g. ">=6.26.0 <7.5.0". Absent: every release the catalog read.',
  );

export const sdkLanguages = ['Python', 'TypeScript'] as const;

export const sdkExceptionSchema = z.object({
  sdk: describe(text(), 'Package name, e.g. openai (python) or @anthropic-ai/sdk.'),
  className: text(),
  language: describe(
    z.optional(z.enum(sdkLanguages)),
    'The SDK language this class is raised in, when one package name serves both (openai). Absent: both.',
  ),
  versions: z.optional(versionRange()),
  note: z.optional(text()),
});

export const historySchema = z.object({
  seen: isoDate('The date this wording was seen (YYYY-MM-DD).'),
  until: z.optional(isoDate('The last date this wording was seen, when known (YYYY-MM-DD).')),
  meaning: text(),
  retry: z.optional(z.partial(retrySchema)),
  source: sourceSchema,
});

export const errorEntrySchema = z.object({
  id: describe(
    slug,
    'Stable id, unique in the catalog; used in permalinks, e.g. 529-overloaded_error.',
  ),
  status: describe(
    z.nullable(httpStatus),
    'HTTP status; null for connection errors, timeouts and errors inside a 200 stream.',
  ),
  title: text(),
  providerCodes: describe(
    z._default(z.array(text()), []),
    "The provider's own type/code strings, e.g. overloaded_error, RESOURCE_EXHAUSTED.",
  ),
  sdkExceptions: z._default(z.array(sdkExceptionSchema), []),
  message: describe(z.optional(text()), 'The exact message, where documented.'),
  meaning: text(),
  causes: z._default(z.array(text()), []),
  fix: text(),
  category: categorySchema,
  retry: retrySchema,
  example: exampleResponseSchema,
  sources: z.array(sourceSchema).check(z.minLength(1)),
  history: describe(
    z._default(z.array(historySchema), []),
    'Other dated wordings of this entry: earlier revisions of the docs, or a page that disagrees.',
  ),
});

export const headerSchema = z.object({
  name: text(),
  meaning: text(),
  example: z.optional(z.string()),
});

export const sdkSchema = z.object({
  name: describe(text(), 'Package name as installed, e.g. openai, @anthropic-ai/sdk.'),
  language: text(),
  version: describe(z.optional(text()), 'Version or commit the facts were read from.'),
  versions: z.optional(versionRange()),
  defaultMaxRetries: z.nullable(z.int().check(z.nonnegative())),
  defaultTimeoutSeconds: z.nullable(z.number().check(z.positive())),
  retriedOn: z.optional(text()),
  backoff: z.optional(text()),
  note: z.optional(text()),
  source: sourceSchema,
});

export const bodyShapeSchema = z.object({
  description: text(),
  fields: z._default(z.array(z.object({ path: text(), meaning: text() })), []),
  example: z.unknown(),
});

export const providerCatalogSchema = z
  .object({
    $schema: z.optional(z.string()),
    id: slug,
    name: text(),
    docsUrl: httpsUrl(),
    lastVerified: isoDate(
      'The date the catalog was last checked against its sources (YYYY-MM-DD).',
    ),
    summary: text(),
    bodyShape: bodyShapeSchema,
    headers: z._default(z.array(headerSchema), []),
    sdks: z._default(z.array(sdkSchema), []),
    notes: z._default(z.array(text()), []),
    sources: z.array(sourceSchema).check(z.minLength(1)),
    errors: z.array(errorEntrySchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((catalog, ctx) => {
      const seen = new Map<string, number>();
      catalog.errors.forEach((entry, index) => {
        const first = seen.get(entry.id);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            input: entry.id,
            path: ['errors', index, 'id'],
            message: `duplicate error id "${entry.id}" (first used at errors[${first}])`,
          });
        } else {
          seen.set(entry.id, index);
        }
      });
    }),
  );

export const catalogIndexSchema = z
  .object({
    $schema: z.optional(z.string()),
    providers: describe(
      z.array(z.object({ id: slug, name: text() })).check(z.minLength(1)),
      'One entry per provider, each id once; its catalog is public/catalogs/<id>.json.',
    ),
  })
  .check(
    z.superRefine((index, ctx) => {
      const seen = new Map<string, number>();
      index.providers.forEach((provider, i) => {
        const first = seen.get(provider.id);
        if (first === undefined) seen.set(provider.id, i);
        else
          ctx.addIssue({
            code: 'custom',
            input: provider.id,
            path: ['providers', i, 'id'],
            message: `provider "${provider.id}" is listed twice (first at providers[${first}])`,
          });
      });
    }),
  );

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
export type SdkException = z.infer<typeof sdkExceptionSchema>;
export type SdkInfo = z.infer<typeof sdkSchema>;
