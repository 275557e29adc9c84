import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { exportLiteLLM } from './litellm';
import { exportPortkey, PORTKEY_DOCUMENTED_MAX } from './portkey';
import { callArgs, numericKwargs, pythonStructureProblems } from '../../testing/export-code';

const policyOf = (id: string) => requirePreset(id).policy;

interface PortkeyConfig {
  retry: { attempts: number; on_status_codes: number[]; use_retry_after_header?: boolean };
  request_timeout?: number;
}

const portkey = (policy: RetryPolicy) => {
  const r = exportPortkey(policy);
  return { r, config: JSON.parse(r.code) as PortkeyConfig };
};

describe('Portkey gateway config', () => {
  it('the portkey preset round-trips exactly', () => {
    const { r, config } = portkey(policyOf('portkey'));
    expect(r.language).toBe('json');
    expect(r.fidelity).toBe('exact');
    expect(config).toEqual({
      retry: { attempts: 5, on_status_codes: [429, 500, 502, 503, 504] },
    });
  });

  it('wandb-loop: 4 retries on 500/503 (Portkey’s 1, 2, 4, 8 s are the loop’s delays)', () => {
    const { r, config } = portkey(policyOf('wandb-loop'));
    expect(config.retry).toEqual({ attempts: 4, on_status_codes: [500, 503] });
    expect(r.fidelity).toBe('approximate');
    // Only difference: the gateway also retries errors thrown before any response.
    expect(r.caveats).toEqual([
      expect.stringMatching(/retries connection errors; the policy does not/),
    ]);
  });

  it('openai-python: statuses expanded, 408 added for request_timeout, hints on', () => {
    const { r, config } = portkey(policyOf('openai-python'));
    const codes = config.retry.on_status_codes;
    expect(codes.slice(0, 3)).toEqual([408, 409, 429]);
    expect(codes.filter((c) => c >= 500)).toEqual(Array.from({ length: 100 }, (_, i) => 500 + i));
    expect(config.request_timeout).toBe(600_000);
    expect(config.retry.use_retry_after_header).toBe(true);
    // Portkey's 1 s, 2 s cannot be the client's 0.375–0.5 s, 0.75–1 s.
    expect(r.fidelity).toBe('unsupported');
    const text = r.caveats.join('\n');
    expect(text).toMatch(/policy 375–500 ms, 0\.75–1 s; exported 1 s, 2 s/);
    expect(text).toMatch(/x-should-retry/);
    expect(text).toMatch(/use_retry_after_headers/);
  });

  it('no attempt limit: Portkey’s documented maximum as a stand-in', () => {
    const { r, config } = portkey(policyOf('aws-blog-expo'));
    expect(config.retry.attempts).toBe(PORTKEY_DOCUMENTED_MAX);
    expect(r.caveats[0]).toMatch(/no attempt limit/);
  });

  it('more than 5 retries are kept, with a caveat about the hosted cap', () => {
    const { r, config } = portkey({ ...policyOf('portkey'), maxAttempts: 9 });
    expect(config.retry.attempts).toBe(8);
    expect(r.caveats).toEqual([expect.stringMatching(/may cap "attempts": 8 at 5/)]);
  });
});

describe('LiteLLM Router settings', () => {
  it('the litellm-router preset round-trips exactly', () => {
    const r = exportLiteLLM(policyOf('litellm-router'));
    expect(r.fidelity).toBe('exact');
    const kw = numericKwargs(callArgs(r.code, 'Router')[0] ?? '');
    expect(kw).toMatchObject({ num_retries: 2, retry_after: 0, timeout: 6000 });
    expect(r.code).not.toContain('RetryPolicy');
    expect(pythonStructureProblems(r.code)).toEqual([]);
  });

  it('tenacity-seed: the 4 s floor goes to retry_after; 429 and timeouts are switched off', () => {
    const r = exportLiteLLM(policyOf('tenacity-seed'));
    const kw = numericKwargs(callArgs(r.code, 'Router')[0] ?? '');
    expect(kw).toMatchObject({ num_retries: 6, retry_after: 4 });
    expect(r.code).toContain(
      'retry_policy=RetryPolicy(RateLimitErrorRetries=0, TimeoutErrorRetries=0)',
    );
    expect(r.code).toContain('from litellm.router import RetryPolicy');
    expect(pythonStructureProblems(r.code)).toEqual([]);
    // The Router caps at 8 s, so 16 s and 32 s are out of reach.
    expect(r.fidelity).toBe('unsupported');
    expect(r.caveats[0]).toMatch(/policy 4 s, 4 s, 4 s, 8 s, 16 s, 32 s; exported 4–4\.75 s/);
    expect(r.caveats.some((c) => /409/.test(c))).toBe(true);
    expect(r.caveats.some((c) => /mapped per provider/.test(c))).toBe(true);
  });

  it('openai-python: x-should-retry and the Python client’s Retry-After rule are reported', () => {
    const r = exportLiteLLM(policyOf('openai-python'));
    expect(numericKwargs(callArgs(r.code, 'Router')[0] ?? '')).toMatchObject({ timeout: 600 });
    const text = r.caveats.join('\n');
    expect(text).toMatch(/x-should-retry/);
    expect(text).toMatch(/honoured: policy 0 < RA ≤ 120 s, export 0 < RA ≤ 60 s/);
    expect(text).toMatch(/k = 0, 0, 1, 2/);
  });
});
