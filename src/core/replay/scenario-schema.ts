/** The replay scenario contract: zod/mini schema, parsing with located messages, catalog checks. */
import * as z from 'zod/mini';
import { describeIssue, formatJsonPath, lineAndColumn } from '../catalog/problems';
import type { ProviderCatalog } from '../catalog/schema';
import { locateJsonError } from './json-locate';
import type { ReplayScenario } from './types';

/** Limits that keep a shared or imported scenario from running away. */
export const SCENARIO_LIMITS = {
  maxSteps: 50,
  maxCount: 1000,
  /** One hour, for every duration. */
  maxDurationMs: 3_600_000,
  maxHeaderValueBytes: 2048,
  maxHeaders: 40,
  maxBodyChars: 32_768,
  maxTextChars: 500,
  maxTitleChars: 120,
  maxPathChars: 200,
} as const;

export const SCENARIO_SCHEMA_VERSION = 1;

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

const text = (max: number = SCENARIO_LIMITS.maxTextChars) =>
  z.string().check(z.minLength(1), z.maxLength(max));
const slug = () =>
  z
    .string()
    .check(
      z.maxLength(100),
      z.regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
    );
const duration = (description: string) =>
  describe(z.int().check(z.gte(0), z.lte(SCENARIO_LIMITS.maxDurationMs)), description);

const headerName = z
  .string()
  .check(
    z.maxLength(100),
    z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name (letters, digits, "-")'),
  );
const headerValue = z.string().check(
  z.refine(
    (v) => new TextEncoder().encode(v).length <= SCENARIO_LIMITS.maxHeaderValueBytes,
    `must be at most ${SCENARIO_LIMITS.maxHeaderValueBytes} bytes`,
  ),
  z.regex(/^[^\r\n]*$/, 'must not contain a line break'),
);

const repeatSchema = describe(
  z.union([
    z.strictObject({
      count: describe(
        z.int().check(z.gte(1), z.lte(SCENARIO_LIMITS.maxCount)),
        'This many requests get the step.',
      ),
    }),
    z.strictObject({
      forMs: describe(
        z.int().check(z.gte(1), z.lte(SCENARIO_LIMITS.maxDurationMs)),
        'Every request arriving within this many (virtual) ms of the first one the step answered gets the step.',
      ),
    }),
  ]),
  'How long a step lasts. Default {"count": 1}.',
);

const base = {
  latencyMs: z.optional(duration('Virtual latency before the response headers (ms).')),
  repeat: z.optional(repeatSchema),
  note: z.optional(text()),
};

const bodySchema = describe(
  z
    .unknown()
    .check(
      z.refine(
        (v) => v === undefined || (JSON.stringify(v)?.length ?? 0) <= SCENARIO_LIMITS.maxBodyChars,
        `must be at most ${SCENARIO_LIMITS.maxBodyChars} characters as JSON`,
      ),
    ),
  "Replaces the entry's example body (a JSON value, or a string sent as is).",
);

export const streamFailures = [
  'error-event',
  'cut',
  'stall',
  'malformed-chunk',
  'no-terminator',
] as const;

const errorStep = z.strictObject({
  kind: z.literal('error'),
  ...base,
  entry: describe(
    slug(),
    'Catalog entry id in the scenario provider, e.g. 429-insufficient_quota.',
  ),
  status: z.optional(z.int().check(z.gte(100), z.lte(599))),
  headers: z.optional(
    describe(
      z.record(headerName, headerValue),
      "Added to (or replacing) the entry's example headers; names are case-insensitive.",
    ),
  ),
  removeHeaders: z.optional(z.array(headerName).check(z.maxLength(SCENARIO_LIMITS.maxHeaders))),
  retryAfterDateInMs: z.optional(
    duration(
      'Send Retry-After as an HTTP date this many ms after the (virtual) time of the response.',
    ),
  ),
  body: z.optional(bodySchema),
});

const streamFailureStep = z.strictObject({
  kind: z.literal('stream-failure'),
  ...base,
  failure: z.enum(streamFailures),
  afterChunks: describe(
    z.int().check(z.gte(0), z.lte(SCENARIO_LIMITS.maxCount)),
    'Good content chunks sent before the failure.',
  ),
  entry: z.optional(describe(slug(), 'For error-event: the catalog entry whose error it carries.')),
  stallMs: z.optional(duration('For stall: how long no byte comes before the cut (ms).')),
});

export const stepSchema = z.discriminatedUnion('kind', [
  errorStep,
  z.strictObject({ kind: z.literal('success'), ...base }),
  z.strictObject({ kind: z.literal('network-error'), ...base }),
  z.strictObject({ kind: z.literal('no-response'), ...base }),
  streamFailureStep,
]);

export const replayApis = ['openai-chat', 'anthropic-messages'] as const;

/** The path each dialect's SDK calls when nothing says otherwise. */
export const DEFAULT_PATHS: Readonly<Record<(typeof replayApis)[number], string>> = {
  'openai-chat': '/v1/chat/completions',
  'anthropic-messages': '/v1/messages',
};

/** A scenario's `path`: what a URL path may hold, starting with "/". */
export const SCENARIO_PATH_PATTERN = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
export const SCENARIO_PATH_RULE = 'must be a URL path starting with "/"';

export const scenarioSchema = z
  .strictObject({
    $schema: z.optional(z.string().check(z.maxLength(500))),
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    id: describe(slug(), 'Slug; a permalink for library scenarios.'),
    title: text(SCENARIO_LIMITS.maxTitleChars),
    story: describe(text(), 'One line: what happens and what a good client should do.'),
    provider: describe(slug(), 'Catalog id, e.g. openai.'),
    api: describe(
      z.enum(replayApis),
      'The request/response dialect (Cerebras, Groq, W&B… speak openai-chat).',
    ),
    path: describe(
      z
        .string()
        .check(
          z.maxLength(SCENARIO_LIMITS.maxPathChars),
          z.regex(SCENARIO_PATH_PATTERN, SCENARIO_PATH_RULE),
        ),
      "The provider's real API path, e.g. /v1/chat/completions, served on the mock host.",
    ),
    stream: z.boolean(),
    steps: z.array(stepSchema).check(z.minLength(1), z.maxLength(SCENARIO_LIMITS.maxSteps)),
    then: describe(z.enum(['success', 'repeat-last']), 'What a request after the last step gets.'),
    source: z.optional(
      z.strictObject({
        url: z.url(),
        seen: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')),
      }),
    ),
  })
  .check(
    z.superRefine((scenario, ctx) => {
      scenario.steps.forEach((step, i) => {
        if (step.kind === 'stream-failure' && !scenario.stream) {
          ctx.addIssue({
            code: 'custom',
            input: step.kind,
            path: ['steps', i, 'kind'],
            message: 'a stream-failure step needs a streamed scenario ("stream": true)',
          });
        }
        if (
          step.kind === 'stream-failure' &&
          step.failure !== 'stall' &&
          step.stallMs !== undefined
        )
          ctx.addIssue({
            code: 'custom',
            input: step.stallMs,
            path: ['steps', i, 'stallMs'],
            message: 'stallMs only applies to failure "stall"',
          });
        if (step.kind === 'error' && step.headers) {
          const n = Object.keys(step.headers).length;
          if (n > SCENARIO_LIMITS.maxHeaders)
            ctx.addIssue({
              code: 'custom',
              input: n,
              path: ['steps', i, 'headers'],
              message: `must have at most ${SCENARIO_LIMITS.maxHeaders} headers, got ${n}`,
            });
        }
      });
    }),
  );

/** The parsed form; checked at compile time to fit the hand-written contract in `types.ts`. */
export type ParsedScenario = z.infer<typeof scenarioSchema>;
const _fits: (s: ParsedScenario) => ReplayScenario = (s) => s;
void _fits;

export interface ScenarioProblem {
  /** JSON path such as `steps[2].entry`, or `(file)` for the whole text. */
  readonly path: string;
  readonly message: string;
}

export type ScenarioParse =
  | { readonly ok: true; readonly scenario: ReplayScenario }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

function jsonSyntaxProblem(text: string, error: unknown): ScenarioProblem {
  if (text.trim() === '') return { path: '(file)', message: 'the text is empty' };
  const where = locateJsonError(text);
  if (where) {
    const { line, column } = lineAndColumn(text, where.offset);
    return {
      path: '(file)',
      message: `not valid JSON at line ${line}, column ${column}: ${where.reason}`,
    };
  }
  const raw = error instanceof Error ? error.message : String(error);
  return { path: '(file)', message: `not valid JSON: ${raw}` };
}

function kindProblem(data: unknown, path: readonly PropertyKey[]): string {
  let v: unknown = data;
  for (const k of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  const kinds = stepSchema.def.options.map((o) => JSON.stringify(o.def.shape.kind.def.values[0]));
  return `must be one of ${kinds.join(', ')}; got ${v === undefined ? 'nothing' : JSON.stringify(v)}`;
}

/** Validate a scenario given as JSON text or as an already parsed value. */
export function parseScenario(input: unknown): ScenarioParse {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input) as unknown;
    } catch (error) {
      return { ok: false, problems: [jsonSyntaxProblem(input, error)] };
    }
  }
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const badKind = issue.code === 'invalid_union' && issue.path.at(-1) === 'kind';
      return {
        path: formatJsonPath(issue.path),
        message: badKind ? kindProblem(data, issue.path) : describeIssue(issue, data),
      };
    }),
  };
}

/**
 * Problems that need the provider's catalog: the provider must be this catalog, every step's
 * entry must exist, and an error step's entry must carry an HTTP status (or the step sets one).
 */
export function checkScenarioAgainstCatalog(
  scenario: ReplayScenario,
  catalog: ProviderCatalog,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (scenario.provider !== catalog.id) {
    problems.push({
      path: 'provider',
      message: `is "${scenario.provider}" but the catalog given is "${catalog.id}"`,
    });
  }
  const ids = new Map(catalog.errors.map((e) => [e.id, e]));
  const sample = (): string =>
    catalog.errors
      .filter((e) => e.status !== null)
      .slice(0, 4)
      .map((e) => e.id)
      .join(', ');
  scenario.steps.forEach((step, i) => {
    if (step.kind !== 'error' && !(step.kind === 'stream-failure' && step.entry)) return;
    const id = step.entry ?? '';
    const entry = ids.get(id);
    const path = `steps[${i}].entry`;
    if (!entry) {
      problems.push({
        path,
        message: `"${id}" is not an entry of the ${catalog.name} catalog (e.g. ${sample()})`,
      });
      return;
    }
    if (step.kind === 'error' && entry.status === null && step.status === undefined) {
      problems.push({
        path,
        message: `"${id}" has no HTTP status (it is a ${entry.category} entry): use a network-error, no-response or stream-failure step, or set "status"`,
      });
    }
  });
  return problems;
}
