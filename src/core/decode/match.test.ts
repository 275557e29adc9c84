import { describe, expect, it } from 'vitest';
import { parseProviderCatalog } from '../catalog/parse';
import type { ProviderCatalog } from '../catalog/schema';
import { decode, decodeText, formatExample, type DecodeResult } from './match';
import { parsePaste } from './parse-paste';
import { loadShippedCatalogs } from '../../testing/catalogs';

const catalogs = loadShippedCatalogs();
const run = (text: string) => decodeText(text, catalogs, { limit: 50 });
const top = (r: DecodeResult) => `${r.matches[0]?.providerId}/${r.matches[0]?.entry.id}`;
const kinds = (r: DecodeResult, i = 0) => r.matches[i]?.reasons.map((x) => x.kind) ?? [];

describe('decode: the acceptance cases', () => {
  it('an Anthropic 529 SDK line decodes to anthropic 529-overloaded_error first', () => {
    const r = run(
      "anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}",
    );
    expect(top(r)).toBe('anthropic/529-overloaded_error');
    expect(r.verdict.kind).toBe('clear');
    expect(r.verdict.providerIds).toEqual(['anthropic']);
    expect(kinds(r)).toEqual(
      expect.arrayContaining(['status', 'code', 'message', 'body-shape', 'sdk']),
    );
    const details = r.matches[0]?.reasons.map((x) => x.detail).join(' | ');
    expect(details).toContain('529');
    expect(details).toContain('overloaded_error');
    expect(details).toContain('anthropic');
    // Bedrock documents a 529 overloaded_error too; the Anthropic body shape and SDK put it below.
    const bedrock = r.matches.find((m) => m.providerId === 'bedrock');
    expect(bedrock?.score ?? 0).toBeLessThan(r.matches[0]?.score ?? 0);
  });

  it.each(['You exceeded your current quota, please check your plan and billing details.', '...'])(
    'openai.RateLimitError with insufficient_quota (message %j) decodes to the quota entry, not the plain rate limit',
    (message) => {
      const r = run(
        `openai.RateLimitError: Error code: 429 - {'error': {'message': '${message}', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`,
      );
      expect(top(r)).toBe('openai/429-insufficient_quota');
      expect(r.matches[0]?.entry.providerCodes).toContain('insufficient_quota');
      const plain = r.matches.find(
        (m) => m.providerId === 'openai' && m.entry.id === '429-rate_limit_exceeded',
      );
      expect(plain === undefined || plain.score < (r.matches[0]?.score ?? 0)).toBe(true);
      expect(r.matches[0]?.reasons.find((x) => x.kind === 'code')?.detail).toContain(
        'insufficient_quota',
      );
      // Siblings whose example has another error.code are ranked lower, and say why.
      const credit = r.matches.find((m) => m.entry.id === '429-credit_balance_exhausted');
      expect(credit?.conflicts.some((c) => c.detail.includes('credit_balance_exhausted'))).toBe(
        true,
      );
    },
  );
});

describe('decode: SDK lines from each family', () => {
  it.each([
    [
      'openai (JS)',
      'RateLimitError: 429 {"error":{"message":"Rate limit reached for requests","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}',
      'openai',
      '429-rate_limit_exceeded',
    ],
    [
      'anthropic (JS)',
      'Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}',
      'anthropic',
      '529-overloaded_error',
    ],
    [
      'cerebras (Python)',
      "cerebras.cloud.sdk.RateLimitError: Error code: 429 - {'message': 'Requests per minute limit exceeded - too many requests sent.', 'type': 'too_many_requests_error', 'param': 'quota', 'code': 'request_quota_exceeded'}",
      'cerebras',
      '429-request_quota_exceeded',
    ],
    [
      'google-genai (Python)',
      "google.genai.errors.ClientError: 429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', 'status': 'RESOURCE_EXHAUSTED'}}",
      'gemini',
      '429-resource_exhausted',
    ],
    [
      'botocore',
      'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many requests, please wait before trying again.',
      'bedrock',
      '429-throttlingexception',
    ],
    [
      'Bedrock header',
      'HTTP/1.1 400 Bad Request\nx-amzn-ErrorType: ServiceQuotaExceededException:http://internal.amazon.com/coral/com.amazon.bedrock/\n\n{"message":"Your request exceeded a service quota."}',
      'bedrock',
      '400-servicequotaexceededexception',
    ],
    [
      'gRPC (xai-sdk)',
      'grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAUTHENTICATED\n\tdetails = "Invalid API key."\n>',
      'xai',
      'grpc-unauthenticated',
    ],
    [
      'groq (Python)',
      "groq.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_1` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 500.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
      'groq',
      '429-rate_limit_exceeded',
    ],
    [
      'mistralai (Python)',
      'mistralai.models.sdkerror.SDKError: API error occurred: Status 429\n{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}',
      'mistral',
      '429-rate_limit_error',
    ],
    [
      'cohere (Python)',
      `cohere.errors.too_many_requests_error.TooManyRequestsError: status_code: 429, body: {'message': "You are past the per minute request limit, please wait and try again later."}`,
      'cohere',
      '429-per-minute-request-limit',
    ],
    [
      'httpx under mistralai',
      'httpx.ConnectError: [Errno -2] Name or service not known',
      'mistral',
      'connection-error',
    ],
  ])('%s', (_family, text, providerId, entryId) => {
    const r = run(text);
    expect(top(r)).toBe(`${providerId}/${entryId}`);
    expect(r.verdict.providerIds).toContain(providerId);
  });

  it('the exception class alone points at the entries that list it', () => {
    const r = run('openai.APITimeoutError: (the request was cancelled by the client)');
    expect(r.matches[0]?.entry.id).toBe('timeout');
    expect(r.matches[0]?.reasons.find((x) => x.kind === 'exception')?.detail).toContain(
      'openai.APITimeoutError',
    );
    // The openai. module is OpenAI's own SDK: a person reads it as OpenAI unless a host says otherwise.
    expect(r.verdict.kind).toBe('clear');
    expect(r.matches[0]?.providerId).toBe('openai');
    expect(r.matches.some((m) => m.providerId === 'wandb')).toBe(true);
    expect(r.matches.some((m) => m.providerId === 'anthropic')).toBe(false);
  });

  it('the SDK prefix is strong evidence for its family', () => {
    const body = `{'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}`;
    const anthropic = run(`anthropic.APIStatusError: ${body}`);
    const bedrockSdk = run(`botocore.exceptions.ClientError: ${body}`);
    const a = anthropic.matches.find((m) => m.providerId === 'anthropic');
    expect(a?.reasons.some((x) => x.kind === 'sdk' && x.detail.includes('anthropic.'))).toBe(true);
    const b = bedrockSdk.matches.find((m) => m.providerId === 'anthropic');
    expect(b?.conflicts.some((x) => x.kind === 'sdk')).toBe(true);
    expect((a?.score ?? 0) - (b?.score ?? 0)).toBeGreaterThanOrEqual(4);
  });

  it('every SDK package a catalog lists resolves from a Python module path', () => {
    const modules: [string, string][] = [
      ['openai', 'openai'],
      ['anthropic', 'anthropic'],
      ['cerebras.cloud.sdk', 'cerebras'],
      ['google.genai.errors', 'gemini'],
      ['groq', 'groq'],
      ['together.error', 'together'],
      ['huggingface_hub.errors', 'huggingface'],
      ['replicate.exceptions', 'replicate'],
      ['humanloop.core.api_error', 'humanloop'],
      ['perplexity', 'perplexity'],
      ['google.api_core.exceptions', 'vertex-ai'],
    ];
    for (const [module, providerId] of modules) {
      const status = catalogs
        .find((c) => c.id === providerId)
        ?.errors.find((e) => e.status !== null)?.status;
      const r = run(`${module}.SomethingError: Error code: ${status} - {"message": "zzz"}`);
      const m = r.matches.find((x) => x.providerId === providerId);
      const sdkReason = m?.reasons.find((x) => x.kind === 'sdk');
      expect(sdkReason?.detail, module).toContain(`${module.split('.')[0]}`);
    }
  });
});

describe('decode: ambiguity', () => {
  it('W&B reuses OpenAI message strings: a shared message and shape is reported as ambiguous', () => {
    const r = run(
      'HTTP/1.1 500 Internal Server Error\n\n{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}',
    );
    expect(r.verdict.kind).toBe('ambiguous');
    expect(r.verdict.providerIds).toEqual(expect.arrayContaining(['openai', 'wandb']));
    expect(r.verdict.text).toMatch(/^Fits OpenAI and W&B Inference equally: /);
    expect(r.verdict.text).toContain('message');
    const [a, b] = r.matches;
    expect(a?.score).toBe(b?.score);
  });

  it('a bare copied message fits OpenAI and W&B equally', () => {
    const r = run('The engine is currently overloaded, please try again later');
    expect(r.verdict.kind).toBe('ambiguous');
    expect(r.verdict.providerIds.slice(0, 2).sort()).toEqual(['openai', 'wandb']);
    expect(r.verdict.text).toContain('W&B Inference');
  });

  it('a status line with the message under it: same status, same words, still a tie', () => {
    const r = run(
      'HTTP/1.1 503 Service Unavailable\n\nThe engine is currently overloaded, please try again later',
    );
    expect(r.verdict.kind).toBe('ambiguous');
    expect(r.verdict.providerIds.slice(0, 2).sort()).toEqual(['openai', 'wandb']);
    expect(kinds(r)).toEqual(expect.arrayContaining(['status', 'message']));
  });

  it('the status breaks the tie when it differs (W&B quota is 402, OpenAI 429)', () => {
    const body = `{'error': {'message': 'You exceeded your current quota, please check your plan and billing details', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`;
    expect(top(run(`openai.APIStatusError: Error code: 402 - ${body}`))).toBe(
      'wandb/402-quota-exceeded',
    );
    expect(top(run(`openai.RateLimitError: Error code: 429 - ${body}`))).toBe(
      'openai/429-insufficient_quota',
    );
  });

  it('one provider leading is reported as clear, with its entry', () => {
    const r = run(
      'HTTP/1.1 404\n\n{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}',
    );
    expect(r.verdict.kind).toBe('clear');
    expect(r.verdict.text).toContain('Azure OpenAI');
    expect(r.verdict.text).toContain('404-deploymentnotfound');
  });
});

describe('decode: words that name the condition', () => {
  const first = (text: string) => {
    const { verdict, matches } = decodeText(text, catalogs, { limit: 10 });
    return {
      verdict: verdict.kind,
      entry: `${matches[0]?.providerId}/${matches[0]?.entry.id}`,
      matches,
    };
  };

  it('the same template with "monthly spend limit" is the spend cap, with "rate limit" the rate limit', () => {
    const spend = first(
      "429 rate_limit_error: This request would exceed your account's monthly spend limit. Please try again later.",
    );
    expect(spend.entry).toBe('anthropic/429-enforced_spend_limit_reached');
    expect(spend.verdict).toBe('clear');
    const rate = first(
      "429 rate_limit_error: This request would exceed your account's rate limit. Please try again later.",
    );
    expect(rate.entry).toBe('anthropic/429-rate_limit_error');
  });

  it('says why the look-alike message does not count for the rate-limit entry', () => {
    const { matches } = first(
      "429 rate_limit_error: This request would exceed your account's monthly spend limit. Please try again later.",
    );
    const rate = matches.find((m) => m.entry.id === '429-rate_limit_error');
    expect(rate?.conflicts.map((c) => c.detail).join(' ')).toMatch(
      /worded like this entry's .* but speaks of quota or credits where it speaks of a rate limit/,
    );
  });

  it('a code in the text does not name the kind of error; its prose does', () => {
    const { matches } = first(
      "429 rate_limit_error: This request would exceed your account's monthly spend limit.",
    );
    const spend = matches.find((m) => m.entry.id === '429-enforced_spend_limit_reached');
    expect(spend?.reasons.map((r) => r.detail)).toContain(
      'the message speaks of quota or credits, which is what this entry is about',
    );
    expect(matches[0]?.reasons.map((r) => r.detail).join(' ')).not.toMatch(
      /speaks of a rate limit/,
    );
  });
});

describe('decode: two Hugging Face 503s', () => {
  it('the router’s bare "Service Temporarily Unavailable" and the legacy API’s "is currently loading" are told apart', () => {
    const router = decodeText(
      'HfHubHTTPError: 503 Server Error: Service Temporarily Unavailable for url: https://router.huggingface.co/hf-inference/models/google/gemma-2b',
      catalogs,
      { limit: 3 },
    );
    expect(top(router)).toBe('huggingface/503-service-temporarily-unavailable');
    const legacy = decodeText(
      '503 {"error":"Model google/flan-t5-base is currently loading","estimated_time":42.5}',
      catalogs,
      { limit: 3 },
    );
    expect(top(legacy)).toBe('huggingface/503-model-loading');
  });
});

describe('decode: body shapes come from the catalog data', () => {
  const make = (
    id: string,
    name: string,
    bodyExample: unknown,
    entryBody: unknown,
  ): ProviderCatalog =>
    parseProviderCatalog(
      `${id}.json`,
      JSON.stringify({
        id,
        name,
        docsUrl: 'https://example.com/docs',
        lastVerified: '2026-01-01',
        summary: 'Test provider.',
        bodyShape: { description: 'Test shape.', example: bodyExample },
        sources: [{ url: 'https://example.com/docs', seen: '2026-01-01', kind: 'official-doc' }],
        errors: [
          {
            id: '400-oops',
            status: 400,
            title: 'Oops',
            meaning: 'Something.',
            fix: 'Fix it.',
            category: 'invalid_request',
            retry: { advice: 'fix_then_retry' },
            example: { status: 400, body: entryBody },
            sources: [
              { url: 'https://example.com/docs', seen: '2026-01-01', kind: 'official-doc' },
            ],
          },
        ],
      }),
    );

  it('a shape only one (made-up) catalog uses decides between two otherwise equal providers', () => {
    const alpha = make(
      'alpha',
      'Alpha',
      { fault: { why: 'x', kind: 'y' } },
      { fault: { why: 'bad', kind: 'oops' } },
    );
    const beta = make('beta', 'Beta', { problem: { text: 'x' } }, { problem: { text: 'bad' } });
    const r = decode(
      parsePaste('HTTP/1.1 400\n\n{"fault": {"why": "something else", "kind": "other"}}'),
      [beta, alpha],
    );
    expect(r.matches[0]?.providerId).toBe('alpha');
    expect(r.matches[0]?.reasons.find((x) => x.kind === 'body-shape')?.detail).toContain(
      'same shape',
    );
    const b = r.matches.find((m) => m.providerId === 'beta');
    expect(b === undefined || b.score < (r.matches[0]?.score ?? 0)).toBe(true);

    const flipped = decode(parsePaste('HTTP/1.1 400\n\n{"problem": {"text": "something else"}}'), [
      alpha,
      beta,
    ]);
    expect(flipped.matches[0]?.providerId).toBe('beta');
  });

  it('formatExample writes the status line, headers and body a person would paste', () => {
    expect(
      formatExample({
        status: 429,
        headers: { 'retry-after': '7' },
        body: { error: { message: 'x' } },
      }),
    ).toBe(
      'HTTP/1.1 429 Too Many Requests\nretry-after: 7\n\n{\n  "error": {\n    "message": "x"\n  }\n}',
    );
    expect(formatExample({ status: null, headers: {}, body: 'httpx.ReadTimeout: boom' })).toBe(
      'httpx.ReadTimeout: boom',
    );
  });
});

describe('decode: a status written just before the body', () => {
  it('takes the status from `->  400 {…}` on a log line, and ranks by it', () => {
    const r = run(
      'ERROR togetherai:mistralai/mistral-small-24b-instruct-2501  ->  400 {"id":"okkMWqL-2kFHot-a023f60e9b77ff7e","error":{"message":"Unable to access non-serverless model mistralai/Mistral-Small-24B-Instruct-2501. Please visit https://api.together.ai/models/mistralai/Mistral-Small-24B-Instruct-2501 to create and start a new dedicated endpoint for the model.","type":"invalid_request_error","param":null,"code":"model_not_available"}}',
    );
    expect(r.parsed.status).toBe(400);
    expect(r.parsed.statusSource).toBe('text');
    expect(top(r)).toBe('together/400-invalid_request_error');
    expect(r.matches[0]?.reasons.find((x) => x.kind === 'status')?.detail).toContain('400');
    // Without the status the one Together entry with a real example (403) led on the shared type.
    const ctx = r.matches.find((m) => m.entry.id === '403-context-length-exceeded');
    expect(ctx?.conflicts.some((c) => c.kind === 'status')).toBe(true);
  });

  it('a number that ends a line, or is part of another number, is not a status', () => {
    expect(parsePaste('File "app.py", line 400\n    raise Boom()').status).toBeUndefined();
    expect(parsePaste('took 12.400 {"error": {"message": "boom"}}').status).toBeUndefined();
    expect(parsePaste('retries=3 id=7400 {"error": {"message": "boom"}}').status).toBeUndefined();
  });
});

describe('decode: an API gateway fault', () => {
  it('reads an Apigee fault\'s faultstring as the message, and "ApiKey" as words about the key', () => {
    const r = run(
      `[llm/error] [1:llm:Fireworks] [761ms] LLM run errored with error:\n"AuthenticationError({'fault': {'faultstring': 'Invalid ApiKey', 'detail': {'errorcode': 'oauth.v2.InvalidApiKey'}}})"`,
    );
    expect(r.parsed.messages.map((m) => m.text)).toContain('Invalid ApiKey');
    expect(r.verdict.kind).toBe('clear');
    expect(r.verdict.providerIds).toEqual(['fireworks']);
    expect(r.matches[0]?.entry.category).toBe('auth');
    expect(
      r.matches[0]?.reasons.some(
        (x) => x.kind === 'message' && x.detail.includes('authentication'),
      ),
    ).toBe(true);
  });
});

describe('decode: pastes that are not clean errors', () => {
  it('garbage: no matches and a clear note', () => {
    const r = run('%%%$#@! ~~~ ^^^');
    expect(r.matches).toEqual([]);
    expect(r.verdict).toEqual({
      kind: 'none',
      text: 'No catalog entry matches this paste.',
      providerIds: [],
    });
    expect(r.notes.some((n) => n.code === 'nothing-found')).toBe(true);
  });

  it('an empty paste: no matches', () => {
    const r = run('');
    expect(r.matches).toEqual([]);
    expect(r.notes.map((n) => n.code)).toEqual(['empty']);
  });

  it('an nginx 502 page matches the entries whose examples are HTML pages, and says it is HTML', () => {
    const r = run(
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    );
    // No provider is named and the HTML-page examples are illustrative: any 502 entry, not one provider.
    expect(r.matches[0]?.entry.status).toBe(502);
    expect(
      r.matches.some((m) =>
        m.reasons.some((x) => x.kind === 'body-shape' && x.detail.includes('HTML')),
      ),
    ).toBe(true);
    expect(r.matches.every((m) => m.entry.status === 502)).toBe(true);
    expect(r.notes.find((n) => n.code === 'html')?.text).toContain('not a JSON error from the API');
  });

  it('truncated JSON still decodes from the complete fields, and says it was truncated', () => {
    const r = run(
      'HTTP/1.1 529\n\n{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSH',
    );
    expect(top(r)).toBe('anthropic/529-overloaded_error');
    expect(r.notes.find((n) => n.code === 'truncated')?.level).toBe('warning');
  });

  it('JSON broken in the middle decodes from the fields picked out by pattern', () => {
    const r = run(
      'HTTP/1.1 529\n\n{"type": "error", "error": {"type": "overloaded_error" "message": "Overloaded"}}',
    );
    expect(top(r)).toBe('anthropic/529-overloaded_error');
    expect(r.notes.some((n) => n.code === 'recovered')).toBe(true);
  });

  it('a 5 MB paste is capped and decoded', () => {
    const body =
      "{'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";
    const text = `anthropic.InternalServerError: Error code: 529 - ${body}\n${'    at some.frame (file.js:1:1)\n'.repeat(160_000)}`;
    expect(text.length).toBeGreaterThan(5_000_000);
    const r = run(text);
    expect(r.parsed.capped).toBe(true);
    expect(top(r)).toBe('anthropic/529-overloaded_error');
    expect(r.notes.find((n) => n.code === 'capped')?.text).toContain('200 KB');
  });

  it('no catalogs: nothing to match, no throw', () => {
    const r = decode(parsePaste('HTTP/1.1 429'), []);
    expect(r.matches).toEqual([]);
    expect(r.verdict.kind).toBe('none');
  });

  it('limit caps the list; the verdict still sees every tie', () => {
    const r = decodeText('HTTP/1.1 429 Too Many Requests', catalogs, { limit: 2 });
    expect(r.matches).toHaveLength(2);
    expect(r.verdict.kind).toBe('ambiguous');
    expect(r.verdict.providerIds.length).toBeGreaterThan(5);
    expect(r.verdict.text).toMatch(/other providers equally: same status/);
  });
});
