import { describe, expect, it } from 'vitest';
import { parseRowKey } from './keys';
import { buildMatrix, differingRows } from './matrix';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';
import type { Disagreement, DisagreementKind, Matrix, MatrixRow } from './types';

const catalogs = loadShippedCatalogs();

const rowOf = (matrix: Matrix, key: string): MatrixRow => {
  const row = matrix.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};
const findingsOf = (row: MatrixRow, kind: DisagreementKind): Disagreement[] =>
  row.disagreements.filter((d) => d.kind === kind);
/** Provider id → the values of the position it holds in a finding. */
const stanceOf = (finding: Disagreement, providerId: string): string[] | undefined =>
  finding.positions.find((p) => p.providerIds.includes(providerId))?.values;
const cellOf = (row: MatrixRow, providerId: string) => {
  const cell = row.cells.find((c) => c.providerId === providerId);
  if (!cell) throw new Error(`no cell ${providerId}`);
  return cell;
};

describe('status mode on the shipped catalogs', () => {
  const seeds = ['openai', 'wandb', 'fireworks', 'cerebras', 'humanloop'];
  const matrix = buildMatrix(catalogs, { providerIds: seeds, mode: 'status' });

  it('finds the Fireworks 500 vs W&B 500 retry-advice disagreement, as high severity', () => {
    const [advice] = findingsOf(rowOf(matrix, '500'), 'advice');
    expect(advice).toBeDefined();
    expect(advice!.severity).toBe('high');
    expect(advice!.category).toBe('server_error');
    expect(stanceOf(advice!, 'fireworks')).toEqual(['contact_support']);
    expect(stanceOf(advice!, 'wandb')).toEqual(['retry_backoff']);
    expect(advice!.text).toContain('Fireworks AI');
    expect(advice!.text).toContain('Contact support');
  });

  it("reports W&B's 30–60 s window on 500 as a wait disagreement", () => {
    const [wait] = findingsOf(rowOf(matrix, '500'), 'wait');
    expect(stanceOf(wait!, 'wandb')).toEqual(['30..60s']);
    expect(stanceOf(wait!, 'fireworks')).toEqual(['none']);
    expect(wait!.text).toContain('30–60 s');
  });

  it('reports that Humanloop’s SDK does not retry a 500 that the others retry', () => {
    const [sdk] = findingsOf(rowOf(matrix, '500'), 'sdk');
    expect(stanceOf(sdk!, 'humanloop')).toEqual(['no']);
    expect(stanceOf(sdk!, 'openai')).toEqual(['yes']);
  });

  it('finds that 403 means different things (permission, auth, context length, content policy)', () => {
    const m = buildMatrix(catalogs, {
      providerIds: ['openai', 'fireworks', 'together', 'openrouter'],
      mode: 'status',
    });
    const [meaning] = findingsOf(rowOf(m, '403'), 'meaning');
    expect(meaning!.severity).toBe('high');
    expect(stanceOf(meaning!, 'openai')).toEqual(['permission']);
    expect(stanceOf(meaning!, 'fireworks')).toEqual(['auth']);
    expect(stanceOf(meaning!, 'together')).toEqual(['context_length']);
    expect(stanceOf(meaning!, 'openrouter')).toContain('content_policy');
  });

  it('does not compare retry advice across different meanings of one status', () => {
    // OpenAI's 429 billing entries say "fix, then retry"; the rate-limit group is compared apart.
    const advice = findingsOf(rowOf(matrix, '429'), 'advice');
    expect(advice.map((d) => d.category)).not.toContain('quota_billing');
    expect(advice.every((d) => stanceOf(d, 'openai')?.includes('fix_then_retry') !== true)).toBe(
      true,
    );
  });

  it('sorts status rows numerically, then the status-less kinds, with URL-safe keys', () => {
    const keys = matrix.rows.map((r) => r.key);
    const numeric = keys.filter((k) => /^\d+$/.test(k)).map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    const firstNone = keys.findIndex((k) => k.startsWith('none-'));
    expect(keys.slice(firstNone).every((k) => k.startsWith('none-'))).toBe(true);
    expect(keys.slice(firstNone, firstNone + 2)).toEqual(['none-connection', 'none-timeout']);
    for (const key of keys) {
      expect(encodeURIComponent(key)).toBe(key);
      expect(parseRowKey(key)?.mode).toBe('status');
    }
  });

  it('has a row for errors inside a 200 stream, and links them to the status entry', () => {
    const m = buildMatrix(catalogs, { providerIds: ['anthropic', 'fireworks'], mode: 'status' });
    expect(cellOf(rowOf(m, 'none-stream_error'), 'anthropic').entries.length).toBeGreaterThan(0);
    const anthropic529 = cellOf(rowOf(m, '529'), 'anthropic');
    expect(anthropic529.entries.map((e) => e.id)).toEqual(['529-overloaded_error']);
    expect(anthropic529.inStream.map((e) => e.id)).toEqual(['stream-error-overloaded_error']);
  });
});

describe('category mode on the shipped catalogs', () => {
  it('shows overload under several statuses and inside a 200 stream', () => {
    const m = buildMatrix(catalogs, {
      providerIds: ['openai', 'anthropic', 'humanloop', 'azure-openai', 'groq'],
      mode: 'category',
    });
    const row = rowOf(m, 'cat-overloaded');
    const [status] = findingsOf(row, 'status');
    expect(status!.severity).toBe('high');
    const values = new Set(status!.positions.flatMap((p) => p.values));
    for (const v of ['503', '529', '429', '498', 'stream']) expect(values).toContain(v);
    expect(stanceOf(status!, 'openai')).toEqual(['503', 'stream']);
    expect(stanceOf(status!, 'humanloop')).toEqual(['529']);
  });

  it('shows billing as 402 at some providers and 429 at others', () => {
    const m = buildMatrix(catalogs, {
      providerIds: ['openai', 'fireworks', 'wandb', 'anthropic'],
      mode: 'category',
    });
    const [status] = findingsOf(rowOf(m, 'cat-quota_billing'), 'status');
    expect(stanceOf(status!, 'openai')).toEqual(['429']);
    expect(stanceOf(status!, 'fireworks')).toEqual(['402']);
    expect(stanceOf(status!, 'wandb')).toEqual(['402']);
    expect(stanceOf(status!, 'anthropic')).toEqual(['400', '402', '429']);
  });

  it('shows throttling as a 400 at Bedrock', () => {
    const m = buildMatrix(catalogs, { providerIds: ['bedrock', 'openai'], mode: 'category' });
    const [status] = findingsOf(rowOf(m, 'cat-rate_limit'), 'status');
    expect(stanceOf(status!, 'bedrock')).toContain('400');
    expect(stanceOf(status!, 'openai')).not.toContain('400');
  });

  it('has one row per category, in schema order, keyed cat-<category>', () => {
    const m = buildMatrix(catalogs, { mode: 'category' });
    expect(m.providers).toHaveLength(catalogs.length);
    const keys = m.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 3)).toEqual(['cat-rate_limit', 'cat-quota_billing', 'cat-overloaded']);
    for (const row of m.rows) {
      expect(row.key).toBe(`cat-${row.category}`);
      for (const cell of row.cells)
        for (const e of cell.entries) expect(e.category).toBe(row.category);
    }
  });
});

describe('choosing providers', () => {
  it('restricts columns and cells to the chosen providers, in the chosen order', () => {
    const m = buildMatrix(catalogs, {
      providerIds: ['wandb', 'fireworks', 'nope'],
      mode: 'status',
    });
    expect(m.providers.map((p) => p.id)).toEqual(['wandb', 'fireworks']);
    for (const row of m.rows) {
      expect(row.cells.map((c) => c.providerId)).toEqual(['wandb', 'fireworks']);
      expect(row.cells.some((c) => c.entries.length > 0)).toBe(true);
    }
    // Rows are the union of what the chosen providers document: no 529 without Humanloop & co.
    expect(m.rows.some((r) => r.key === '529')).toBe(false);
    expect(m.rows.some((r) => r.key === '412')).toBe(true);
    const withHumanloop = buildMatrix(catalogs, {
      providerIds: ['wandb', 'humanloop'],
      mode: 'status',
    });
    expect(withHumanloop.rows.some((r) => r.key === '529')).toBe(true);
  });

  it('puts every entry of a chosen provider in exactly one row', () => {
    const fireworks = catalogs.find((c) => c.id === 'fireworks')!;
    for (const mode of ['status', 'category'] as const) {
      const m = buildMatrix(catalogs, { providerIds: ['fireworks', 'openai'], mode });
      const ids = m.rows.flatMap((r) => cellOf(r, 'fireworks').entries.map((e) => e.id));
      expect(ids.sort()).toEqual(fireworks.errors.map((e) => e.id).sort());
    }
  });

  it('findings only mention chosen providers', () => {
    const m = buildMatrix(catalogs, { providerIds: ['openai', 'cerebras'], mode: 'status' });
    for (const row of m.rows) {
      for (const d of row.disagreements) {
        for (const p of d.positions) {
          for (const id of p.providerIds) expect(['openai', 'cerebras']).toContain(id);
        }
      }
    }
    expect(findingsOf(rowOf(m, '500'), 'advice')).toEqual([]);
  });
});

describe('the differs rule', () => {
  it('a row only one provider documents is a gap, and a gap differs', () => {
    // Changed from "does not differ": hiding a status one chosen provider documents and another
    // does not made "only where they differ" read as agreement (issue 9, part 3).
    const m = buildMatrix(catalogs, { providerIds: ['fireworks', 'wandb'], mode: 'status' });
    const row = rowOf(m, '412');
    expect(cellOf(row, 'wandb').entries).toEqual([]);
    expect(row.disagreements).toEqual([]);
    expect(row.missing).toEqual(['W&B Inference']);
    expect(row.differs).toBe(true);
  });

  it('a row only one provider documents differs when another documents it under another status', () => {
    const m = buildMatrix(catalogs, { providerIds: ['openai', 'fireworks'], mode: 'status' });
    const row = rowOf(m, '402');
    expect(cellOf(row, 'openai').entries).toEqual([]);
    expect(row.differs).toBe(true);
    const [status] = findingsOf(row, 'status');
    expect(stanceOf(status!, 'openai')).toEqual(['429']);
    expect(stanceOf(status!, 'fireworks')).toEqual(['402']);
  });

  it('a row every chosen provider documents the same way does not differ', () => {
    const m = buildMatrix(catalogs, { providerIds: ['wandb', 'cerebras'], mode: 'status' });
    const row = rowOf(m, '401');
    expect(row.cells.every((c) => c.entries.length > 0)).toBe(true);
    expect(row.missing).toEqual([]);
    expect(row.differs).toBe(false);
    expect(rowOf(m, '500').differs).toBe(true);
  });

  it('differingRows keeps exactly the rows that carry a disagreement or a gap', () => {
    // Two providers: with all of them nearly every row is a gap somewhere.
    const m = buildMatrix(catalogs, { providerIds: ['wandb', 'cerebras'], mode: 'status' });
    const kept = differingRows(m);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(m.rows.length);
    expect(kept.every((r) => r.disagreements.length > 0 || r.missing.length > 0)).toBe(true);
    const dropped = m.rows.filter((r) => !kept.includes(r));
    expect(dropped.every((r) => r.disagreements.length === 0 && r.missing.length === 0)).toBe(true);
    expect(kept.some((r) => r.disagreements.length === 0 && r.missing.length > 0)).toBe(true);
  });
});

describe('findings come from the data, not from provider names', () => {
  const a = (advice: 'retry_backoff' | 'contact_support', sdkRetries = true) =>
    syntheticCatalog('alpha', [
      { id: '500-x', status: 500, category: 'server_error', advice, sdkRetries },
    ]);
  const b = syntheticCatalog('beta', [
    {
      id: '500-y',
      status: 500,
      category: 'server_error',
      advice: 'retry_backoff',
      sdkRetries: true,
    },
  ]);

  it('agreeing synthetic providers produce no finding', () => {
    const row = rowOf(buildMatrix([a('retry_backoff'), b], { mode: 'status' }), '500');
    expect(row.disagreements).toEqual([]);
    expect(row.differs).toBe(false);
  });

  it('changing one advice produces an advice finding naming that provider', () => {
    const row = rowOf(buildMatrix([a('contact_support'), b], { mode: 'status' }), '500');
    expect(row.disagreements.map((d) => d.kind)).toEqual(['advice']);
    expect(row.disagreements[0]!.text).toContain('Provider ALPHA');
    expect(row.differs).toBe(true);
  });

  it('changing SDK retries produces an sdk finding', () => {
    const row = rowOf(buildMatrix([a('retry_backoff', false), b], { mode: 'status' }), '500');
    expect(row.disagreements.map((d) => d.kind)).toEqual(['sdk']);
  });

  it('a different wait window is medium, a window against none is low', () => {
    const withWait = (id: string, min: number) =>
      syntheticCatalog(id, [
        {
          id: '503-x',
          status: 503,
          category: 'overloaded',
          wait: { minSeconds: min, maxSeconds: min * 2, text: `${min}–${min * 2} s` },
        },
      ]);
    const none = syntheticCatalog('gamma', [{ id: '503-z', status: 503, category: 'overloaded' }]);
    const two = rowOf(
      buildMatrix([withWait('alpha', 10), withWait('beta', 60)], { mode: 'status' }),
      '503',
    );
    expect(findingsOf(two, 'wait')[0]!.severity).toBe('medium');
    const one = rowOf(buildMatrix([withWait('alpha', 10), none], { mode: 'status' }), '503');
    expect(findingsOf(one, 'wait')[0]!.severity).toBe('low');
    const same = rowOf(
      buildMatrix([withWait('alpha', 10), withWait('beta', 10)], { mode: 'status' }),
      '503',
    );
    expect(findingsOf(same, 'wait')).toEqual([]);
  });
});
