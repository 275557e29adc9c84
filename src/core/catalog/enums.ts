/**
 * The catalog's closed vocabularies as plain lists, apart from the zod schema, so code that only
 * lists or checks them (filters, labels, the home page's summary check) does not load zod.
 */
export const sourceKinds = ['official-doc', 'sdk-source', 'observed', 'secondary', 'seed'] as const;

export const categories = [
  'rate_limit',
  'quota_billing',
  'overloaded',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'timeout',
  'connection',
  'auth',
  'permission',
  'not_found',
  'method_not_allowed',
  'conflict',
  'invalid_request',
  'unprocessable',
  'context_length',
  'content_policy',
  'payload_too_large',
  'precondition_failed',
  'model_unavailable',
  'stream_error',
  'client_error',
  'unknown',
] as const;

export const retryAdvices = [
  'retry_backoff',
  'honour_retry_after',
  'fix_then_retry',
  'do_not_retry',
  'contact_support',
] as const;

/** Ids (providers, entries): the pattern and the problem when one does not fit. */
export const slugPattern = /^[a-z0-9][a-z0-9_.-]*$/;
export const slugMessage = 'must be lower-case letters, digits, ".", "_" or "-"';

/** Calendar dates, YYYY-MM-DD. */
export const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const dateMessage = 'must be a date written YYYY-MM-DD';
