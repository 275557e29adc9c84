import { describe, expect, it } from 'vitest';
import { PRESETS, requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { EXPORT_TARGETS, exportAll, exportPolicy } from './export';
import {
  pythonParseErrors,
  pythonStructureProblems,
  tsSyntaxErrors,
  tsTypeErrors,
} from '../../testing/export-code';
import type { ExportResult, ExportTargetId } from './types';

const ALL = PRESETS.flatMap((p) =>
  Object.entries(exportAll(p.policy)).map(([target, r]) => ({ preset: p.id, target, r })),
);

const EXT = { python: '.py', typescript: '.ts', json: '.json' } as const;

describe('every preset × every target', () => {
  it('covers all targets', () => {
    expect(EXPORT_TARGETS.map((t) => t.id).sort()).toEqual(
      [
        'anthropic-python',
        'anthropic-ts',
        'cockatiel',
        'litellm',
        'openai-python',
        'openai-ts',
        'p-retry',
        'portkey',
        'tenacity',
      ].sort(),
    );
    expect(ALL).toHaveLength(PRESETS.length * EXPORT_TARGETS.length);
  });

  it('fidelity is exact exactly when there are no caveats; files are named for their language', () => {
    for (const { preset, target, r } of ALL) {
      const where = `${preset} → ${target}`;
      expect([where, r.fidelity === 'exact']).toEqual([where, r.caveats.length === 0]);
      expect([where, r.filename.endsWith(EXT[r.language])]).toEqual([where, true]);
      expect([where, r.code.endsWith('\n') && !r.code.endsWith('\n\n')]).toEqual([where, true]);
      expect(EXPORT_TARGETS.find((t) => t.id === target)?.language).toBe(r.language);
    }
  });

  it('JSON outputs parse', () => {
    const json = ALL.filter((x) => x.r.language === 'json');
    expect(json.length).toBe(PRESETS.length);
    for (const { r } of json) expect(() => JSON.parse(r.code) as unknown).not.toThrow();
  });

  // Parses ~200 outputs with the TypeScript compiler: seconds on a busy machine (a hang guard).
  it('TypeScript outputs have no syntax errors', { timeout: 60_000 }, () => {
    for (const { preset, target, r } of ALL.filter((x) => x.r.language === 'typescript')) {
      expect([`${preset} → ${target}`, tsSyntaxErrors(r.code)]).toEqual([
        `${preset} → ${target}`,
        [],
      ]);
    }
  });

  it('TypeScript outputs type-check under strict settings', { timeout: 120_000 }, () => {
    const files = Object.fromEntries(
      ALL.filter((x) => x.r.language === 'typescript').map((x) => [
        `${x.preset} → ${x.target}`,
        x.r.code,
      ]),
    );
    const errors = tsTypeErrors(files);
    const failing = Object.entries(errors).filter(([, e]) => e.length > 0);
    expect(failing).toEqual([]);
  });

  it('Python outputs are structurally sound', () => {
    for (const { preset, target, r } of ALL.filter((x) => x.r.language === 'python')) {
      const where = `${preset} → ${target}`;
      expect([where, pythonStructureProblems(r.code)]).toEqual([where, []]);
    }
  });

  it('python3 parses every Python output', { timeout: 60_000 }, () => {
    const sources = Object.fromEntries(
      ALL.filter((x) => x.r.language === 'python').map((x) => [
        `${x.preset} → ${x.target}`,
        x.r.code,
      ]),
    );
    const failing = Object.entries(pythonParseErrors(sources)).filter(([, e]) => e !== null);
    expect(failing).toEqual([]);
  });

  it('the type check catches a broken export', () => {
    const broken =
      "import pRetry from 'p-retry';\nexport const x: number = pRetry(() => 1, { retrys: 2 });\n";
    expect(tsTypeErrors({ broken }).broken?.length).toBeGreaterThan(0);
  });
});

describe('fidelity by preset (the table the UI shows)', () => {
  const fidelity = (preset: string, target: ExportTargetId) =>
    exportPolicy(requirePreset(preset).policy, target).fidelity;

  it('each client preset is exact on its own client and on tenacity/cockatiel only up to the timeout or hints', () => {
    expect(fidelity('openai-python', 'openai-python')).toBe('exact');
    expect(fidelity('anthropic-python', 'anthropic-python')).toBe('exact');
    expect(fidelity('openai-python', 'tenacity')).toBe('approximate');
    expect(fidelity('openai-python', 'cockatiel')).toBe('approximate');
  });

  it('recipes are exact on the libraries that can express them, unsupported on fixed clients', () => {
    for (const target of ['tenacity', 'cockatiel'] as const) {
      expect(fidelity('tenacity-seed', target)).toBe('exact');
      expect(fidelity('wandb-loop', target)).toBe('exact');
    }
    for (const target of [
      'openai-python',
      'openai-ts',
      'anthropic-python',
      'anthropic-ts',
    ] as const) {
      expect(fidelity('tenacity-seed', target)).toBe('unsupported');
    }
  });

  it('"retry until success" is unsupported wherever a count is required', () => {
    for (const target of ['openai-python', 'anthropic-ts', 'litellm', 'portkey'] as const) {
      expect(fidelity('aws-blog-full-jitter', target)).toBe('unsupported');
    }
    expect(fidelity('aws-blog-full-jitter', 'tenacity')).toBe('exact');
  });
});

describe('no setting is dropped silently', () => {
  const base = requirePreset('wandb-loop').policy;
  const mutations: {
    name: string;
    patch: Partial<RetryPolicy>;
    /** Targets that express the change exactly. */
    expressedBy: ExportTargetId[];
  }[] = [
    {
      name: 'a last sleep after the final failure',
      patch: { sleepAfterFinalFailure: true },
      expressedBy: [],
    },
    { name: 'delays from attempt start', patch: { delayFrom: 'attempt-start' }, expressedBy: [] },
    {
      name: 'a shared retry budget',
      patch: { quota: { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 } },
      expressedBy: [],
    },
    {
      name: 'a per-status backoff override',
      patch: {
        backoffOverrides: [
          {
            label: 'rate limited',
            statuses: [503],
            backoff: { strategy: { kind: 'constant', delayMs: 45_000 }, jitter: { kind: 'none' } },
          },
        ],
      },
      expressedBy: ['tenacity', 'cockatiel'],
    },
    {
      name: 'a hard whole-call deadline',
      patch: { deadlines: [{ ms: 90_000, check: 'hard' }] },
      expressedBy: ['cockatiel', 'p-retry'],
    },
    {
      name: 'a per-attempt timeout',
      patch: { attemptTimeoutMs: 12_345 },
      expressedBy: [
        'openai-python',
        'openai-ts',
        'anthropic-python',
        'anthropic-ts',
        'cockatiel',
        'p-retry',
        'litellm',
        'portkey',
      ],
    },
  ];

  const baseline = exportAll(base);

  it.each(mutations)('$name', ({ patch, expressedBy }) => {
    const mutated = exportAll({ ...base, ...patch });
    for (const t of EXPORT_TARGETS) {
      const before = new Set((baseline[t.id] as ExportResult).caveats);
      const added = mutated[t.id].caveats.filter((c) => !before.has(c));
      const expressed = expressedBy.includes(t.id);
      expect([t.id, added.length > 0]).toEqual([t.id, !expressed]);
      if (!expressed) expect(mutated[t.id].fidelity).not.toBe('exact');
    }
  });
});

describe('edited policies', () => {
  it('two overrides with the same label still give valid code', { timeout: 60_000 }, () => {
    const override = {
      label: 'slow down',
      statuses: [429],
      backoff: { strategy: { kind: 'constant', delayMs: 5000 }, jitter: { kind: 'full' } },
    } as const;
    const policy: RetryPolicy = {
      ...requirePreset('wandb-loop').policy,
      backoffOverrides: [override, { ...override, statuses: [503] }],
    };
    const ts = exportPolicy(policy, 'cockatiel').code;
    expect(tsTypeErrors({ ts }).ts).toEqual([]);
    const py = exportPolicy(policy, 'tenacity').code;
    expect(pythonStructureProblems(py)).toEqual([]);
    expect(py).toContain('BACKOFF_SLOW_DOWN = ');
    expect(py).toContain('BACKOFF_OVERRIDE_2 = ');
  });
});

describe('invalid policies', () => {
  it('are exported, but flagged unsupported with the problem first', () => {
    const bad: RetryPolicy = {
      ...requirePreset('wandb-loop').policy,
      backoff: { strategy: { kind: 'constant', delayMs: -5 }, jitter: { kind: 'none' } },
    };
    for (const t of EXPORT_TARGETS) {
      const r = exportPolicy(bad, t.id);
      expect(r.fidelity).toBe('unsupported');
      expect(r.caveats[0]).toMatch(/^The policy is invalid: delayMs must be ≥ 0/);
    }
  });
});
