/** "Take it home": a scenario as standalone MSW handler code and as a Vitest test for the user's project. */
import type { ProviderCatalog } from '../catalog/schema';
import { resolvePlan } from './resolve';
import { THEN_SUCCESS, type StepPick } from './sequencer';
import type { ReplayResult, ReplayScenario, ReplayStep, ResponsePlan } from './types';

/** One step as the exported code serves it: its plan for plain and for streamed requests. */
interface ExportedStep {
  readonly repeat: { readonly count: number } | { readonly forMs: number };
  readonly plan: ResponsePlan;
  readonly streamPlan: ResponsePlan;
  readonly retryAfterDateInMs?: number;
}

export const EXPORT_BASE_URL = 'https://mock.replay.test';

function exportedStep(
  scenario: ReplayScenario,
  catalog: ProviderCatalog,
  step: ReplayStep,
  stepIndex: number,
): ExportedStep {
  const pick: StepPick = { step, stepIndex, request: 0, repetition: 0 };
  const resolve = (stream: boolean) =>
    resolvePlan(scenario, catalog, pick, { api: scenario.api, stream, nowEpochMs: 0 });
  return {
    repeat: step.repeat ?? { count: 1 },
    plan: resolve(false),
    streamPlan: resolve(true),
    ...(step.kind === 'error' && step.retryAfterDateInMs !== undefined
      ? { retryAfterDateInMs: step.retryAfterDateInMs }
      : {}),
  };
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
const comment = (text: string) => text.replace(/\*\//g, '*\\/');

/** The file name the exported handlers are meant to be saved as. */
export const handlersFileName = (scenario: ReplayScenario) => `${scenario.id}.handlers.ts`;
export const testFileName = (scenario: ReplayScenario) => `${scenario.id}.test.ts`;

/**
 * A self-contained TypeScript module (needs only `msw` 2) exporting `scenarioHandlers(baseUrl)`:
 * MSW handlers that answer `baseUrl + path` with the scenario's steps in real time (latency,
 * chunk pauses, stalls and cuts, `HttpResponse.error()` for network errors, no answer until the
 * request is aborted for no-response).
 */
export function exportMswHandlers(scenario: ReplayScenario, catalog: ProviderCatalog): string {
  const steps = scenario.steps.map((s, i) => exportedStep(scenario, catalog, s, i));
  const then =
    scenario.then === 'success'
      ? exportedStep(scenario, catalog, THEN_SUCCESS, steps.length)
      : null;
  return `/**
 * MSW handlers for the replay scenario "${comment(scenario.title)}" (${scenario.id}),
 * exported from LLM Error Explorer.
 *
 * ${comment(scenario.story)}
 * Provider: ${scenario.provider}; path ${scenario.path}${scenario.source ? `; source ${scenario.source.url}` : ''}.
 *
 * Node + msw/node: the SDKs cancel an error body before they retry, and on Node 20 a cancelled
 * mocked body never settles; give the client a fetch that reads error bodies first (see the
 * exported test).
 */
import { delay, http, HttpResponse } from 'msw';

export const SCENARIO_ID = ${JSON.stringify(scenario.id)};
export const PATH = ${JSON.stringify(scenario.path)};

interface Plan {
  kind: 'http' | 'network-error' | 'no-response';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  chunks?: string[];
  streamEnd?: 'complete' | 'error-event' | 'cut' | 'stall' | 'malformed-chunk' | 'no-terminator';
  chunkIntervalMs?: number;
  stallMs?: number;
  latencyMs?: number;
}

interface Step {
  repeat: { count: number } | { forMs: number };
  plan: Plan;
  streamPlan: Plan;
  retryAfterDateInMs?: number;
}

const STEPS: Step[] = ${json(steps)};

/** What a request after the last step gets (null: the last step again). */
const THEN: Step | null = ${json(then)};

async function play(plan: Plan, signal: AbortSignal, retryAfterDateInMs?: number): Promise<Response> {
  if (plan.kind === 'no-response') {
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return HttpResponse.error();
  }
  if (plan.latencyMs) await delay(plan.latencyMs);
  if (plan.kind === 'network-error') return HttpResponse.error();
  const headers = { ...plan.headers };
  if (retryAfterDateInMs !== undefined) {
    headers['retry-after'] = new Date(Date.now() + retryAfterDateInMs).toUTCString();
  }
  if (!plan.chunks) return new HttpResponse(plan.body ?? null, { status: plan.status, headers });
  const chunks = plan.chunks;
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i < chunks.length) {
        if (i > 0 && plan.chunkIntervalMs) await delay(plan.chunkIntervalMs);
        controller.enqueue(encoder.encode(chunks[i++]));
        return;
      }
      if (plan.streamEnd === 'stall') await delay(plan.stallMs ?? 0);
      if (plan.streamEnd === 'cut' || plan.streamEnd === 'stall') {
        controller.error(new TypeError('network error'));
      } else controller.close();
    },
  });
  return new HttpResponse(stream, { status: plan.status, headers });
}

/** Handlers for \`baseUrl + PATH\`; each call starts the scenario from its first step. */
export function scenarioHandlers(baseUrl = ${JSON.stringify(EXPORT_BASE_URL)}) {
  let index = 0;
  let served = 0;
  let spanStart = 0;
  const started = Date.now();
  const next = (t: number): Step => {
    while (index < STEPS.length) {
      const step = STEPS[index];
      const take =
        'count' in step.repeat ? served < step.repeat.count : served === 0 || t - spanStart < step.repeat.forMs;
      if (take) {
        if (served === 0) spanStart = t;
        served++;
        return step;
      }
      index++;
      served = 0;
    }
    return THEN ?? STEPS[STEPS.length - 1];
  };
  return [
    http.post(\`\${baseUrl.replace(/\\/+$/, '')}\${PATH}\`, async ({ request }) => {
      const step = next(Date.now() - started);
      let stream = ${JSON.stringify(scenario.stream)};
      try {
        const body = (await request.clone().json()) as { stream?: unknown };
        if (typeof body.stream === 'boolean') stream = body.stream;
      } catch {
        // not JSON
      }
      return play(stream ? step.streamPlan : step.plan, request.signal, step.retryAfterDateInMs);
    }),
  ];
}
`;
}

export interface ExportTestOptions {
  /** Which SDK the test drives. */
  readonly client: 'openai' | 'anthropic';
  /** What the replay saw: the test asserts the same. */
  readonly expected: { readonly attempts: number; readonly result: ReplayResult };
  /** Import path of the exported handlers (default `./<id>.handlers`). */
  readonly handlersImport?: string;
  /** Test timeout (ms), e.g. the replay's virtual duration plus a margin. */
  readonly timeoutMs?: number;
}

const NATIVE = new Set(['TypeError', 'SyntaxError', 'RangeError']);

/** A Vitest test driving the real SDK against the exported handlers with msw/node. */
export function exportVitestTest(scenario: ReplayScenario, options: ExportTestOptions): string {
  const importPath = options.handlersImport ?? `./${scenario.id}.handlers`;
  const isOpenAI = options.client === 'openai';
  const pkg = isOpenAI ? 'openai' : '@anthropic-ai/sdk';
  const Ctor = isOpenAI ? 'OpenAI' : 'Anthropic';
  const suffix = isOpenAI ? '/chat/completions' : '/v1/messages';
  const prefix = scenario.path.endsWith(suffix)
    ? scenario.path.slice(0, -suffix.length)
    : isOpenAI
      ? '/v1'
      : '';
  const { expected } = options;
  const call = isOpenAI
    ? `client.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'Say hello.' }]${scenario.stream ? ', stream: true' : ''} })`
    : `client.messages.create({ model: 'test-model', max_tokens: 64, messages: [{ role: 'user', content: 'Say hello.' }]${scenario.stream ? ', stream: true' : ''} })`;
  const consume = scenario.stream
    ? `const stream = await ${call};
      let chunks = 0;
      for await (const _chunk of stream) chunks++;
      return { chunks };`
    : `return await ${call};`;
  const r = expected.result;
  const assertResult =
    r.kind === 'answer'
      ? `expect(result).not.toBeInstanceOf(Error);`
      : NATIVE.has(r.className)
        ? `expect(result).toBeInstanceOf(${r.className});`
        : `expect(result).toBeInstanceOf(SDK.${r.className});${r.status !== undefined ? `\n  expect((result as { status?: number }).status).toBe(${r.status});` : ''}`;
  const what = r.kind === 'answer' ? 'an answer' : r.className;
  const usesSdk = r.kind === 'error' && !NATIVE.has(r.className);
  return `/**
 * ${comment(scenario.title)} (${scenario.id}): ${comment(scenario.story)}
 * Exported from LLM Error Explorer; the replay saw ${expected.attempts} attempt${expected.attempts === 1 ? '' : 's'} and ${what} with ${pkg}.
 */
import { setupServer } from 'msw/node';
${usesSdk ? `import ${Ctor}, * as SDK from '${pkg}';` : `import ${Ctor} from '${pkg}';`}
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scenarioHandlers } from '${importPath}';

const BASE_URL = 'https://mock.replay.test';
const server = setupServer(...scenarioHandlers(BASE_URL));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/**
 * msw/node on Node 20: a cancelled mocked body never settles, and the SDK cancels an error body
 * before it retries. Reading error bodies here first avoids the hang; streams pass untouched.
 */
const readErrorBodies: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.ok) return response;
  const body = await response.arrayBuffer();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

it('${scenario.id}: ${expected.attempts} attempt${expected.attempts === 1 ? '' : 's'}, then ${what}', async () => {
  let attempts = 0;
  server.events.on('request:start', () => {
    attempts++;
  });
  const client = new ${Ctor}({ apiKey: 'test-key', baseURL: BASE_URL + ${JSON.stringify(prefix)}, fetch: readErrorBodies });
  const result: unknown = await (async () => {
    try {
      ${consume}
    } catch (error) {
      return error;
    }
  })();
  expect(attempts).toBe(${expected.attempts});
  ${assertResult}
}, ${Math.ceil(options.timeoutMs ?? 30_000)});
`;
}
