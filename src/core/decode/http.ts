/** Small HTTP and gRPC vocabularies shared by the paste reader and the header explainer. */
import { REASON_PHRASES } from '../catalog/http';

/** Other wordings seen after a status number. */
const OTHER_PHRASES: Readonly<Record<number, readonly string[]>> = {
  413: ['Request Entity Too Large', 'Content Too Large'],
  422: ['Unprocessable Content'],
  529: ['Site is overloaded'],
};

const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Whether `phrase` is a reason phrase for `status` (case-insensitive, prefix;
 * spaces and hyphens ignored, so `Gateway time-out` is `Gateway Timeout`).
 */
export function isReasonPhrase(status: number, phrase: string): boolean {
  const p = letters(phrase);
  const known = [REASON_PHRASES[status], ...(OTHER_PHRASES[status] ?? [])];
  return known.some((k) => k !== undefined && p.startsWith(letters(k)));
}

/**
 * Whether an error code only restates an HTTP status in words, e.g.
 * `unprocessable_entity_error`, `NOT_FOUND`, `too_many_requests`: such a code
 * says nothing about which provider sent it.
 */
export function isStatusWordsCode(code: string): boolean {
  const c = letters(code).replace(/(?:error|exception)$/, '');
  if (c.length < 5) return false;
  // Standard statuses only: 529's "Overloaded" is Anthropic's own, and so is its overloaded_error.
  return Object.entries(REASON_PHRASES).some(
    ([status, phrase]) => Number(status) <= 511 && phrase !== undefined && letters(phrase) === c,
  );
}

export function isHttpStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 100 && n <= 599;
}

/** gRPC status numbers and names. */
export const GRPC_STATUS_NAMES: readonly string[] = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

/** `ResourceExhausted` → `RESOURCE_EXHAUSTED`, when it is a gRPC status name. */
export function grpcNameFromCamel(camel: string): string | undefined {
  const snake = camel
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/^CANCELED$/, 'CANCELLED');
  return GRPC_STATUS_NAMES.includes(snake) ? snake : undefined;
}
