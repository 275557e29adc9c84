/** Tests of the simulator's address: defaults, reading, problems, the route schema. */

import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS } from '../../core/retry-export/export';
import { policyParamKeys } from '../../core/retry/policy-params';
import { simulatorLink } from '../../lib/simulator-link';
import { DEFAULT_SEQUENCE, parseSequence } from './sequence';
import {
  DEFAULT_COMPARE,
  DEFAULT_LAYERS,
  exportTargetIds,
  parseFailure,
  parseWindow,
  resolveSimulate,
} from './search-state';
import { simulateSearchSchema } from './search-params';

describe('resolveSimulate', () => {
  it('has a default for everything', () => {
    const s = resolveSimulate({});
    expect(s).toMatchObject({
      view: 'policy',
      failure: { kind: 'response', status: 503 },
      latencyMs: 0,
      seed: 1,
      sequence: DEFAULT_SEQUENCE,
      scenario: 'random',
      failureProbability: 0.5,
      outageMs: 30_000,
      runs: 10_000,
      compare: [...DEFAULT_COMPARE],
      layers: DEFAULT_LAYERS,
      herd: {
        model: 'rate',
        clients: 1000,
        capacityPerSec: 100,
        window: undefined,
        policyRef: 'current',
        serverRetryAfter: 'seconds',
        spreadMs: 0,
      },
      problems: [],
    });
  });

  it('reads every setting', () => {
    const s = resolveSimulate({
      view: 'herd',
      fail: 'timeout',
      lat: '0.2',
      seed: '42',
      scenario: 'outage',
      outage: '90',
      runs: '1000',
      compare: 'current,wandb-advice,tenacity-seed',
      gateway: 'none',
      app: 'current',
      herd: 'aws',
      clients: '10000',
      capacity: '500',
      window: '5-15',
      herdpolicy: 'aws-blog-full-jitter',
      herdra: 'ms',
      spread: '2',
      awsclients: '50',
      awsruns: '10',
    });
    expect(s.problems).toEqual([]);
    expect(s).toMatchObject({
      view: 'herd',
      failure: { kind: 'timeout' },
      latencyMs: 200,
      seed: 42,
      scenario: 'outage',
      outageMs: 90_000,
      runs: 1000,
      compare: ['current', 'wandb-advice', 'tenacity-seed'],
      layers: { gateway: 'none', sdk: DEFAULT_LAYERS.sdk, app: 'current' },
      herd: {
        model: 'aws',
        clients: 10_000,
        capacityPerSec: 500,
        window: { startMs: 5000, endMs: 15_000 },
        policyRef: 'aws-blog-full-jitter',
        serverRetryAfter: 'ms',
        spreadMs: 2000,
        awsClients: 50,
        awsRuns: 10,
      },
    });
  });

  it('reports what it does not understand, naming the parameter, and falls back', () => {
    const s = resolveSimulate({
      view: 'sideways',
      fail: '200',
      seed: '-3',
      runs: '0',
      p: '2',
      compare: 'openai-node,nosuch',
      sdk: 'nosuch-sdk',
      clients: '20000',
      window: '15-5',
      herdra: 'loud',
    });
    const text = s.problems.join('\n');
    for (const bit of [
      'view=sideways',
      'fail=200',
      'seed=-3',
      'runs=0',
      'p=2',
      'nosuch',
      'sdk=nosuch-sdk',
      'clients=20000',
      'window=15-5',
      'herdra=loud',
    ])
      expect(text).toContain(bit);
    expect(s.view).toBe('policy');
    expect(s.seed).toBe(1);
    expect(s.compare).toEqual([...DEFAULT_COMPARE]);
    expect(s.layers.sdk).toBe(DEFAULT_LAYERS.sdk);
    expect(s.herd.clients).toBe(1000);
  });

  it('keeps 2–4 compared policies', () => {
    expect(resolveSimulate({ compare: 'a,b' }).problems[0]).toMatch(/unknown presets \(a, b\)/);
    const many = resolveSimulate({
      compare: 'openai-node,wandb-advice,p-retry,backoff,cockatiel',
    });
    expect(many.compare).toHaveLength(4);
    expect(many.problems[0]).toMatch(/only the first 4/);
  });

  it('passes policy problems through', () => {
    expect(resolveSimulate({ base: 'soon' }).problems[0]).toMatch(/base=soon/);
  });
});

describe('export targets', () => {
  it('match the exporters, and an unknown one is reported', () => {
    expect([...exportTargetIds]).toEqual(EXPORT_TARGETS.map((t) => t.id));
    expect(resolveSimulate({ target: 'p-retry' }).target).toBe('p-retry');
    const bad = resolveSimulate({ target: 'cobol' });
    expect(bad.target).toBe('tenacity');
    expect(bad.problems[0]).toMatch(/target=cobol/);
  });
  it('a bad sequence in the address is reported, naming the token', () => {
    expect(resolveSimulate({ sequence: '503, 5O3' }).problems[0]).toMatch(
      /"sequence" is not understood: Response 2, "5O3"/,
    );
  });
});

describe('parsers', () => {
  it('parseFailure', () => {
    expect(parseFailure('503')).toEqual({ kind: 'response', status: 503 });
    expect(parseFailure('conn')).toEqual({ kind: 'connection-error' });
    expect(parseFailure('200')).toBeUndefined();
  });
  it('parseWindow', () => {
    expect(parseWindow('0-30')).toEqual({ startMs: 0, endMs: 30_000 });
    expect(parseWindow('none')).toBeUndefined();
    expect(parseWindow('soon')).toBeNull();
  });
});

describe('simulatorLink', () => {
  it('builds a link the simulate route accepts and resolves without problems', () => {
    const link = simulatorLink({ preset: 'cerebras-node', sequence: '503, 503, 200' });
    expect(link).toEqual({
      to: '/simulate',
      search: { preset: 'cerebras-node', sequence: '503, 503, 200', view: 'sequence' },
    });
    const search = simulateSearchSchema.parse(link.search);
    const state = resolveSimulate(search);
    expect(state.problems).toEqual([]);
    expect(state.view).toBe('sequence');
    expect(state.policy.presetId).toBe('cerebras-node');
    expect(parseSequence(state.sequence).ok).toBe(true);
    expect(simulatorLink()).toEqual({ to: '/simulate', search: {} });
  });
});

describe('the route schema', () => {
  it('keeps every policy parameter of the table (the route lists them literally)', () => {
    const keys = Object.keys(simulateSearchSchema.shape);
    for (const key of [...policyParamKeys, 'preset']) expect(keys, key).toContain(key);
    const params = Object.fromEntries(policyParamKeys.map((k) => [k, `${k}-value`]));
    expect(simulateSearchSchema.parse(params)).toEqual(params);
  });
});
