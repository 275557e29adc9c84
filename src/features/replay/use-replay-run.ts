/** Replay: runs one scenario in its own worker and gathers its events; pause, speed and cancel. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReplayEvent, ReplaySpeed } from '../../core/replay/types';
import type { ReplayJob, ReplayWorkerRequest, ReplayWorkerResponse } from './worker-protocol';

export type RunState =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly job: ReplayJob }
  /** `hidden`: paused because the tab was hidden; it resumes by itself when shown again. */
  | { readonly state: 'paused'; readonly job: ReplayJob; readonly hidden: boolean }
  | { readonly state: 'done'; readonly job: ReplayJob }
  | { readonly state: 'cancelled'; readonly job: ReplayJob }
  | { readonly state: 'failed'; readonly job: ReplayJob; readonly message: string };

export interface ReplayRun {
  readonly status: RunState;
  readonly events: readonly ReplayEvent[];
  /** `register` readies the mock server for this run; its result undoes it. */
  readonly start: (job: ReplayJob, register: () => () => void) => void;
  readonly cancel: () => void;
  readonly pause: () => void;
  readonly resume: () => void;
  readonly setSpeed: (speed: ReplaySpeed) => void;
}

/**
 * One replay at a time, each in a fresh dedicated worker (its fake clock never touches the
 * page). The run pauses while the tab is hidden: the mock service worker answers only visible
 * pages, and hidden tabs throttle timers.
 */
export function useReplayRun(): ReplayRun {
  const worker = useRef<Worker | null>(null);
  const unregister = useRef<(() => void) | null>(null);
  const [status, setStatus] = useState<RunState>({ state: 'idle' });
  const [events, setEvents] = useState<readonly ReplayEvent[]>([]);
  const statusRef = useRef(status);
  useEffect(() => {
    statusRef.current = status;
  }, [status]);

  const post = (message: ReplayWorkerRequest) => worker.current?.postMessage(message);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    unregister.current?.();
    unregister.current = null;
  };

  const start = useCallback((job: ReplayJob, register: () => () => void) => {
    stop();
    setEvents([]);
    try {
      unregister.current = register();
    } catch (error) {
      setStatus({
        state: 'failed',
        job,
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const w = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<ReplayWorkerResponse>) => {
      const msg = event.data;
      if (worker.current !== w || msg.runId !== job.runId) return;
      if (msg.type === 'failed') {
        setStatus({ state: 'failed', job, message: msg.message });
        stop();
        return;
      }
      setEvents((old) => [...old, ...msg.events]);
      if (msg.events.some((e) => e.type === 'done')) {
        setStatus({ state: 'done', job });
        stop();
      }
    };
    w.onerror = (event) => {
      if (worker.current !== w) return;
      setStatus({ state: 'failed', job, message: event.message || 'The replay worker failed.' });
      stop();
    };
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    setStatus(hidden ? { state: 'paused', job, hidden: true } : { state: 'running', job });
    w.postMessage({ type: 'start', job } satisfies ReplayWorkerRequest);
    if (hidden) w.postMessage({ type: 'pause' } satisfies ReplayWorkerRequest);
  }, []);

  const cancel = useCallback(() => {
    stop();
    setStatus((s) =>
      s.state === 'running' || s.state === 'paused' ? { state: 'cancelled', job: s.job } : s,
    );
  }, []);

  const pause = useCallback(() => {
    const s = statusRef.current;
    if (s.state !== 'running') return;
    post({ type: 'pause' });
    setStatus({ state: 'paused', job: s.job, hidden: false });
  }, []);

  const resume = useCallback(() => {
    const s = statusRef.current;
    if (s.state !== 'paused') return;
    post({ type: 'resume' });
    setStatus({ state: 'running', job: s.job });
  }, []);

  const setSpeed = useCallback((speed: ReplaySpeed) => post({ type: 'speed', speed }), []);

  useEffect(() => {
    const onVisibility = () => {
      const s = statusRef.current;
      if (document.visibilityState === 'hidden' && s.state === 'running') {
        post({ type: 'pause' });
        setStatus({ state: 'paused', job: s.job, hidden: true });
      } else if (document.visibilityState === 'visible' && s.state === 'paused' && s.hidden) {
        post({ type: 'resume' });
        setStatus({ state: 'running', job: s.job });
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, []);

  return { status, events, start, cancel, pause, resume, setSpeed };
}
