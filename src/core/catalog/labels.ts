import type { Category, ErrorEntry, RetryAdvice, SourceKind } from './schema';

export const categoryLabels: Record<Category, string> = {
  rate_limit: 'Rate limit',
  quota_billing: 'Quota / billing',
  overloaded: 'Overloaded',
  server_error: 'Server error',
  bad_gateway: 'Bad gateway',
  service_unavailable: 'Service unavailable',
  timeout: 'Timeout',
  connection: 'Connection',
  auth: 'Authentication',
  permission: 'Permission',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  invalid_request: 'Invalid request',
  unprocessable: 'Unprocessable',
  context_length: 'Context length',
  content_policy: 'Content policy',
  payload_too_large: 'Payload too large',
  precondition_failed: 'Precondition failed',
  model_unavailable: 'Model unavailable',
  stream_error: 'Stream error',
  client_error: 'Client error',
  unknown: 'Unknown',
};

/**
 * The closed vocabularies in `enums.ts` order, read off the labels (a record over each, so none is
 * missing; labels.test.ts holds the order): the filters list them without loading `enums.ts`.
 */
export const categoryList = Object.keys(categoryLabels) as Category[];

export const retryAdviceLabels: Record<RetryAdvice, string> = {
  retry_backoff: 'Retry with backoff',
  honour_retry_after: 'Honour Retry-After',
  fix_then_retry: 'Fix, then retry',
  do_not_retry: 'Do not retry',
  contact_support: 'Contact support',
};

export const retryAdviceList = Object.keys(retryAdviceLabels) as RetryAdvice[];

export const sourceKindLabels: Record<SourceKind, string> = {
  'official-doc': 'Official doc',
  'sdk-source': 'SDK source',
  observed: 'Observed',
  secondary: 'Secondary',
  seed: 'Seed document',
};

export const statusClasses = ['2xx', '4xx', '5xx', 'other', 'none'] as const;
export type StatusClass = (typeof statusClasses)[number];

export const statusClassLabels: Record<StatusClass, string> = {
  '2xx': '2xx (inside a success response)',
  '4xx': '4xx client errors',
  '5xx': '5xx server errors',
  other: 'Other statuses',
  none: 'No HTTP status (connection, timeout, stream)',
};

export function statusClassOf(status: number | null): StatusClass {
  if (status === null) return 'none';
  if (status >= 200 && status < 300) return '2xx';
  if (status >= 400 && status < 500) return '4xx';
  if (status >= 500 && status < 600) return '5xx';
  return 'other';
}

/** "429", or a word for errors that have no HTTP status. */
export function statusText(entry: Pick<ErrorEntry, 'status' | 'category'>): string {
  if (entry.status !== null) return String(entry.status);
  if (entry.category === 'timeout') return 'timeout';
  if (entry.category === 'connection') return 'no response';
  if (entry.category === 'stream_error') return 'in stream';
  return '—';
}

/** True when every source of the entry is a secondary summary. */
export function restsOnSecondaryOnly(entry: Pick<ErrorEntry, 'sources'>): boolean {
  return entry.sources.length > 0 && entry.sources.every((s) => s.kind === 'secondary');
}
