/**
 * The worker's side of the protocol, apart from the Worker global so tests can drive it: runs
 * each request on the handler, answers in order of completion, and skips a request whose cancel
 * arrived before its heavy step began (the page has moved on to a newer query).
 */
import type { CatalogHandler } from './handler';
import { TaskCancelled } from './handler';
import { toWireError, type CatalogWorkerRequest, type CatalogWorkerResponse } from './protocol';

export interface MessagePort {
  postMessage(message: CatalogWorkerResponse): void;
}

/** Returns the function to call with each request the page posts. */
export function serveCatalogRequests(
  handler: CatalogHandler,
  port: MessagePort,
): (request: CatalogWorkerRequest) => void {
  const cancelled = new Set<number>();
  return (request) => {
    if (request.type === 'cancel') {
      cancelled.add(request.id);
      return;
    }
    const { id, task } = request;
    // Start on a later task, so a cancel already queued behind this request is seen first.
    setTimeout(() => {
      if (cancelled.delete(id)) return;
      handler.run(task, { isCancelled: () => cancelled.has(id) }).then(
        (result) => {
          if (!cancelled.delete(id)) port.postMessage({ type: 'done', id, result });
        },
        (error: unknown) => {
          if (cancelled.delete(id) || error instanceof TaskCancelled) return;
          port.postMessage({ type: 'failed', id, error: toWireError(error) });
        },
      );
    }, 0);
  };
}
