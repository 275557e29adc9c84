import { describe, expect, it } from 'vitest';
import { parseSearch, stringifySearch } from './search-serialization';

describe('search serialization', () => {
  it('writes plain, readable query strings and drops empty values', () => {
    expect(
      stringifySearch({ q: 'rate limit', providers: 'openai,wandb', empty: '', none: undefined }),
    ).toBe('?q=rate+limit&providers=openai,wandb');
    expect(stringifySearch({})).toBe('');
  });

  it('reads every value back as a string', () => {
    expect(parseSearch('?q=529&providers=openai,wandb&x=%7B%7D')).toEqual({
      q: '529',
      providers: 'openai,wandb',
      x: '{}',
    });
  });

  it('round-trips text with reserved characters', () => {
    const search = {
      text: `openai.RateLimitError: Error code: 429 - {'error': {'code': 'insufficient_quota'}} & more #1`,
    };
    expect(parseSearch(stringifySearch(search))).toEqual(search);
  });

  it('keeps __proto__ as an ordinary key and never touches the prototype (found by fast-check)', () => {
    const parsed = parseSearch('?__proto__=x&q=1');
    expect(Object.keys(parsed)).toEqual(['__proto__', 'q']);
    expect(parsed['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('keeps the @ of an SDK choice readable, and reads it back', () => {
    const text = stringifySearch({ sdk: 'openai-node@6.49.0', q: 'a@b c' });
    expect(text).toBe('?sdk=openai-node@6.49.0&q=a@b+c');
    expect(parseSearch(text)).toEqual({ sdk: 'openai-node@6.49.0', q: 'a@b c' });
  });
});
