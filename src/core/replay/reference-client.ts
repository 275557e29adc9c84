/** A small fetch-based client that runs any simulator RetryPolicy with the engine's own `decide`, on virtual time. */
import { decide, describeOutcome, initialRetryState } from '../retry/policy';
import type { Rng } from '../retry/random';
import type { Outcome, RetryPolicy } from '../retry/types';
import { splitSseBlocks } from './protocol';
import type { ReplayCallContext, ReplayClientAdapter } from './run';
import type { ReplayResult } from './types';

export interface ReferenceClientOptions {
  readonly policy: RetryPolicy;
  /** Shown in the timeline, e.g. `tenacity (seed recipe)` or `custom policy`. */
  readonly label?: string;
  /** Random source for jitter. Default `Math.random`. */
  readonly rng?: Rng;
}

/** Why an attempt ended, as the reference client saw it. */
type AttemptEnd =
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly text?: string }
  | { readonly kind: 'stream-error'; readonly className: string; readonly message: string };

class TimeoutSignal extends Error {
  constructor(ms: number) {
    super(`attempt timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

function headerRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => {
    out[k.toLowerCase()] = v;
  });
  return out;
}

function answerText(body: string): string {
  try {
    const v = JSON.parse(body) as {
      choices?: { message?: { content?: string } }[];
      content?: { type: string; text?: string }[];
    };
    if (v.choices) return v.choices[0]?.message?.content ?? '';
    if (v.content) return v.content.map((b) => b.text ?? '').join('');
  } catch {
    /* not JSON */
  }
  return body;
}

/** Read an SSE body: the text, or why the stream failed (streams are never retried). */
async function readStream(res: Response): Promise<AttemptEnd> {
  let raw = '';
  try {
    raw = await res.text();
  } catch (error) {
    return {
      kind: 'stream-error',
      className: 'StreamCutError',
      message: `the stream broke after ${splitSseBlocks(raw).length} chunks: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  let text = '';
  let terminated = false;
  for (const block of splitSseBlocks(raw)) {
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
    if (data === '[DONE]' || event === 'message_stop') {
      terminated = true;
      continue;
    }
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(data) as Record<string, unknown>;
    } catch {
      return {
        kind: 'stream-error',
        className: 'StreamParseError',
        message: `malformed chunk: ${data.slice(0, 80)}`,
      };
    }
    if (event === 'error' || v.error) {
      const err = (v.error ?? {}) as { message?: string; type?: string };
      return {
        kind: 'stream-error',
        className: 'StreamErrorEvent',
        message: `${err.type ?? 'error'}: ${err.message ?? ''}`,
      };
    }
    const delta = (v.choices as { delta?: { content?: string } }[] | undefined)?.[0]?.delta
      ?.content;
    const aDelta = (v.delta as { text?: string } | undefined)?.text;
    text += delta ?? aDelta ?? '';
  }
  if (!terminated) {
    return {
      kind: 'stream-error',
      className: 'TruncatedStreamError',
      message: 'the stream ended without its terminator',
    };
  }
  return {
    kind: 'outcome',
    outcome: { kind: 'response', status: res.status, headers: headerRecord(res.headers) },
    text,
  };
}

/** One attempt, with the policy's per-attempt timeout on the virtual clock. */
async function attemptOnce(
  ctx: ReplayCallContext,
  url: string,
  body: string,
  attempt: number,
  timeoutMs?: number,
): Promise<AttemptEnd> {
  const controller = new AbortController();
  const onOuter = () => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener('abort', onOuter, { once: true });
  const timer = new AbortController();
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
    ctx.sleep(timeoutMs, timer.signal).then(
      () => controller.abort(new TimeoutSignal(timeoutMs)),
      () => {},
    );
  }
  try {
    const res = await ctx.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-reference-attempt': String(attempt) },
      body,
      signal: controller.signal,
    });
    timer.abort();
    const headers = headerRecord(res.headers);
    const ok = res.status >= 200 && res.status < 300;
    if (ok && ctx.scenario.stream) return await readStream(res);
    const text = await res.text();
    return { kind: 'outcome', outcome: { kind: 'response', status: res.status, headers }, text };
  } catch (error) {
    timer.abort();
    if (controller.signal.reason instanceof TimeoutSignal)
      return { kind: 'outcome', outcome: { kind: 'timeout' } };
    if (ctx.signal.aborted) throw error;
    return { kind: 'outcome', outcome: { kind: 'connection-error' } };
  } finally {
    ctx.signal.removeEventListener('abort', onOuter);
  }
}

/** The URL the reference client calls: the scenario's own path under the run. */
export function referenceUrl(ctx: Pick<ReplayCallContext, 'runBaseUrl' | 'scenario'>): string {
  return `${ctx.runBaseUrl}${ctx.scenario.path}`;
}

export function referenceAdapter(options: ReferenceClientOptions): ReplayClientAdapter {
  const { policy } = options;
  const rng = options.rng ?? Math.random;
  return {
    id: 'reference',
    label: options.label ?? 'reference client',
    async call(ctx): Promise<ReplayResult> {
      const body = JSON.stringify(
        ctx.scenario.api === 'anthropic-messages'
          ? {
              model: 'replay-model',
              max_tokens: 64,
              messages: [{ role: 'user', content: 'Say hello.' }],
              stream: ctx.scenario.stream,
            }
          : {
              model: 'replay-model',
              messages: [{ role: 'user', content: 'Say hello.' }],
              stream: ctx.scenario.stream,
            },
      );
      const url = referenceUrl(ctx);
      const t0 = ctx.now();
      let state = initialRetryState(policy);
      for (let attempt = 1; ; attempt++) {
        const attemptStart = ctx.now();
        const end = await attemptOnce(ctx, url, body, attempt, policy.attemptTimeoutMs);
        if (end.kind === 'stream-error') {
          ctx.log('info', `${end.className}: a stream that started is not retried`);
          return { kind: 'error', className: end.className, message: end.message };
        }
        const { outcome } = end;
        const d = decide(policy, attempt, outcome, ctx.now() - t0, rng, {
          state,
          nowMs: ctx.epochNow(),
        });
        if (d.action === 'stop') return { kind: 'answer', text: answerText(end.text ?? '') };
        if (d.action === 'give-up') {
          ctx.log('info', `gives up after attempt ${attempt} (${d.reason}): ${d.why}`);
          if (d.trailingWaitMs > 0) await ctx.sleep(d.trailingWaitMs);
          const status = outcome.kind === 'response' ? { status: outcome.status } : {};
          return {
            kind: 'error',
            className:
              outcome.kind === 'response'
                ? 'HTTPError'
                : outcome.kind === 'timeout'
                  ? 'TimeoutError'
                  : 'ConnectionError',
            message: `${describeOutcome(outcome)}: gave up (${d.reason}): ${d.why}`,
            ...status,
          };
        }
        state = d.state;
        let wait = d.delayMs;
        if (policy.delayFrom === 'attempt-start')
          wait = Math.max(0, wait - (ctx.now() - attemptStart));
        ctx.log(
          'info',
          `retry ${d.retryIndex + 1} in ${Math.round(wait)} ms (${d.source}): ${d.why}`,
        );
        await ctx.sleep(wait);
      }
    },
  };
}
