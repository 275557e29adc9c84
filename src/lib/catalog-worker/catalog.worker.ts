/**
 * The catalog worker: fetches and validates the catalogs, holds them with the search index, and
 * answers search and decode queries, all off the main thread (protocol in `protocol.ts`).
 */
import { createCatalogHandler } from './handler';
import type { CatalogWorkerRequest } from './protocol';
import { serveCatalogRequests } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = serveCatalogRequests(createCatalogHandler(), {
  postMessage: (message) => scope.postMessage(message),
});
scope.onmessage = (event: MessageEvent<CatalogWorkerRequest>) => serve(event.data);
