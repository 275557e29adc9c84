/** Small HTTP and gRPC vocabularies shared by the paste reader and the header explainer. */
import { REASON_PHRASES } from '../catalog/http';

/** Other wordings seen after a status number. */
const OTHER_PHRASES: Readonly<Record<number, readonly string[]>> = {
  413: ['Request Entity Too Large', 'Content Too Large'],
  422: ['Unprocessable Content'],
  529: ['Site is overloaded'],
};

/** Whether `phrase` is a reason phrase for `status` (case-insensitive, prefix). */
export function isReasonPhrase(status: number, phrase: string): boolean {
  const p = phrase.trim().toLowerCase();
  const known = [REASON_PHRASES[status], ...(OTHER_PHRASES[status] ?? [])];
  return known.some((k) => k !== undefined && p.startsWith(k.toLowerCase()));
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
