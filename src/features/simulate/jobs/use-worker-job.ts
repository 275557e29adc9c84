/** React hook: one job at a time in a dedicated Web Worker, with progress and cancel. */

import { useCallback, useEffect, useRef, useState } from 'react';
import { jobKey, type Job, type JobResult } from './job-types';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

export type JobStatus<R extends JobResult> =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly key: string; readonly progress: number }
  | { readonly state: 'cancelled'; readonly key: string; readonly progress: number }
  | { readonly state: 'error'; readonly key: string; readonly message: string }
  | {
      readonly state: 'done';
      readonly key: string;
      readonly job: Job;
      readonly result: R;
      readonly ms: number;
    };

export interface WorkerJob<R extends JobResult> {
  readonly status: JobStatus<R>;
  readonly start: (job: Job) => void;
  readonly cancel: () => void;
}

let nextId = 1;

/**
 * One job at a time in a dedicated Web Worker: progress, a result, or a cancel that terminates
 * the worker (the page never waits for the computation to notice).
 */
export function useWorkerJob<R extends JobResult>(): WorkerJob<R> {
  const worker = useRef<Worker | null>(null);
  const [status, setStatus] = useState<JobStatus<R>>({ state: 'idle' });

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };

  const start = useCallback((job: Job) => {
    stop();
    const key = jobKey(job);
    const id = nextId++;
    const started = performance.now();
    const w = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const msg = event.data;
      if (msg.id !== id || worker.current !== w) return;
      if (msg.type === 'progress') setStatus({ state: 'running', key, progress: msg.fraction });
      else if (msg.type === 'done') {
        setStatus({
          state: 'done',
          key,
          job,
          result: msg.result as R,
          ms: performance.now() - started,
        });
        stop();
      } else {
        setStatus({ state: 'error', key, message: msg.message });
        stop();
      }
    };
    w.onerror = (event) => {
      if (worker.current !== w) return;
      setStatus({ state: 'error', key, message: event.message || 'The worker failed.' });
      stop();
    };
    setStatus({ state: 'running', key, progress: 0 });
    w.postMessage({ type: 'start', id, job } satisfies WorkerRequest);
  }, []);

  const cancel = useCallback(() => {
    stop();
    setStatus((s) =>
      s.state === 'running' ? { state: 'cancelled', key: s.key, progress: s.progress } : s,
    );
  }, []);

  useEffect(() => stop, []);

  return { status, start, cancel };
}
