import { describe, expect, it } from 'vitest';
import {
  explainHeaders,
  formatSeconds,
  parseDurationSeconds,
  parseRetryAfter,
  retryAfterSeconds,
} from './headers';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const textOf = (headers: Record<string, string>, providerId?: string) =>
  explainHeaders(headers, { now: NOW, providerId }).map((h) => h.text);

describe('parseDurationSeconds', () => {
  it.each([
    ['6m0s', 360],
    ['1s', 1],
    ['2m59.56s', 179.56],
    ['7.66s', 7.66],
    ['20ms', 0.02],
    ['1h2m3s', 3723],
    ['12.5', 12.5],
  ])('%s → %s s', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBeCloseTo(seconds, 6);
  });

  it.each(['', 'soon', '6x', '1s2', '-1s'])('rejects %j', (text) => {
    expect(parseDurationSeconds(text)).toBeUndefined();
  });
});

describe('formatSeconds', () => {
  it.each([
    [7, '7 s'],
    [0.25, '250 ms'],
    [90.04, '90 s'],
    [360, '6 min'],
    [3723, '62 min 3 s'],
    [5400, '90 min'],
    [9000, '2 h 30 min'],
    [259_200, '3 days'],
  ])('%s → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('explainHeaders: retry hints', () => {
  it('reads Retry-After in seconds', () => {
    const [h] = explainHeaders({ 'Retry-After': '7' });
    expect(h).toEqual({
      name: 'retry-after',
      value: '7',
      kind: 'retry',
      text: 'retry after 7 s',
      waitSeconds: 7,
    });
  });

  it('reads Retry-After as an HTTP date relative to now', () => {
    const [h] = explainHeaders(
      { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' },
      { now: new Date(NOW) },
    );
    expect(h?.waitSeconds).toBe(30);
    expect(h?.text).toBe('retry after 30 s (at Sun, 01 Mar 2026 12:00:30 GMT)');
  });

  it('says when the Retry-After date has passed, and gives the date alone without a now', () => {
    expect(textOf({ 'retry-after': 'Sun, 01 Mar 2026 11:59:00 GMT' })).toEqual([
      'retry now: the retry time (Sun, 01 Mar 2026 11:59:00 GMT) has passed',
    ]);
    expect(explainHeaders({ 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' })[0]?.text).toBe(
      'retry at Sun, 01 Mar 2026 12:00:30 GMT',
    );
  });

  it('warns when the wait is longer than SDKs honour, and flags nonsense', () => {
    expect(textOf({ 'retry-after': '90' })[0]).toContain(
      'longer than the Anthropic, Groq and Cerebras SDKs honour (60 s)',
    );
    expect(textOf({ 'retry-after': '3600' })[0]).toMatch(
      /^retry after 60 min: longer than any SDK will wait/,
    );
    expect(textOf({ 'retry-after': 'whenever' })).toEqual([
      'retry-after value "whenever" is neither seconds nor a date',
    ]);
  });

  it('reads retry-after-ms, x-amz-retry-after and x-should-retry', () => {
    expect(
      explainHeaders({
        'retry-after-ms': '4000',
        'x-amz-retry-after': '250',
        'x-should-retry': 'false',
      }),
    ).toEqual([
      {
        name: 'retry-after-ms',
        value: '4000',
        kind: 'retry',
        text: 'retry after 4000 ms (4 s)',
        waitSeconds: 4,
      },
      {
        name: 'x-amz-retry-after',
        value: '250',
        kind: 'retry',
        text: 'retry after 250 ms',
        waitSeconds: 0.25,
      },
      {
        name: 'x-should-retry',
        value: 'false',
        kind: 'retry',
        text: 'the server tells SDKs not to retry this request',
      },
    ]);
    expect(textOf({ 'x-should-retry': 'true' })).toEqual([
      'the server tells SDKs to retry this request',
    ]);
  });

  it('retryAfterSeconds prefers retry-after-ms over retry-after', () => {
    expect(retryAfterSeconds({ 'retry-after': '4', 'retry-after-ms': '3500' })).toBe(3.5);
    expect(retryAfterSeconds([['Retry-After', '12']])).toBe(12);
    expect(retryAfterSeconds({ 'x-request-id': 'req_1' })).toBeUndefined();
    expect(parseRetryAfter('nonsense')).toBeUndefined();
  });
});

describe('explainHeaders: rate-limit dialects', () => {
  it('OpenAI: limits, remaining and Go-duration resets', () => {
    expect(
      textOf({
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '6m0s',
        'x-ratelimit-reset-tokens': '1.5s',
        'x-ratelimit-remaining-project-tokens': '900',
      }),
    ).toEqual([
      'request limit: 500',
      'request limit: 0 remaining, this limit is used up',
      'request limit, resets in 6m0s',
      'token limit, resets in 1.5s',
      'project token limit: 900 remaining',
    ]);
    const reset = explainHeaders({ 'x-ratelimit-reset-requests': '6m0s' })[0];
    expect(reset?.resetSeconds).toBe(360);
  });

  it('Groq: the same names count requests per day and tokens per minute', () => {
    expect(
      textOf(
        { 'x-ratelimit-reset-requests': '6m0s', 'x-ratelimit-remaining-tokens': '17997' },
        'groq',
      ),
    ).toEqual(['daily request limit, resets in 6m0s', 'per-minute token limit: 17997 remaining']);
  });

  it('Anthropic: RFC 3339 reset timestamps read against now', () => {
    const [limit, reset] = explainHeaders(
      {
        'anthropic-ratelimit-input-tokens-limit': '400000',
        'anthropic-ratelimit-tokens-reset': '2026-03-01T12:00:42Z',
      },
      { now: NOW },
    );
    expect(limit?.text).toBe('input-token limit: 400000');
    expect(reset?.text).toBe('token limit, resets in 42 s (at 2026-03-01T12:00:42Z)');
    expect(reset?.resetSeconds).toBe(42);
    expect(
      explainHeaders({ 'anthropic-ratelimit-requests-reset': '2026-03-01T12:00:42Z' })[0]?.text,
    ).toBe('request limit, resets at 2026-03-01T12:00:42Z');
  });

  it('Cerebras: day/minute suffixes with float-second resets', () => {
    expect(
      textOf({
        'x-ratelimit-limit-requests-day': '14400',
        'x-ratelimit-reset-tokens-minute': '12.5',
        'x-ratelimit-remaining-tokens-minute': '0',
      }),
    ).toEqual([
      'daily request limit: 14400',
      'per-minute token limit, resets in 12.5 s',
      'per-minute token limit: 0 remaining, this limit is used up',
    ]);
  });

  it('Mistral, Fireworks, Azure and generic headers', () => {
    expect(
      textOf({
        'x-ratelimit-limit-req-minute': '60',
        'x-ratelimit-tokens-query-cost': '350',
        'X-Ratelimit-Limit-Tokens-Prompt': '3600000',
        'x-ratelimit-reset-tokens': '4',
        'X-RateLimit-Remaining': '10',
        'x-ratelimit-reset': String(NOW / 1000 + 90),
      }),
    ).toEqual([
      'per-minute request limit: 60',
      'this request counted 350 tokens against the token limit',
      'prompt-token limit: 3600000',
      'token limit, resets in 4 s',
      'rate limit: 10 remaining',
      'rate limit, resets in 90 s (at 2026-03-01T12:01:30.000Z)',
    ]);
  });
});

describe('explainHeaders: ids, errors and the rest', () => {
  it('names request ids for support', () => {
    expect(
      textOf({
        'x-request-id': 'req_abc',
        'request-id': 'req_011',
        'apim-request-id': 'a-1',
        'x-amzn-RequestId': 'r-1',
        'cf-ray': '8c1-LHR',
      }),
    ).toEqual([
      'request id req_abc: quote it if you contact support',
      'request id req_011: quote it if you contact support',
      'Azure API Management request id a-1: quote it if you contact support',
      'AWS request id r-1: quote it if you contact support',
      'Cloudflare ray id 8c1-LHR: the response passed through Cloudflare',
    ]);
  });

  it('explains error-bearing and content headers', () => {
    expect(
      textOf({
        'x-amzn-ErrorType':
          'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
        'grpc-status': '8',
        'grpc-message': 'Too%20many%20requests.',
        'content-type': 'text/html; charset=utf-8',
        server: 'cloudflare',
      }),
    ).toEqual([
      'AWS error type ThrottlingException',
      'gRPC status 8 (RESOURCE_EXHAUSTED)',
      'gRPC message: Too many requests.',
      'the body is an HTML page: usually a proxy, CDN or gateway answered, not the API itself',
      'served by cloudflare',
    ]);
  });

  it('leaves out headers it does not know and accepts pairs', () => {
    expect(
      explainHeaders([
        ['x-custom', '1'],
        ['ETag', 'abc'],
      ]),
    ).toEqual([]);
    expect(explainHeaders([['Retry-After', '3']]).map((h) => h.kind)).toEqual(['retry']);
  });
});

describe('values too large to be times (found by the property tests)', () => {
  it('a reset far beyond what a Date holds is explained, not thrown', () => {
    const [h] = explainHeaders({ 'anthropic-ratelimit-requests-reset': '9'.repeat(400) });
    expect(h?.text).toMatch(/reset time is out of range/);
  });

  it('huge durations read in words, not exponents', () => {
    expect(formatSeconds(1e300)).toBe('more than 100 years');
    expect(formatSeconds(86_400 * 3)).toBe('3 days');
  });
});
