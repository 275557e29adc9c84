/**
 * What the catalog worker does, as a plain object: it loads and validates each catalog once,
 * keeps them, builds the search index for a set of providers, and answers search and decode
 * tasks. `catalog.worker.ts` runs it off the main thread; where there is no Worker (Node: tests,
 * the build's prerender) `host.ts` runs it in-process, so both give the same answers.
 */
import type { ProviderCatalog } from '../../core/catalog/schema';
import type { SearchIndex } from '../../core/catalog/search';
import { catalogBaseUrl, fetchProviderCatalog } from '../catalog-fetch';
import type { CatalogTask, DecodeTask, SearchHitView, SearchTask, TaskResult } from './protocol';

export interface CatalogHandler {
  /** Runs a task; `isCancelled` is asked before each heavy step (a skipped task never settles). */
  run<T extends CatalogTask>(task: T, hooks?: TaskHooks): Promise<TaskResult<T>>;
}

export interface TaskHooks {
  readonly isCancelled?: () => boolean;
}

export interface CatalogHandlerOptions {
  /** Where the catalog files are (default: the app's public/catalogs/). */
  readonly baseUrl?: string;
}

/** Thrown when a task was cancelled between steps; the host never reports it. */
export class TaskCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'TaskCancelled';
  }
}

export function createCatalogHandler(options: CatalogHandlerOptions = {}): CatalogHandler {
  const baseUrl = options.baseUrl ?? catalogBaseUrl;
  const catalogs = new Map<string, Promise<ProviderCatalog>>();
  // The engines load on first use, so the first catalogs are not held up by them.
  const searchEngine = () => import('../../core/catalog/search');
  const decoder = () =>
    Promise.all([import('../../core/decode/match'), import('../../core/decode/headers')]);
  let lastIndex: { key: string; index: SearchIndex } | undefined;

  /** One fetch per catalog while it is good; a failure is forgotten so a retry fetches again. */
  const load = (providerId: string): Promise<ProviderCatalog> => {
    let loading = catalogs.get(providerId);
    if (!loading) {
      loading = fetchProviderCatalog(providerId, baseUrl);
      catalogs.set(providerId, loading);
      loading.catch(() => {
        if (catalogs.get(providerId) === loading) catalogs.delete(providerId);
      });
    }
    return loading;
  };

  /** The catalogs of these providers that load, in the order given. */
  const loaded = async (providerIds: readonly string[]): Promise<ProviderCatalog[]> => {
    const settled = await Promise.allSettled(providerIds.map(load));
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  };

  const check = (hooks: TaskHooks) => {
    if (hooks.isCancelled?.()) throw new TaskCancelled();
  };

  async function search(task: SearchTask, hooks: TaskHooks): Promise<TaskResult<SearchTask>> {
    const [engine, set] = await Promise.all([searchEngine(), loaded(task.providerIds)]);
    check(hooks);
    const key = set.map((c) => c.id).join(',');
    if (lastIndex?.key !== key) lastIndex = { key, index: engine.createSearchIndex(set) };
    return {
      query: task.query,
      hits: engine
        .search(lastIndex.index, task.query, task.filters)
        .map(({ entry, ...hit }): SearchHitView => ({
          ...hit,
          entry: {
            id: entry.id,
            title: entry.title,
            status: entry.status,
            category: entry.category,
            providerCodes: entry.providerCodes,
            retry: {
              advice: entry.retry.advice,
              ...(entry.retry.wait ? { wait: { text: entry.retry.wait.text } } : {}),
            },
          },
        })),
      maxQueryChars: engine.MAX_QUERY_CHARS,
    };
  }

  async function decode(task: DecodeTask, hooks: TaskHooks): Promise<TaskResult<DecodeTask>> {
    const [[match, headers], set] = await Promise.all([decoder(), loaded(task.providerIds)]);
    check(hooks);
    const result = match.decodeText(task.text, set, { limit: task.limit });
    return { ...result, headers: headers.explainHeaders(result.parsed.headers, { now: task.now }) };
  }

  async function run(task: CatalogTask, hooks: TaskHooks): Promise<unknown> {
    switch (task.kind) {
      case 'info': {
        const c = await load(task.providerId);
        return {
          id: c.id,
          name: c.name,
          entryCount: c.errors.length,
          lastVerified: c.lastVerified,
        };
      }
      case 'catalog':
        return load(task.providerId);
      case 'search':
        return search(task, hooks);
      case 'decode':
        return decode(task, hooks);
    }
  }

  return {
    run: <T extends CatalogTask>(task: T, hooks: TaskHooks = {}) =>
      run(task, hooks) as Promise<TaskResult<T>>,
  };
}
