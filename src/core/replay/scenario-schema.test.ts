/** Scenario schema: valid scenarios parse, broken ones name the problem and its place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_FILE, scenarioSchemaJson } from '../../../scripts/replay-schema-json';
import { syntheticCatalog } from '../../testing/catalogs';
import { locateJsonError } from './json-locate';
import { checkScenarioAgainstCatalog, parseScenario } from './scenario-schema';
import type { ReplayScenario } from './types';

const good: ReplayScenario = {
  schemaVersion: 1,
  id: 'demo',
  title: 'Demo',
  story: 'A 500 then an answer.',
  provider: 'openai',
  api: 'openai-chat',
  path: '/v1/chat/completions',
  stream: false,
  steps: [{ kind: 'error', entry: '500-server_error', repeat: { count: 2 } }, { kind: 'success' }],
  then: 'success',
};

const problemsOf = (input: unknown) => {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseScenario', () => {
  it('accepts a valid scenario, as a value and as JSON text', () => {
    expect(parseScenario(good)).toEqual({ ok: true, scenario: good });
    expect(parseScenario(JSON.stringify(good, null, 2))).toEqual({ ok: true, scenario: good });
  });

  it('points at a JSON syntax error by line and column', () => {
    const text = '{\n  "id": "x",\n  "steps": [,]\n}';
    expect(problemsOf(text)).toEqual([
      {
        path: '(file)',
        message: 'not valid JSON at line 3, column 13: unexpected "," (expected a value)',
      },
    ]);
    expect(problemsOf('   ')[0]?.message).toBe('the text is empty');
  });

  it('names an unknown step kind and lists the valid ones', () => {
    const [p] = problemsOf({ ...good, steps: [{ kind: 'teapot' }] });
    expect(p?.path).toBe('steps[0].kind');
    expect(p?.message).toMatch(/^must be one of "error", "success".*; got "teapot"$/);
  });

  it('enforces the bounds', () => {
    const many = Array.from({ length: 51 }, () => ({ kind: 'success' }));
    expect(problemsOf({ ...good, steps: many })[0]).toMatchObject({ path: 'steps' });
    expect(problemsOf({ ...good, steps: [{ kind: 'success', repeat: { count: 1001 } }] })).toEqual([
      { path: 'steps[0].repeat.count', message: 'must be at most 1000, got number 1001' },
    ]);
    expect(
      problemsOf({ ...good, steps: [{ kind: 'success', latencyMs: 3_600_001 }] })[0]?.path,
    ).toBe('steps[0].latencyMs');
    expect(
      problemsOf({
        ...good,
        steps: [{ kind: 'error', entry: 'x', headers: { 'retry-after': 'x'.repeat(2049) } }],
      }),
    ).toEqual([{ path: 'steps[0].headers["retry-after"]', message: 'must be at most 2048 bytes' }]);
    expect(
      problemsOf({
        ...good,
        steps: [{ kind: 'error', entry: 'x', headers: { 'bad name': '1' } }],
      })[0]?.path,
    ).toMatch(/^steps\[0\]\.headers/);
  });

  it('rejects unknown keys (typos) and stream failures in a non-streamed scenario', () => {
    expect(problemsOf({ ...good, stepz: [] })).toContainEqual({
      path: '(root)',
      message: 'has unknown keys: stepz',
    });
    expect(
      problemsOf({ ...good, steps: [{ kind: 'stream-failure', failure: 'cut', afterChunks: 1 }] }),
    ).toEqual([
      {
        path: 'steps[0].kind',
        message: 'a stream-failure step needs a streamed scenario ("stream": true)',
      },
    ]);
  });

  it('requires schemaVersion 1', () => {
    expect(problemsOf({ ...good, schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
  });
});

describe('checkScenarioAgainstCatalog', () => {
  const catalog = syntheticCatalog('openai', [
    { id: '500-server_error', status: 500, category: 'server_error' },
    { id: 'timeout', status: null, category: 'timeout' },
  ]);

  it('passes when every entry exists', () => {
    expect(checkScenarioAgainstCatalog(good, catalog)).toEqual([]);
  });

  it('names the step whose entry is unknown or has no status', () => {
    const s: ReplayScenario = {
      ...good,
      steps: [
        { kind: 'success' },
        { kind: 'error', entry: 'nope' },
        { kind: 'error', entry: 'timeout' },
      ],
    };
    const problems = checkScenarioAgainstCatalog(s, catalog);
    expect(problems.map((p) => p.path)).toEqual(['steps[1].entry', 'steps[2].entry']);
    expect(problems[0]?.message).toMatch(/^"nope" is not an entry of the .* catalog/);
    expect(problems[1]?.message).toMatch(/has no HTTP status/);
  });

  it('flags a provider mismatch', () => {
    expect(checkScenarioAgainstCatalog({ ...good, provider: 'anthropic' }, catalog)[0]?.path).toBe(
      'provider',
    );
  });
});

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1}', null],
    ['{"a" 1}', 5],
    ['[1, 2', 5],
    ['{"a": "x\ny"}', 8],
    ['{"a": 1} x', 9],
    ['{a: 1}', 1],
  ] as const)('%j → %s', (text, offset) => {
    expect(locateJsonError(text)?.offset ?? null).toBe(offset);
  });
});

describe('published JSON Schema', () => {
  it('public/replay/scenario.schema.json is current', () => {
    const file = join(import.meta.dirname, '../../../public/replay', SCENARIO_SCHEMA_FILE);
    expect(readFileSync(file, 'utf8'), 'stale: run npm run schema').toBe(scenarioSchemaJson());
  });
});
