/** Tests: saved scenarios in localStorage, including corrupt entries. */
import { describe, expect, it } from 'vitest';
import type { ReplayScenario } from '../../core/replay/types';
import { STORAGE_KEY, clearSaved, deleteSaved, readSaved, saveScenario } from './storage';

function memory(initial?: string) {
  const map = new Map<string, string>();
  if (initial !== undefined) map.set(STORAGE_KEY, initial);
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const scenario: ReplayScenario = {
  schemaVersion: 1,
  id: 'mine',
  title: 'Mine',
  story: 'A 429, then fine.',
  provider: 'openai',
  api: 'openai-chat',
  path: '/v1/chat/completions',
  stream: false,
  steps: [{ kind: 'error', entry: '429-rate_limit_exceeded' }],
  then: 'success',
};

describe('saved scenarios', () => {
  it('round-trips with a version and replaces by id', () => {
    const storage = memory();
    saveScenario(scenario, storage);
    saveScenario({ ...scenario, title: 'Mine, renamed' }, storage);
    const stored = JSON.parse(storage.map.get(STORAGE_KEY)!) as { version: number };
    expect(stored.version).toBe(1);
    const read = readSaved(storage);
    expect(read.problems).toEqual([]);
    expect(read.scenarios.map((s) => s.title)).toEqual(['Mine, renamed']);
    expect(deleteSaved('mine', storage)).toEqual([]);
  });

  it('reports corrupt JSON without throwing, and refuses to overwrite it', () => {
    const storage = memory('{"version":1,"scenarios":[');
    const read = readSaved(storage);
    expect(read.corrupt).toBe(true);
    expect(read.problems[0]).toMatch(/not valid JSON/);
    expect(() => saveScenario(scenario, storage)).toThrow(/clear them first/);
    expect(storage.map.get(STORAGE_KEY)).toBe('{"version":1,"scenarios":[');
    clearSaved(storage);
    expect(readSaved(storage)).toEqual({ scenarios: [], problems: [], corrupt: false });
  });

  it('reports an unknown version', () => {
    const read = readSaved(memory('{"version":7,"scenarios":[]}'));
    expect(read.corrupt).toBe(true);
    expect(read.problems[0]).toMatch(/version 7/);
  });

  it('skips an invalid scenario by its place and keeps the rest', () => {
    const bad = { ...scenario, id: 'bad', steps: [{ kind: 'teapot' }] };
    const read = readSaved(memory(JSON.stringify({ version: 1, scenarios: [bad, scenario] })));
    expect(read.corrupt).toBe(false);
    expect(read.scenarios.map((s) => s.id)).toEqual(['mine']);
    expect(read.problems[0]).toMatch(/Saved scenario 1 was skipped: steps\[0\]\.kind/);
  });
});
