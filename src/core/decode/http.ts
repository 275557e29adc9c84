/** Small HTTP and gRPC vocabularies shared by the paste reader and the header explainer. */

/** Standard reason phrases (and the non-standard ones LLM providers use). */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  200: 'OK',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  424: 'Failed Dependency',
  429: 'Too Many Requests',
  498: 'Invalid Token',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  520: 'Unknown Error',
  521: 'Web Server Is Down',
  522: 'Connection Timed Out',
  524: 'A Timeout Occurred',
  529: 'Overloaded',
};

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
