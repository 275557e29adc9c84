import { describe, expect, it } from 'vitest';
import { MAX_ANALYSED_CHARS, parsePaste, type ParsedPaste } from './parse-paste';

const codesOf = (p: ParsedPaste) => p.codes.map((c) => c.value);
const messagesOf = (p: ParsedPaste) => p.messages.map((m) => m.text);
const noteCodes = (p: ParsedPaste) => p.notes.map((n) => n.code);

describe('parsePaste: raw HTTP responses', () => {
  it('reads the status line, headers and a JSON body', () => {
    const p = parsePaste(
      [
        'HTTP/1.1 429 Too Many Requests',
        'Retry-After: 7',
        'x-ratelimit-reset-requests: 6m0s',
        'content-type: application/json',
        '',
        '{"error":{"message":"Rate limit reached for requests","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}',
      ].join('\r\n'),
    );
    expect(p.kind).toBe('structured');
    expect(p.status).toBe(429);
    expect(p.statusText).toBe('Too Many Requests');
    expect(p.statusSource).toBe('status-line');
    expect(p.headers).toEqual({
      'retry-after': '7',
      'x-ratelimit-reset-requests': '6m0s',
      'content-type': 'application/json',
    });
    expect(p.bodyFormat).toBe('json');
    expect(codesOf(p)).toEqual(['rate_limit_error', 'rate_limit_exceeded']);
    expect(messagesOf(p)).toEqual(['Rate limit reached for requests']);
    expect(p.notes.find((n) => n.code === 'found')?.text).toContain('HTTP status 429');
  });

  it.each([
    ['HTTP/2 503', 503],
    ['503 Service Unavailable', 503],
    ['status: 429', 429],
    ['Status Code: 402 Payment Required', 402],
    ['status_code=500', 500],
    ['< HTTP/1.1 401 Unauthorized', 401],
  ])('finds the status in "%s"', (line, status) => {
    expect(parsePaste(`${line}\n{"message":"x"}`).status).toBe(status);
  });

  it('does not take any three-digit number for a status', () => {
    expect(parsePaste('I sent 500 requests and it failed').status).toBeUndefined();
    expect(parsePaste('500 apples').status).toBeUndefined();
  });

  it('finds a JSON body embedded after other text and ignores curl request headers', () => {
    const p = parsePaste(
      [
        '> POST /v1/messages HTTP/1.1',
        '> x-api-key: sk-ant-xxx',
        '< HTTP/1.1 529',
        '< request-id: req_011CSHoEeqs5C35K2UUqR7Fy',
        'the response was: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} and then it stopped',
      ].join('\n'),
    );
    expect(p.status).toBe(529);
    expect(p.headers).toEqual({ 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' });
    expect(p.body).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it('reads a headers dump printed as a dict instead of mistaking it for the body', () => {
    const p = parsePaste(
      `{'retry-after': '20', 'x-request-id': 'req_1'}\n{'error': {'message': 'slow down', 'type': 'rate_limit_error'}}`,
    );
    expect(p.headers).toEqual({ 'retry-after': '20', 'x-request-id': 'req_1' });
    expect(p.body).toEqual({ error: { message: 'slow down', type: 'rate_limit_error' } });
  });

  it('picks the error among several objects, e.g. in an SSE stream, and says it is a stream', () => {
    const p = parsePaste(
      [
        'HTTP/1.1 200 OK',
        'content-type: text/event-stream',
        '',
        'event: message_start',
        'data: {"type":"message_start","message":{"id":"msg_1"}}',
        '',
        'event: error',
        'data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      ].join('\n'),
    );
    expect(p.body).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    expect(p.sse?.events).toEqual(['message_start', 'error']);
    expect(noteCodes(p)).toEqual(expect.arrayContaining(['sse', 'several-bodies']));
  });

  it('reads the HTTP status a body repeats when there is no status line, and says so', () => {
    const p = parsePaste(
      '{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}',
    );
    expect(p.status).toBe(429);
    expect(p.statusSource).toBe('body');
    expect(p.notes.find((n) => n.code === 'status-from-body')?.text).toContain('error.code');
  });

  it('notes a 200 response whose body reports an error', () => {
    const p = parsePaste(
      'HTTP/1.1 200 OK\n\ndata: {"error":{"code":502,"message":"Provider disconnected"}}',
    );
    expect(p.status).toBe(200);
    expect(p.notes.find((n) => n.code === 'status-mismatch')?.text).toContain(
      'HTTP 200 but the body reports 502',
    );
  });

  it('unwraps the list Google wraps streamed errors in', () => {
    const p = parsePaste(
      '[{"error": {"code": 503, "message": "overloaded", "status": "UNAVAILABLE"}}]',
    );
    expect(p.body).toEqual({ error: { code: 503, message: 'overloaded', status: 'UNAVAILABLE' } });
    expect(noteCodes(p)).toContain('array-body');
  });
});

describe('parsePaste: SDK exception lines', () => {
  it('anthropic (Python): module, class, status and the repr body', () => {
    const p = parsePaste(
      "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}",
    );
    expect(p.sdk).toMatchObject({
      module: 'anthropic',
      className: 'InternalServerError',
      qualifiedName: 'anthropic.InternalServerError',
      language: 'python',
      status: 529,
    });
    expect(p.status).toBe(529);
    expect(p.statusSource).toBe('sdk');
    expect(p.bodyFormat).toBe('python');
    expect(p.body).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    });
    expect(noteCodes(p)).toContain('python-repr');
  });

  it('openai (Python): insufficient_quota with None', () => {
    const p = parsePaste(
      "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
    );
    expect(p.sdk?.module).toBe('openai');
    expect(p.status).toBe(429);
    expect(p.body).toMatchObject({ error: { param: null, code: 'insufficient_quota' } });
    expect(codesOf(p)).toEqual(['insufficient_quota']);
  });

  it('cerebras (Python): a dotted module path', () => {
    const p = parsePaste(
      "cerebras.cloud.sdk.RateLimitError: Error code: 429 - {'message': 'Requests per minute limit exceeded - too many requests sent.', 'type': 'too_many_requests_error', 'param': 'quota', 'code': 'request_quota_exceeded'}",
    );
    expect(p.sdk).toMatchObject({
      module: 'cerebras.cloud.sdk',
      className: 'RateLimitError',
      status: 429,
    });
    expect(codesOf(p)).toEqual(['too_many_requests_error', 'request_quota_exceeded']);
  });

  it('JS SDKs: "RateLimitError: 429 {...}" and "Error: 429 ..."', () => {
    const a = parsePaste(
      'RateLimitError: 429 {"error":{"message":"Rate limit reached for requests","type":"rate_limit_error","code":"rate_limit_exceeded"}}',
    );
    expect(a.sdk).toMatchObject({
      className: 'RateLimitError',
      language: 'javascript',
      status: 429,
    });
    expect(a.sdk?.module).toBeUndefined();
    expect(a.body).toMatchObject({ error: { code: 'rate_limit_exceeded' } });

    const b = parsePaste(
      'Error: 429 status code (no body)\n    at APIError.generate (node_modules/openai/error.js:1:1)',
    );
    expect(b.sdk).toMatchObject({
      className: 'Error',
      status: 429,
      message: 'status code (no body)',
    });
    expect(b.packages).toEqual(['openai']);
  });

  it('google-genai: status and status name before the body', () => {
    const p = parsePaste(
      "google.genai.errors.ClientError: 429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'You exceeded your current quota.', 'status': 'RESOURCE_EXHAUSTED'}}",
    );
    expect(p.sdk).toMatchObject({
      module: 'google.genai.errors',
      className: 'ClientError',
      status: 429,
      statusName: 'RESOURCE_EXHAUSTED',
    });
    expect(codesOf(p)).toContain('RESOURCE_EXHAUSTED');
  });

  it('botocore: the error code, operation and message of "An error occurred (...)"', () => {
    const p = parsePaste(
      'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many requests, please wait before trying again.',
    );
    expect(p.aws).toEqual({
      errorCode: 'ThrottlingException',
      operation: 'Converse',
      message: 'Too many requests, please wait before trying again.',
      source: 'botocore',
    });
    expect(p.sdk?.module).toBe('botocore.errorfactory');
    expect(p.sdk?.message).toBe('Too many requests, please wait before trying again.');
    expect(codesOf(p)).toEqual(['ThrottlingException']);
  });

  it('Bedrock x-amzn-ErrorType header', () => {
    const p = parsePaste(
      'HTTP/1.1 429\nx-amzn-ErrorType: ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/\n\n{"message":"Too many requests, please wait before trying again."}',
    );
    expect(p.aws).toEqual({ errorCode: 'ThrottlingException', source: 'header' });
    expect(p.codes).toEqual([{ value: 'ThrottlingException', source: 'x-amzn-errortype header' }]);
  });

  it('gRPC: Python status names, Go style and grpc-status trailers', () => {
    const py = parsePaste(
      'grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.RESOURCE_EXHAUSTED\n\tdetails = "Too many requests."\n>',
    );
    expect(py.grpc).toEqual({ name: 'RESOURCE_EXHAUSTED', message: 'Too many requests.' });
    expect(py.sdk?.message).toBeUndefined();

    const go = parsePaste('rpc error: code = ResourceExhausted desc = Too many requests.');
    expect(go.grpc).toEqual({ name: 'RESOURCE_EXHAUSTED', message: 'Too many requests.' });

    const trailers = parsePaste('grpc-status: 16\ngrpc-message: Invalid API key.');
    expect(trailers.grpc).toEqual({
      name: 'UNAUTHENTICATED',
      number: 16,
      message: 'Invalid API key.',
    });
    expect(codesOf(trailers)).toEqual(['UNAUTHENTICATED']);
  });

  it('mistralai and cohere lines put the status in the words', () => {
    const m = parsePaste(
      'mistralai.models.sdkerror.SDKError: API error occurred: Status 429\n{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}',
    );
    expect(m.status).toBe(429);
    expect(codesOf(m)).toEqual(['rate_limited', '1300']);
    const c = parsePaste(
      `cohere.errors.too_many_requests_error.TooManyRequestsError: status_code: 429, body: {'message': "You are past the per minute request limit, please wait and try again later."}`,
    );
    expect(c.status).toBe(429);
    expect(c.sdk?.className).toBe('TooManyRequestsError');
  });

  it('takes the last exception of a Python traceback, and the packages in its paths', () => {
    const p = parsePaste(
      [
        'Traceback (most recent call last):',
        '  File "/usr/lib/python3.12/site-packages/httpx/_transports/default.py", line 69, in map_httpcore_exceptions',
        'httpx.ConnectError: [Errno -2] Name or service not known',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        '  File "/usr/lib/python3.12/site-packages/openai/_base_client.py", line 1002, in request',
        'openai.APIConnectionError: Connection error.',
      ].join('\n'),
    );
    expect(p.sdkLines.map((l) => l.qualifiedName)).toEqual([
      'httpx.ConnectError',
      'openai.APIConnectionError',
    ]);
    expect(p.sdk?.qualifiedName).toBe('openai.APIConnectionError');
    expect(p.packages).toEqual(['httpx', 'openai']);
    expect(messagesOf(p)).toContain('Connection error.');
  });

  it('reads the prose an SDK prints under its exception line as a message', () => {
    const p = parsePaste(
      'huggingface_hub.errors.HfHubHTTPError: 402 Client Error: Payment Required for url: https://router.huggingface.co/v1/chat/completions\n\nYou have exceeded your monthly included credits for Inference Providers.',
    );
    expect(p.status).toBe(402);
    expect(messagesOf(p)).toContain(
      'You have exceeded your monthly included credits for Inference Providers.',
    );
  });
});

describe('parsePaste: broken, odd and hostile pastes', () => {
  it('says an empty paste is empty', () => {
    const p = parsePaste('  \n\t ');
    expect(p.kind).toBe('empty');
    expect(p.notes[0]?.text).toMatch(/empty/);
  });

  it('says garbage is not an API error', () => {
    for (const garbage of [
      '%%%$#@!',
      '1234 5678 ::: ;;;',
      '\u0000\u0001\u0002\u0003\u0004 \u0005',
    ]) {
      const p = parsePaste(garbage);
      expect(p.kind).toBe('unrecognised');
      expect(p.notes.find((n) => n.code === 'nothing-found')?.level).toBe('warning');
      expect(p.codes).toEqual([]);
    }
    expect(noteCodes(parsePaste('\u0000\u0001\u0002\u0003\u0004 \u0005'))).toContain('binary');
  });

  it('treats plain words as a message to match', () => {
    const p = parsePaste('The engine is currently overloaded, please try again later');
    expect(p.kind).toBe('text');
    expect(messagesOf(p)).toEqual(['The engine is currently overloaded, please try again later']);
    expect(noteCodes(p)).toContain('free-text');
  });

  it('detects an nginx HTML error page and says what it is', () => {
    const p = parsePaste(
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    );
    expect(p.kind).toBe('html');
    expect(p.html).toEqual({
      title: '502 Bad Gateway',
      heading: '502 Bad Gateway',
      server: 'nginx',
      status: 502,
    });
    expect(p.status).toBe(502);
    expect(p.statusSource).toBe('html');
    const note = p.notes.find((n) => n.code === 'html');
    expect(note?.text).toContain('HTML error page');
    expect(note?.text).toContain('nginx');
  });

  it('detects a Cloudflare page, ignoring the braces in its CSS', () => {
    const p = parsePaste(
      '<!DOCTYPE html><html><head><title>api.example.com | 520: Web server is returning an unknown error</title><style>body{margin:0;padding:0} .x { color: red }</style></head><body><span>Error code 520</span><a href="https://www.cloudflare.com">Cloudflare</a></body></html>',
    );
    expect(p.kind).toBe('html');
    expect(p.body).toBeUndefined();
    expect(p.html?.server).toBe('Cloudflare');
    expect(p.status).toBe(520);
    expect(p.recovered).toEqual({});
  });

  it('recovers what it can from truncated JSON and says it was truncated', () => {
    const p = parsePaste(
      'HTTP/1.1 429\n{"error": {"message": "You exceeded your current quota, please check your plan", "type": "insufficient_quota", "param": null, "code": "insuff',
    );
    expect(p.bodyTruncated).toBe(true);
    expect(p.body).toEqual({
      error: {
        message: 'You exceeded your current quota, please check your plan',
        type: 'insufficient_quota',
        param: null,
        code: 'insuff',
      },
    });
    const note = p.notes.find((n) => n.code === 'truncated');
    expect(note?.level).toBe('warning');
    expect(note?.text).toContain('truncated');
  });

  it('picks fields out by pattern when the JSON is broken beyond repair', () => {
    const p = parsePaste(
      `{"type": "error", "error": {"type": "overloaded_error" "message": "Overloaded"}, "request_id": "req_1"}`,
    );
    expect(p.body).toBeUndefined();
    expect(p.recovered).toEqual({ type: 'error', message: 'Overloaded' });
    expect(codesOf(p)).toEqual(['overloaded_error']);
    expect(messagesOf(p)).toEqual(['Overloaded']);
    expect(p.notes.find((n) => n.code === 'recovered')?.text).toContain('message = Overloaded');
  });

  it('caps a 5 MB paste at 200 KB and says so', () => {
    const line =
      '{"error":{"message":"Rate limit reached","type":"rate_limit_error","code":"rate_limit_exceeded"}}\n';
    const huge = `HTTP/1.1 429 Too Many Requests\n${line.repeat(Math.ceil(5_000_000 / line.length))}`;
    const p = parsePaste(huge);
    expect(p.capped).toBe(true);
    expect(p.inputLength).toBe(huge.length);
    expect(p.analysedLength).toBe(MAX_ANALYSED_CHARS);
    expect(p.status).toBe(429);
    expect(codesOf(p)).toContain('rate_limit_exceeded');
    expect(p.notes.find((n) => n.code === 'capped')?.text).toMatch(
      /5\.\d MB; only the first 200 KB/,
    );
  });

  it.each([
    ['unbalanced braces', '{'.repeat(5_000_000)],
    ['deep nesting', '{"a":'.repeat(1_000_000)],
    ['repeated quotes', `{${"'type': '".repeat(500_000)}`],
    ['one long line of letters', 'a'.repeat(5_000_000)],
    ['many short lines', 'x: y\n'.repeat(1_000_000)],
  ])('never throws on %s, and reads only the capped part', (_name, text) => {
    const p = parsePaste(text);
    expect(p.capped).toBe(true);
    expect(p.notes.length).toBeGreaterThan(0);
  });
});
