import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { exportClient } from './clients';
import {
  callArgs,
  numericKwargs,
  pythonStructureProblems,
  tsTypeErrors,
} from '../../testing/export-code';

const policyOf = (id: string) => requirePreset(id).policy;

describe('openai / anthropic clients: a preset exports exactly to its own client', () => {
  it.each([
    ['openai-python', 'openai-python', 'openai 3.x (checked: 3.3.1)'],
    ['openai-python-2', 'openai-python', 'openai 1.x – 2.51.0'],
    ['anthropic-python', 'anthropic-python', 'anthropic 0.35 – 0.121'],
    ['anthropic-python-0.34', 'anthropic-python', 'anthropic 0.10 – 0.34'],
    ['openai-node', 'openai-ts', 'openai 7.5 or later'],
    ['openai-node-6', 'openai-ts', 'openai 6.25 or earlier'],
    ['anthropic-ts-1.12', 'anthropic-ts', '@anthropic-ai/sdk 0.125 – 1.14'],
    ['anthropic-ts', 'anthropic-ts', '@anthropic-ai/sdk 0.79 – 0.124'],
    ['anthropic-ts-0.78', 'anthropic-ts', '@anthropic-ai/sdk before 0.79'],
  ] as const)('%s → %s (%s)', (preset, target, release) => {
    const r = exportClient(target, policyOf(preset));
    expect(r.fidelity).toBe('exact');
    expect(r.caveats).toEqual([]);
    expect(r.code).toContain(`Built-in retry rules of ${release}.`);
  });

  it('openai-python: max_retries=2 and the default 600 s timeout kept', () => {
    const r = exportClient('openai-python', policyOf('openai-python'));
    expect(r.code).toContain('from openai import OpenAI');
    expect(numericKwargs(callArgs(r.code, 'OpenAI')[0] ?? '')).toEqual({ max_retries: 2 });
    expect(r.code).toContain(
      '# timeout: the default Timeout(600, connect=5.0) per attempt is kept',
    );
    expect(pythonStructureProblems(r.code)).toEqual([]);
  });

  it('groq-ts (same rules, 60 s timeout) → anthropic-ts: maxRetries 2, timeout 60 000, exact', () => {
    const r = exportClient('anthropic-ts', policyOf('groq-ts'));
    expect(r.fidelity).toBe('exact');
    expect(r.code).toContain("import Anthropic from '@anthropic-ai/sdk';");
    expect(r.code).toContain('  maxRetries: 2,');
    expect(r.code).toContain('  timeout: 60_000, // ms per attempt');
  });
});

describe('openai / anthropic clients: what the clients cannot express', () => {
  it('a user-edited retry count and timeout are written as given', () => {
    const edited: RetryPolicy = {
      ...policyOf('openai-python'),
      maxAttempts: 6,
      attemptTimeoutMs: 30_000,
    };
    const py = exportClient('openai-python', edited);
    expect(numericKwargs(callArgs(py.code, 'OpenAI')[0] ?? '')).toEqual({
      max_retries: 5,
      timeout: 30,
    });
    expect(py.fidelity).toBe('exact');
    const ts = exportClient('openai-ts', edited);
    expect(ts.code).toContain('  maxRetries: 5,');
    expect(ts.code).toContain('  timeout: 30_000, // ms per attempt');
  });

  it('the Python Retry-After rule is not the Node one: caveat, approximate', () => {
    const r = exportClient('openai-ts', policyOf('openai-python'));
    expect(r.fidelity).toBe('approximate');
    expect(r.caveats).toHaveLength(1);
    expect(r.caveats[0]).toMatch(/honoured: policy 0 < RA ≤ 120 s, export 0 ≤ RA ≤ 60 s/);
    expect(r.caveats[0]).toMatch(/above the range: policy no retry, export own backoff/);
  });

  it('a backoff base the client has no knob for: unsupported, with both delay ranges', () => {
    const edited: RetryPolicy = {
      ...policyOf('anthropic-python'),
      backoff: {
        ...policyOf('anthropic-python').backoff,
        // 1 s is anthropic 0.10 – 0.34's own first step (exported exactly, above); 2 s is no one's.
        strategy: { kind: 'exponential', initialMs: 2000, factor: 2 },
      },
    };
    const r = exportClient('anthropic-python', edited);
    expect(r.fidelity).toBe('unsupported');
    expect(r.caveats).toEqual([
      expect.stringMatching(
        /no option for its backoff: min\(0\.5 s·2\^k, 8 s\)·\(1 − 0\.25U\) is built in \(anthropic 0\.35 – 0\.121\).*policy 1\.5–2 s, 3–4 s; exported 375–500 ms, 0\.75–1 s\..*no exported delay/,
      ),
    ]);
  });

  it('the wandb loop (no jitter, 500/503 only, no timeout) on the openai client', () => {
    const r = exportClient('openai-python', policyOf('wandb-loop'));
    expect(r.code).toContain('    max_retries=4,');
    expect(r.code).toContain('    timeout=None,  # no per-attempt timeout');
    expect(r.fidelity).toBe('unsupported');
    const text = r.caveats.join('\n');
    expect(text).toMatch(/Statuses retried by the export only: 408–409, 429, 501–502, 504–599/);
    expect(text).toMatch(/The export retries connection errors/);
    expect(text).toMatch(/The export retries timeouts/);
    expect(text).toMatch(/x-should-retry/);
  });

  it('no attempt limit: a stand-in count from the deadline, unsupported', () => {
    const r = exportClient('openai-python', policyOf('google-api-core'));
    expect(r.fidelity).toBe('unsupported');
    const retries = numericKwargs(callArgs(r.code, 'OpenAI')[0] ?? '').max_retries ?? 0;
    // The client's longest delays (0.5, 1, 2, 4, 8, 8, … s) that fit into 120 s.
    expect(retries).toBe(18);
    expect(r.caveats[0]).toMatch(
      /no attempt limit; the export allows 18 retries \(19 attempts\) as a stand-in/,
    );
  });

  it('TypeScript clients cannot turn the timeout off', () => {
    const r = exportClient('openai-ts', policyOf('wandb-loop'));
    expect(r.code).toContain('timeout: 2_147_483_647');
    expect(r.caveats.some((c) => /cannot turn the timeout off/.test(c))).toBe(true);
  });
});

describe('TypeScript client exports type-check against the installed SDKs', () => {
  // Type-checking against the real SDKs' declarations takes a few seconds.
  it('openai-ts and anthropic-ts', { timeout: 60_000 }, () => {
    const files = Object.fromEntries(
      ['openai-node', 'wandb-loop', 'google-api-core'].flatMap((id) => [
        [`${id}/openai`, exportClient('openai-ts', policyOf(id)).code],
        [`${id}/anthropic`, exportClient('anthropic-ts', policyOf(id)).code],
      ]),
    );
    const errors = tsTypeErrors(files);
    expect(errors).toEqual(Object.fromEntries(Object.keys(files).map((k) => [k, []])));
    // The check is real: a misspelt option is reported.
    const bad = tsTypeErrors({
      bad: "import OpenAI from 'openai';\nexport const c = new OpenAI({ max_retries: 2 });\n",
    });
    expect(bad.bad?.length).toBeGreaterThan(0);
  });
});
