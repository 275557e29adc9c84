/** Node-only replay adapter for @cerebras/cerebras_cloud_sdk (a proof client; the browser page runs openai and anthropic). */
import Cerebras, * as CerebrasExports from '@cerebras/cerebras_cloud_sdk';
import { VERSION as cerebrasVersion } from '@cerebras/cerebras_cloud_sdk/version';
import { sdkBaseUrl, type ReplayClientAdapter } from '../core/replay/run';
import type { ReplayResult } from '../core/replay/types';
import { REPLAY_API_KEY, REPLAY_PROMPT, errorClassesOf } from '../features/replay/sdk-clients';
import { classifyError } from '../core/replay/run';

export const CEREBRAS_ERROR_CLASSES = errorClassesOf(CerebrasExports as Record<string, unknown>);
export const CEREBRAS_VERSION = cerebrasVersion;

/** The Cerebras SDK with its defaults, TCP warming off (its constructor GET is not part of a call). */
export function cerebrasAdapter(): ReplayClientAdapter {
  return {
    // The replay client ids are the page's; the proof reports this one by its label.
    id: 'reference',
    label: `@cerebras/cerebras_cloud_sdk ${cerebrasVersion}`,
    version: cerebrasVersion,
    async call(ctx): Promise<ReplayResult> {
      try {
        const client = new Cerebras({
          apiKey: REPLAY_API_KEY,
          baseURL: sdkBaseUrl(ctx.runBaseUrl, ctx.scenario.path, '/v1/chat/completions'),
          fetch: ctx.fetch as unknown as ConstructorParameters<typeof Cerebras>[0] extends infer O
            ? O extends { fetch?: infer F }
              ? F
              : never
            : never,
          warmTCPConnection: false,
        });
        const body = {
          model: 'replay-model',
          messages: [{ role: 'user' as const, content: REPLAY_PROMPT }],
        };
        if (!ctx.scenario.stream) {
          const c = (await client.chat.completions.create(body, { signal: ctx.signal })) as {
            choices?: { message?: { content?: string | null } }[];
          };
          return { kind: 'answer', text: c.choices?.[0]?.message?.content ?? '' };
        }
        const stream = await client.chat.completions.create(
          { ...body, stream: true },
          { signal: ctx.signal },
        );
        let text = '';
        let chunks = 0;
        for await (const chunk of stream as AsyncIterable<{
          choices?: { delta?: { content?: string } }[];
        }>) {
          chunks++;
          text += chunk.choices?.[0]?.delta?.content ?? '';
        }
        return { kind: 'answer', text, chunks };
      } catch (error) {
        return classifyError(error, CEREBRAS_ERROR_CLASSES);
      }
    },
  };
}
