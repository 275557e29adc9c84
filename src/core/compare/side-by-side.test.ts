import { describe, expect, it } from 'vitest';
import { bodyShapeKey, normaliseText, sideBySide, type SideBySide } from './side-by-side';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';

const catalogs = loadShippedCatalogs();

const compare = (ids: string[], key: string, mode: 'status' | 'category' = 'status') => {
  const result = sideBySide(catalogs, ids, key, mode);
  if (!result) throw new Error(`no side-by-side for ${key}`);
  return result;
};
const differing = (s: SideBySide) => s.fields.filter((f) => f.differs).map((f) => f.key);
const field = (s: SideBySide, key: string) => {
  const f = s.fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('sideBySide on the shipped catalogs', () => {
  it('Fireworks vs W&B 500: advice, wait, body and headers differ; category and SDK do not', () => {
    const s = compare(['fireworks', 'wandb'], '500');
    expect(s.label).toBe('500 Internal Server Error');
    expect(s.providers.map((p) => [p.id, p.documented])).toEqual([
      ['fireworks', true],
      ['wandb', true],
    ]);
    expect(differing(s).sort()).toEqual(['body', 'headers', 'retryAdvice', 'wait']);
    const [fireworksAdvice, wandbAdvice] = field(s, 'retryAdvice').values;
    expect(fireworksAdvice!.items[0]).toMatch(/^Contact support/);
    expect(wandbAdvice!.items[0]).toMatch(/^Retry with backoff/);
    expect(field(s, 'wait').values[1]!.items.join(' ')).toContain('30–60 s');
    expect(s.disagreements.some((d) => d.kind === 'advice')).toBe(true);
  });

  it('OpenAI vs W&B 500 (same wording, same body): only wait and headers differ', () => {
    const s = compare(['openai', 'wandb'], '500');
    expect(differing(s).sort()).toEqual(['headers', 'wait']);
    for (const key of [
      'meaning',
      'category',
      'retryAdvice',
      'sdkRetries',
      'body',
      'sdkExceptions',
    ]) {
      expect(field(s, key).differs).toBe(false);
    }
  });

  it('lists provider-level rate-limit headers and example headers', () => {
    const s = compare(['openai', 'fireworks'], '429');
    const [openai, fireworks] = field(s, 'headers').values;
    expect(openai!.items.some((i) => i.startsWith('x-ratelimit-remaining-tokens:'))).toBe(true);
    expect(openai!.items.some((i) => i.startsWith('example retry-after:'))).toBe(true);
    expect(fireworks!.items.some((i) => i.startsWith('X-Ratelimit-Limit-Tokens-Prompt:'))).toBe(
      true,
    );
    expect(openai!.items.some((i) => /x-request-id: req_/.test(i))).toBe(true);
    expect(openai!.items.some((i) => i.toLowerCase().startsWith('example content-type'))).toBe(
      false,
    );
  });

  it('shows the provider body description and the example body', () => {
    const s = compare(['humanloop', 'cerebras'], '500');
    const [humanloop] = field(s, 'body').values;
    expect(humanloop!.items[0]).toBe(
      catalogs.find((c) => c.id === 'humanloop')!.bodyShape.description,
    );
    expect(humanloop!.items.some((i) => i.includes('"detail"'))).toBe(true);
    expect(field(s, 'body').differs).toBe(true);
    // Fireworks and Cerebras both use the flat {message,type,param,code} body.
    expect(field(compare(['fireworks', 'cerebras'], '500'), 'body').differs).toBe(false);
  });

  it('a provider that documents nothing is shown empty and does not make fields differ', () => {
    const s = compare(['openai', 'humanloop'], '529');
    expect(s.providers.map((p) => p.documented)).toEqual([false, true]);
    expect(s.fields.every((f) => f.values[0]!.items.length === 0)).toBe(true);
    expect(differing(s)).toEqual([]);
  });

  it('works in category mode, across statuses', () => {
    const s = compare(['openai', 'fireworks', 'anthropic'], 'cat-quota_billing', 'category');
    expect(s.label).toBe('Quota / billing');
    expect(field(s, 'category').differs).toBe(false);
    expect(field(s, 'retryAdvice').differs).toBe(true);
    expect(field(s, 'sdkRetries').values[0]!.items[0]).toBe('Retried automatically');
    expect(field(s, 'sdkRetries').differs).toBe(true);
  });

  it('returns null for unknown keys or a key of the other mode', () => {
    expect(sideBySide(catalogs, ['openai', 'wandb'], 'cat-overloaded', 'status')).toBeNull();
    expect(sideBySide(catalogs, ['openai', 'wandb'], '500', 'category')).toBeNull();
    expect(sideBySide(catalogs, ['openai', 'wandb'], 'cat-nope', 'category')).toBeNull();
    expect(sideBySide(catalogs, ['openai', 'wandb'], 'hello', 'status')).toBeNull();
  });

  it('takes 2 to 4 known providers', () => {
    expect(() => sideBySide(catalogs, ['openai'], '500', 'status')).toThrow(RangeError);
    expect(() => sideBySide(catalogs, ['openai', 'nope'], '500', 'status')).toThrow(RangeError);
    expect(() =>
      sideBySide(
        catalogs,
        ['openai', 'wandb', 'fireworks', 'cerebras', 'humanloop'],
        '500',
        'status',
      ),
    ).toThrow(RangeError);
    expect(compare(['openai', 'wandb', 'fireworks', 'cerebras'], '500').providers).toHaveLength(4);
  });
});

describe('normalisation', () => {
  it('bodyShapeKey compares structure, not values', () => {
    expect(bodyShapeKey({ error: { message: 'a', code: 1 } })).toBe(
      bodyShapeKey({ error: { code: 'X', message: 'b' } }),
    );
    expect(bodyShapeKey({ error: { message: 'a' } })).not.toBe(bodyShapeKey({ message: 'a' }));
    expect(bodyShapeKey({ errors: [{ reason: 'x' }] })).toBe('errors|errors[]|errors[].reason');
    expect(bodyShapeKey('event: error\ndata: {}')).toBe('text');
  });

  it('normaliseText ignores case and punctuation', () => {
    expect(normaliseText('Internal Server-Error.')).toBe(normaliseText('internal server error'));
  });

  it('titles that differ make the meaning field differ', () => {
    const x = syntheticCatalog('x', [
      { id: '500-a', status: 500, category: 'server_error', title: 'Oops' },
    ]);
    const y = syntheticCatalog('y', [
      { id: '500-b', status: 500, category: 'server_error', title: 'Boom' },
    ]);
    const s = sideBySide([x, y], ['x', 'y'], '500', 'status')!;
    expect(differing(s)).toEqual(['meaning']);
  });
});
