/**
 * Replay adapters for the real `openai` and `@anthropic-ai/sdk` packages, run exactly as users run
 * them (browser allowed, default retries and timeouts), with the replay fetch as their `fetch`.
 * Imported by the replay worker and by the Node proof tests.
 */
import Anthropic, * as AnthropicExports from '@anthropic-ai/sdk';
import { VERSION as anthropicVersion } from '@anthropic-ai/sdk/version';
import OpenAI, * as OpenAIExports from 'openai';
import { VERSION as openaiVersion } from 'openai/version';
import {
  classifyError,
  mostSpecificFirst,
  sdkBaseUrl,
  type ReplayCallContext,
  type ReplayClientAdapter,
} from '../../core/replay/run';
import type { ReplayResult } from '../../core/replay/types';

/** Obviously fake; the clients only ever talk to the mock host. */
export const REPLAY_API_KEY = 'replay-dummy-key-not-a-secret';
export const REPLAY_PROMPT = 'Say hello.';

/** How a streamed scenario is consumed: a raw `for await` loop, or the SDK's stream helper. */
export type StreamMode = 'raw' | 'helper';

export interface SdkAdapterOptions {
  readonly streamMode?: StreamMode;
  /** Passed to the client constructor (e.g. `maxRetries`, `timeout`). Default: the SDK's own. */
  readonly clientOptions?: { readonly maxRetries?: number; readonly timeout?: number };
}

type ErrorClass = abstract new (...args: never[]) => unknown;

/** Every exported `…Error` class of a module, subclasses first. */
export function errorClassesOf(module: Record<string, unknown>): (readonly [string, ErrorClass])[] {
  const found: [string, ErrorClass][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (/Error$/.test(name) && typeof value === 'function' && value.prototype instanceof Error) {
      found.push([name, value as ErrorClass]);
    }
  }
  return mostSpecificFirst(found);
}

export const OPENAI_ERROR_CLASSES = errorClassesOf(OpenAIExports as Record<string, unknown>);
export const ANTHROPIC_ERROR_CLASSES = errorClassesOf(AnthropicExports as Record<string, unknown>);

function loggerFor(ctx: ReplayCallContext) {
  const line =
    (level: string) =>
    (message: string, ...rest: unknown[]) => {
      const extra = rest
        .map((r) => (typeof r === 'string' ? r : safeJson(r)))
        .filter((s) => s.length > 0)
        .join(' ');
      ctx.log(level, extra ? `${message} ${extra}` : message);
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return '';
  }
}

async function settle(
  run: () => Promise<ReplayResult>,
  classes: readonly (readonly [string, ErrorClass])[],
): Promise<ReplayResult> {
  try {
    return await run();
  } catch (error) {
    return classifyError(error, classes);
  }
}

/** The official `openai` package at the installed version. */
export function openaiAdapter(options: SdkAdapterOptions = {}): ReplayClientAdapter {
  return {
    id: 'openai',
    label: `openai ${openaiVersion}`,
    version: openaiVersion,
    call: (ctx) =>
      settle(async () => {
        const client = new OpenAI({
          apiKey: REPLAY_API_KEY,
          baseURL: sdkBaseUrl(ctx.runBaseUrl, ctx.scenario.path, '/chat/completions', '/v1'),
          fetch: ctx.fetch,
          dangerouslyAllowBrowser: true,
          logger: loggerFor(ctx),
          logLevel: 'info',
          ...options.clientOptions,
        });
        const body = {
          model: 'replay-model',
          messages: [{ role: 'user' as const, content: REPLAY_PROMPT }],
        };
        const reqOpts = { signal: ctx.signal };
        if (!ctx.scenario.stream) {
          const c = await client.chat.completions.create(body, reqOpts);
          return { kind: 'answer', text: c.choices[0]?.message.content ?? '' };
        }
        if (options.streamMode === 'helper') {
          const stream = client.chat.completions.stream(body, reqOpts);
          let chunks = 0;
          stream.on('chunk', () => chunks++);
          const final = await stream.finalChatCompletion();
          return { kind: 'answer', text: final.choices[0]?.message.content ?? '', chunks };
        }
        const stream = await client.chat.completions.create({ ...body, stream: true }, reqOpts);
        let text = '';
        let chunks = 0;
        for await (const chunk of stream) {
          chunks++;
          text += chunk.choices[0]?.delta.content ?? '';
        }
        return { kind: 'answer', text, chunks };
      }, OPENAI_ERROR_CLASSES),
  };
}

/** The official `@anthropic-ai/sdk` package at the installed version. */
export function anthropicAdapter(options: SdkAdapterOptions = {}): ReplayClientAdapter {
  return {
    id: 'anthropic',
    label: `@anthropic-ai/sdk ${anthropicVersion}`,
    version: anthropicVersion,
    call: (ctx) =>
      settle(async () => {
        const client = new Anthropic({
          apiKey: REPLAY_API_KEY,
          baseURL: sdkBaseUrl(ctx.runBaseUrl, ctx.scenario.path, '/v1/messages'),
          fetch: ctx.fetch,
          dangerouslyAllowBrowser: true,
          logger: loggerFor(ctx),
          logLevel: 'info',
          ...options.clientOptions,
        });
        const body = {
          model: 'replay-model',
          max_tokens: 64,
          messages: [{ role: 'user' as const, content: REPLAY_PROMPT }],
        };
        const reqOpts = { signal: ctx.signal };
        if (!ctx.scenario.stream) {
          const m = await client.messages.create(body, reqOpts);
          return {
            kind: 'answer',
            text: m.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
          };
        }
        if (options.streamMode === 'helper') {
          const stream = client.messages.stream(body, reqOpts);
          let chunks = 0;
          stream.on('streamEvent', () => chunks++);
          const final = await stream.finalMessage();
          return {
            kind: 'answer',
            text: final.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
            chunks,
          };
        }
        const stream = await client.messages.create({ ...body, stream: true }, reqOpts);
        let text = '';
        let chunks = 0;
        for await (const event of stream) {
          chunks++;
          if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
            text += event.delta.text;
          }
        }
        return { kind: 'answer', text, chunks };
      }, ANTHROPIC_ERROR_CLASSES),
  };
}

export const SDK_VERSIONS = { openai: openaiVersion, anthropic: anthropicVersion } as const;
