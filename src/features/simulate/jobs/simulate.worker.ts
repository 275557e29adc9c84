/**
 * Runs the simulator's long jobs off the main thread. Cancelling terminates the worker, so the
 * jobs need no cooperation; progress is reported at most every 50 ms.
 */
import { runJob } from './run-job';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerResponse) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, job } = event.data;
  let last = 0;
  try {
    const result = runJob(job, {
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - last < 50 && fraction < 1) return;
        last = now;
        post({ type: 'progress', id, fraction });
      },
    });
    post({ type: 'done', id, result });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
