/**
 * The catalog worker's messages: what the page asks (load one catalog, search, decode) and what
 * comes back, as plain data that survives structured cloning. A catalog's load error travels as
 * its file and problems and becomes a CatalogLoadError again on the page.
 */
import { CatalogLoadError, type CatalogProblem } from '../../core/catalog/load-error';
import type { ErrorEntry, ProviderCatalog } from '../../core/catalog/schema';
import type { SearchFilters, SearchHit } from '../../core/catalog/search';
import type { HeaderExplanation } from '../../core/decode/headers';
import type { DecodeResult } from '../../core/decode/match';
import type { ParsedPaste } from '../../core/decode/parse-paste';

/** What a page shows of a catalog that loaded and validated, without the catalog itself. */
export interface CatalogInfo {
  readonly id: string;
  readonly name: string;
  readonly entryCount: number;
  readonly lastVerified: string;
}

/** A search over the catalogs of `providerIds` (loaded ones only, in that order). */
export interface SearchTask {
  readonly kind: 'search';
  readonly providerIds: readonly string[];
  readonly query: string;
  readonly filters: SearchFilters;
}

/** A decode of a paste against the catalogs of `providerIds`; headers read as of `now`. */
export interface DecodeTask {
  readonly kind: 'decode';
  readonly providerIds: readonly string[];
  readonly text: string;
  readonly limit: number;
  /** Epoch ms: HTTP-date Retry-After values are read relative to it. */
  readonly now: number;
}

export type CatalogTask =
  | { readonly kind: 'info'; readonly providerId: string }
  | { readonly kind: 'catalog'; readonly providerId: string }
  | SearchTask
  | DecodeTask;

/** What a search result shows of its entry: the worker sends no more than that. */
export type SearchHitEntry = Pick<
  ErrorEntry,
  'id' | 'title' | 'status' | 'category' | 'providerCodes'
> & { retry: { advice: ErrorEntry['retry']['advice']; wait?: { text: string } | undefined } };

/** A search hit as the page gets it: ranked as in `core/catalog/search`, its entry cut down. */
export type SearchHitView = Omit<SearchHit, 'entry'> & { entry: SearchHitEntry };

export interface SearchAnswer {
  /** The query these hits are for (a page may still show them while the next one runs). */
  readonly query: string;
  readonly hits: SearchHitView[];
  /** Search reads this many characters of a query. */
  readonly maxQueryChars: number;
}

export type DecodeAnswer = DecodeResult & {
  readonly parsed: ParsedPaste;
  readonly headers: HeaderExplanation[];
};

/** The answer to each kind of task. */
export type TaskResult<T extends CatalogTask> = T extends { kind: 'info' }
  ? CatalogInfo
  : T extends { kind: 'catalog' }
    ? ProviderCatalog
    : T extends SearchTask
      ? SearchAnswer
      : DecodeAnswer;

/** Messages from the page to `catalog.worker.ts`. */
export type CatalogWorkerRequest =
  | { readonly type: 'run'; readonly id: number; readonly task: CatalogTask }
  /** The page no longer wants the answer (a newer query replaced it): skip it if not begun. */
  | { readonly type: 'cancel'; readonly id: number };

/** An error as data: a catalog's own problems by file and JSON path, or just a message. */
export type WireError =
  | { readonly kind: 'catalog'; readonly file: string; readonly problems: CatalogProblem[] }
  | { readonly kind: 'other'; readonly message: string };

/** Messages from the worker. A cancelled request gets no answer. */
export type CatalogWorkerResponse =
  | { readonly type: 'done'; readonly id: number; readonly result: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly error: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof CatalogLoadError)
    return { kind: 'catalog', file: error.file, problems: error.problems };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function fromWireError(error: WireError): Error {
  return error.kind === 'catalog'
    ? new CatalogLoadError(error.file, error.problems)
    : new Error(error.message);
}
