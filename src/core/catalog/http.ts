import type { ExampleResponse } from './schema';

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

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? '';
}

/**
 * An example response as it would look on the wire: status line, headers, blank line, body.
 * With no HTTP status the first line says so, unless `statusPlaceholder` is false.
 */
export function formatHttpResponse(
  example: ExampleResponse,
  { statusPlaceholder = true } = {},
): string {
  const lines: string[] = [];
  if (example.status !== null) {
    lines.push(`HTTP/1.1 ${example.status} ${reasonPhrase(example.status)}`.trimEnd());
  } else if (statusPlaceholder) {
    lines.push('(no HTTP response)');
  }
  for (const [name, value] of Object.entries(example.headers ?? {}))
    lines.push(`${name}: ${value}`);
  const body = example.body;
  const text =
    typeof body === 'string'
      ? body
      : body === null || body === undefined
        ? ''
        : JSON.stringify(body, null, 2);
  if (text.trim() !== '') {
    if (lines.length > 0) lines.push('');
    lines.push(text);
  }
  return lines.join('\n');
}
