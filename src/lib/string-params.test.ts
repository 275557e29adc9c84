/** The routes' search-param check: known keys kept, unknown ones dropped, non-strings refused. */
import { describe, expect, it } from 'vitest';
import { stringParams } from './string-params';

const schema = stringParams(['q', 'provider']);

describe('stringParams', () => {
  it('keeps the known string params and drops the rest', () => {
    expect(schema.parse({ q: '529', provider: '', other: 'x', __proto__: 'y' })).toEqual({
      q: '529',
      provider: '',
    });
    expect(Object.keys(schema.parse({}))).toEqual([]);
    expect(Object.keys(schema.shape)).toEqual(['q', 'provider']);
  });

  it('refuses a known param that is not a string, and input that is not an object', () => {
    expect(() => schema.parse({ q: 529 })).toThrow(/"q" must be a string/);
    expect(schema.safeParse({ provider: ['a'] }).success).toBe(false);
    for (const input of [null, 'q=1', ['q']]) expect(schema.safeParse(input).success).toBe(false);
    expect(schema.safeParse({ q: 'x', n: 1 })).toEqual({ success: true, data: { q: 'x' } });
  });
});
