/**
 * One test per evidence rule of the decoder (issue 9): each pins what the rule
 * decides on a short paste of the kind it exists for, so removing the rule
 * fails here and not only somewhere in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { decodeText } from './match';
import { parsePaste } from './parse-paste';
import { parseLooseLiteral } from './loose-json';
import { findMentions } from './hints';
import { isReasonPhrase, isStatusWordsCode } from './http';

const catalogs = loadShippedCatalogs();
const top = (text: string) => {
  const r = decodeText(text, catalogs);
  const m = r.matches[0];
  return { verdict: r.verdict, first: m ? `${m.providerId}/${m.entry.id}` : undefined, r };
};

describe('who the paste names', () => {
  it('reads an SDK module path as the SDK, not as the company', () => {
    expect(findMentions('openai.NotFoundError: Error code: 404').map((m) => m.providerId)).toEqual(
      [],
    );
    expect(findMentions('OpenAI API error: 429').map((m) => m.providerId)).toEqual(['openai']);
  });

  it('weighs "OpenAI" as a protocol name below another provider’s docs host', () => {
    const { verdict, first } = top(
      "OpenAI API error: Error code: 429 - {'error': {'code': 'rate_limit_error', 'message': 'Too many tokens. For details, refer to: https://docs.anthropic.com/en/api/rate-limits.', 'type': 'invalid_request_error', 'param': None}}",
    );
    expect(verdict.kind).toBe('clear');
    expect(first).toBe('anthropic/429-rate_limit_error');
  });

  it('lets a gateway’s host outrank the OpenAI SDK it was called with', () => {
    const { first } = top(
      "openai.NotFoundError: Error code: 404 - {'error': {'message': 'No endpoints found. Configure: https://openrouter.ai/settings/privacy', 'code': 404}}",
    );
    expect(first).toBe('openrouter/404-not_found');
  });

  it('reads a cookie domain as a host', () => {
    expect(
      findMentions('"set-cookie": "__cf_bm=x; path=/; domain=.groq.com; HttpOnly"')[0],
    ).toMatchObject({ providerId: 'groq', kind: 'host' });
  });

  it('names a provider by the response headers only it documents', () => {
    const mentions = findMentions('', ['openai-processing-ms', 'x-request-id']);
    expect(mentions).toEqual([
      { providerId: 'openai', found: 'openai-processing-ms', kind: 'header' },
    ]);
  });
});

describe('headers only', () => {
  it('takes a rate-limit header at 0 as a rate-limit error of the provider the headers name', () => {
    const { verdict, first } = top(`{
  'anthropic-ratelimit-requests-limit': '50',
  'anthropic-ratelimit-requests-remaining': '0',
  'anthropic-ratelimit-tokens-remaining': '12000',
  'request-id': 'req_x'
}`);
    expect(verdict.kind).toBe('clear');
    expect(first).toBe('anthropic/429-rate_limit_error');
  });

  it('reads the headers of a printed SDK error object', () => {
    const p = parsePaste(
      '{"status": 429, "headers": {"openai-version": "2020-10-01", "x-request-id": "req_1"}}',
    );
    expect(p.headers['openai-version']).toBe('2020-10-01');
    expect(top('{"status": 429, "headers": {"openai-version": "2020-10-01"}}').first).toMatch(
      /^openai\/429-/,
    );
  });
});

describe('statuses in text', () => {
  it.each([
    ['INFO:httpx:HTTP Request: POST https://x/y "HTTP/1.1 422 Unprocessable Entity"', 422],
    ['Reason: OAI Compatible API error: [400] Bad Request {"error":{}}', 400],
    ['API Error (api.anthropic.com | 504: Gateway time-out) · Retrying', 504],
    ['Error: Error processing ChatNode: OpenAIError: 408 {"error":{"code":"Timeout"}}', 408],
  ])('%s → %i', (text, status) => {
    expect(parsePaste(text).status).toBe(status);
  });

  it('matches reason phrases whatever the hyphens and case', () => {
    expect(isReasonPhrase(504, 'Gateway time-out')).toBe(true);
    expect(isReasonPhrase(504, 'Bad Gateway')).toBe(false);
  });

  it('takes the status from a body that a line break kept from parsing', () => {
    const p = parsePaste(
      '{"detail":"Request was throttled. Your rate\nlimit resets in ~5s.","status":429}',
    );
    expect(p.status).toBe(429);
    expect(p.body).toMatchObject({
      detail: 'Request was throttled. Your rate limit resets in ~5s.',
    });
  });
});

describe('what the error is', () => {
  it('masks ids, so a message word for word a catalog entry’s wins over a different status', () => {
    const { verdict, first } = top(
      '429 "Your team 0f2a51a2-40f4-4a80-8ad0-cae00c27e8dd has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit."',
    );
    expect(verdict.kind).toBe('clear');
    expect(first).toBe('xai/403-credits-or-spending-limit');
  });

  it('finds a long entry message inside a longer paste', () => {
    const { first, r } = top(
      'RetryError [AI_RetryError]: Failed after 3 attempts. Last error: Rate limit reached for model `llama-3.1-8b-instant` in organization `org_1` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5000, Requested 1400. Please try again in 4.7s. Visit https://console.groq.com/docs/rate-limits for more information.',
    );
    expect(first).toBe('groq/429-rate_limit_exceeded');
    expect(r.matches[0]?.reasons.some((x) => x.detail.includes('of the words of this entry'))).toBe(
      true,
    );
  });

  it('lets the words pick the kind of error the named provider has', () => {
    const { first } = top(
      "{'error': {'message': 'You have been rate limited. Upgrade at https://api.together.xyz/settings/billing.', 'type': 'credit_limit', 'param': None, 'code': None}}",
    );
    expect(first).toBe('together/429-rate_limit');
  });

  it('weighs codes that restate a status, or that many providers use, below an own code', () => {
    expect(isStatusWordsCode('unprocessable_entity_error')).toBe(true);
    expect(isStatusWordsCode('NOT_FOUND')).toBe(true);
    expect(isStatusWordsCode('overloaded_error')).toBe(false);
    const { verdict } = top(
      "Error code: 422 - {'type': 'error', 'error': {'type': 'unprocessable_entity_error', 'message': 'output blocked'}, 'request_id': 'x'}",
    );
    expect(verdict.kind).not.toBe('clear');
  });
});

describe('body shapes', () => {
  it('never names a provider from the shape alone', () => {
    expect(
      top('Some tool failed: {"error":"Server overloaded, please retry shortly"}').verdict.kind,
    ).not.toBe('clear');
  });

  it('counts body fields only one provider documents', () => {
    const { first, r } = top(
      'API Error: 400 {"error":{"message":"Upstream said no","code":400,"metadata":{"raw":"{}","provider_name":"X"}}}',
    );
    expect(first).toBe('openrouter/400-invalid_request');
    expect(r.matches[0]?.reasons.some((x) => x.detail.includes('error.metadata'))).toBe(true);
  });

  it('is unsure when only the shared envelope separates two providers', () => {
    const { verdict } = top(
      'Error: 408 {"error":{"code":"Timeout","message":"The operation was timeout."}}',
    );
    expect(verdict.kind).not.toBe('clear');
  });
});

describe('no entry fits', () => {
  it('says so when the named provider has no entry for the status, instead of naming another', () => {
    const { verdict } = top(
      'Error: API error from mistral: status: 520 endpoint: https://api.mistral.ai body: <title>mistral.ai | 520: Web server is returning an unknown error</title>',
    );
    expect(verdict.kind).toBe('none');
    expect(verdict.text).toContain('Mistral');
  });

  it('says so when the best entry has another status and nothing else pins it', () => {
    const { verdict } = top(
      'openai.InternalServerError: <html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center>',
    );
    expect(verdict.kind).not.toBe('clear');
  });
});

describe('wrapped lines', () => {
  it('reads a line break inside a string as a space only when asked', () => {
    expect(parseLooseLiteral('{"a": "wrapped\n   line"}')).toBeUndefined();
    expect(parseLooseLiteral('{"a": "wrapped\n   line"}', 0, { wrapped: true })?.value).toEqual({
      a: 'wrapped line',
    });
  });
});
