/** Property tests: any paste decodes to a verdict in words, never a crash; headers always explained. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString } from '../../testing/properties';
import { explainHeaders, parseRetryAfter } from './headers';
import { decodeText } from './match';
import { loadShippedCatalogs } from '../../testing/catalogs';

const catalogs = loadShippedCatalogs();
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

/** Pieces of real error pastes, shuffled and broken the way copy-paste breaks them. */
const fragment = fc.oneof(
  fc.constantFrom(
    'HTTP/1.1 429 Too Many Requests',
    'HTTP/2 529',
    'retry-after: 7',
    'retry-after-ms: 1500',
    'x-ratelimit-remaining-requests: 0',
    'anthropic.InternalServerError: Error code: 529 - ',
    'openai.RateLimitError: Error code: 429 - ',
    "{'error': {'message': 'Rate limit reached', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
    '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    'data: {"error": {"message": "stream broke"}}',
    '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>',
    'google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded',
    '{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"',
  ),
  fc.json({ maxDepth: 3 }),
  hostileString(200),
);

describe('decode under generated pastes', () => {
  it('any paste: ranked matches and a verdict in words', () => {
    checkProperty(
      'pasted errors (decodeText)',
      fc.property(
        fc.array(fragment, { maxLength: 6 }),
        fc.constantFrom('\n', ' ', ''),
        (parts, sep) => {
          const result = decodeText(parts.join(sep), catalogs, { limit: 5 });
          expect(result.verdict.text).toMatch(/\S/);
          expect(result.matches.length).toBeLessThanOrEqual(5);
          for (const m of result.matches) expect(Number.isFinite(m.score)).toBe(true);
        },
      ),
      600,
    );
  }, 60_000);

  it('any header value: an explanation in words with no NaN or Infinity in it', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'retry-after',
        'retry-after-ms',
        'x-ratelimit-reset-requests',
        'x-ratelimit-reset-tokens',
        'anthropic-ratelimit-requests-reset',
        'x-should-retry',
      ),
      fc.string({ minLength: 1, maxLength: 30 }),
    );
    const value = fc.oneof(
      fc.double().map(String),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      hostileString(80),
    );
    checkProperty(
      'response headers incl. Retry-After (explainHeaders, parseRetryAfter)',
      fc.property(fc.dictionary(name, value, { maxKeys: 6 }), (headers) => {
        for (const h of explainHeaders(headers, { now: NOW })) {
          expect(h.text).toMatch(/\S/);
          // The raw value may be quoted back; our own figures must be readable numbers.
          expect(h.text.split(h.value).join('')).not.toMatch(/NaN|Infinity|\de[+-]?\d/);
        }
        for (const v of Object.values(headers)) {
          const parsed = parseRetryAfter(v, NOW);
          if (parsed?.seconds !== undefined) expect(parsed.seconds).toBeGreaterThanOrEqual(0);
        }
      }),
      2000,
    );
  }, 60_000);
});
