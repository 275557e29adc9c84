import type { ExampleResponse } from './schema';

const reasons: Record<number, string> = {
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
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return reasons[status] ?? '';
}

/** An example response as it would look on the wire. */
export function formatHttpResponse(example: ExampleResponse): string {
  const lines: string[] = [];
  if (example.status === null) {
    lines.push('(no HTTP response)');
  } else {
    lines.push(`HTTP/1.1 ${example.status} ${reasonPhrase(example.status)}`.trimEnd());
  }
  for (const [name, value] of Object.entries(example.headers)) lines.push(`${name}: ${value}`);
  const body =
    typeof example.body === 'string'
      ? example.body
      : example.body === undefined
        ? ''
        : JSON.stringify(example.body, null, 2);
  if (body) lines.push('', body);
  return lines.join('\n');
}
