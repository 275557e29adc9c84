/**
 * One replay per worker. The worker holds the virtual clock (fake timers on this realm, never
 * on the page), the client under test — the real `openai` or `@anthropic-ai/sdk` package, or the
 * reference client — and the replay fetch; the page holds the mock server. Events stream back in
 * small batches. Cancelling terminates the worker.
 */
import { startReplay, type ReplayHandle } from '../../core/replay/run';
import type { ReplayEvent } from '../../core/replay/types';
import { loadClientAdapter } from './client-adapters';
import type { ReplayWorkerRequest, ReplayWorkerResponse } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: ReplayWorkerResponse) => scope.postMessage(message);
// Captured before the run fakes this realm's timers.
const realSetTimeout = scope.setTimeout.bind(scope);

let handle: ReplayHandle | undefined;
let pending: { paused: boolean; speed?: ReplayWorkerRequest & { type: 'speed' } } = {
  paused: false,
};

async function start(msg: ReplayWorkerRequest & { type: 'start' }) {
  const { job } = msg;
  let queue: ReplayEvent[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    post({ type: 'events', runId: job.runId, events: queue });
    queue = [];
  };
  try {
    const client = await loadClientAdapter(job);
    handle = startReplay({
      scenario: job.scenario,
      client,
      runId: job.runId,
      speed: pending.speed?.speed ?? job.speed,
      global: scope as unknown as typeof globalThis,
      onEvent: (event) => {
        queue.push(event);
        if (event.type === 'done') flush();
        else if (!scheduled) {
          scheduled = true;
          realSetTimeout(flush, 30);
        }
      },
    });
    if (pending.paused) handle.pause();
    await handle.done;
    flush();
  } catch (error) {
    flush();
    post({
      type: 'failed',
      runId: job.runId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

scope.onmessage = (event: MessageEvent<ReplayWorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'start':
      void start(msg);
      break;
    case 'pause':
      pending = { ...pending, paused: true };
      handle?.pause();
      break;
    case 'resume':
      pending = { ...pending, paused: false };
      handle?.resume();
      break;
    case 'speed':
      pending = { ...pending, speed: msg };
      handle?.setSpeed(msg.speed);
      break;
  }
};
