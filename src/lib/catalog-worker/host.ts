/**
 * The page's way to the catalog worker: `catalogHost().run(task, signal)` answers a task from
 * the one shared worker, or in-process where there is no Worker (Node: unit tests and the build's
 * prerender), with the same handler and the same answers. An aborted signal (TanStack Query
 * aborts a query nobody watches any more) drops the answer and tells the worker to skip it, so
 * the latest query wins.
 */
import type { CatalogHandler } from './handler';
import {
  fromWireError,
  type CatalogTask,
  type CatalogWorkerRequest,
  type CatalogWorkerResponse,
  type TaskResult,
} from './protocol';

export interface CatalogHost {
  run<T extends CatalogTask>(task: T, signal?: AbortSignal): Promise<TaskResult<T>>;
}

/** What the host needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: CatalogWorkerRequest): void;
  onmessage: ((event: MessageEvent<CatalogWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const aborted = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');

/** A host on a worker made by `spawn` on first use (and again after the worker dies). */
export function createWorkerHost(spawn: () => WorkerLike): CatalogHost {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  const start = (): WorkerLike => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (event) => {
      const message = event.data;
      const waiting = pending.get(message.id);
      if (!waiting) return; // cancelled: nobody wants it
      pending.delete(message.id);
      if (message.type === 'done') waiting.resolve(message.result);
      else waiting.reject(fromWireError(message.error));
    };
    w.onerror = (event) => {
      // The worker is gone: fail what it held; the next task starts a new one.
      const error = new Error(`The catalog worker failed: ${event.message || 'unknown error'}`);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      w.terminate();
      if (worker === w) worker = undefined;
    };
    worker = w;
    return w;
  };

  return {
    run<T extends CatalogTask>(task: T, signal?: AbortSignal): Promise<TaskResult<T>> {
      if (signal?.aborted) return Promise.reject(aborted(signal));
      const w = start();
      const id = nextId++;
      return new Promise<TaskResult<T>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        signal?.addEventListener(
          'abort',
          () => {
            if (!pending.delete(id)) return;
            w.postMessage({ type: 'cancel', id });
            reject(aborted(signal));
          },
          { once: true },
        );
        w.postMessage({ type: 'run', id, task });
      });
    },
  };
}

/** The same tasks in this thread, for places with no Worker. */
export function createInProcessHost(handler: () => Promise<CatalogHandler>): CatalogHost {
  let loaded: Promise<CatalogHandler> | undefined;
  return {
    async run<T extends CatalogTask>(task: T, signal?: AbortSignal): Promise<TaskResult<T>> {
      loaded ??= handler();
      const h = await loaded;
      if (signal?.aborted) throw aborted(signal);
      return h.run(task, { isCancelled: () => signal?.aborted ?? false });
    },
  };
}

let shared: CatalogHost | undefined;

/** The app's one catalog host: a module Worker in the browser, in-process elsewhere. */
export function catalogHost(): CatalogHost {
  shared ??=
    typeof Worker === 'undefined'
      ? createInProcessHost(async () => (await import('./handler')).createCatalogHandler())
      : createWorkerHost(
          () =>
            new Worker(new URL('./catalog.worker.ts', import.meta.url), {
              type: 'module',
              name: 'catalogs',
            }) as WorkerLike,
        );
  return shared;
}
