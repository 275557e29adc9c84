import { describe, expect, it } from 'vitest';
import { parseLooseLiteral } from './loose-json';

describe('parseLooseLiteral', () => {
  it('reads strict JSON and reports where it ends', () => {
    const text =
      'prefix {"a": [1, 2.5, -3e2], "b": {"c": null, "d": true}, "e": "x\\"y\\u00e9"} suffix';
    const start = text.indexOf('{');
    const r = parseLooseLiteral(text, start);
    expect(r?.value).toEqual({ a: [1, 2.5, -300], b: { c: null, d: true }, e: 'x"yé' });
    expect(r?.dialect).toBe('json');
    expect(r?.truncated).toBe(false);
    expect(text.slice(r?.end)).toBe(' suffix');
  });

  it('reads a Python repr: single quotes, None/True/False, tuples, double-quoted strings with apostrophes', () => {
    const r = parseLooseLiteral(
      `{'error': {'message': "You don't have access", 'param': None, 'ok': True, 'no': False, 'loc': ('body', 0), 'esc': 'it\\'s \\x41'}}`,
    );
    expect(r?.dialect).toBe('python');
    expect(r?.value).toEqual({
      error: {
        message: "You don't have access",
        param: null,
        ok: true,
        no: false,
        loc: ['body', 0],
        esc: "it's A",
      },
    });
  });

  it('reads Node inspect output with bare keys and constructor names', () => {
    const r = parseLooseLiteral(
      `{ error: { message: 'Rate limit', code: 'rate_limit_exceeded', extra: undefined }, headers: Headers { 'retry-after': '7' } }`,
    );
    expect(r?.dialect).toBe('javascript');
    expect(r?.value).toEqual({
      error: { message: 'Rate limit', code: 'rate_limit_exceeded', extra: null },
      headers: { 'retry-after': '7' },
    });
  });

  it('accepts "..." where people elided a value or members', () => {
    const r = parseLooseLiteral(`{'type': 'error', 'error': {...}, 'request_id': ..., ...}`);
    expect(r?.value).toEqual({ type: 'error', error: {}, request_id: null });
  });

  it('returns the complete part of a cut-off literal in partial mode, and nothing otherwise', () => {
    const text = '{"type":"error","error":{"type":"overloaded_error","message":"Overl';
    expect(parseLooseLiteral(text)).toBeUndefined();
    const r = parseLooseLiteral(text, 0, { partial: true });
    expect(r?.truncated).toBe(true);
    expect(r?.value).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overl' },
    });
  });

  it('drops a key whose value never started', () => {
    const r = parseLooseLiteral('{"a": 1, "b": ', 0, { partial: true });
    expect(r?.value).toEqual({ a: 1 });
  });

  it('rejects text that is not a literal', () => {
    expect(parseLooseLiteral('{like this}')).toBeUndefined();
    expect(parseLooseLiteral('{"a" 1}')).toBeUndefined();
    expect(parseLooseLiteral('hello')).toBeUndefined();
    expect(parseLooseLiteral('{"a": "line\nbreak"}')).toBeUndefined();
  });

  it('caps nesting instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseLooseLiteral(deep)).toBeUndefined();
  });

  it('does not let a "__proto__" key change the prototype', () => {
    const r = parseLooseLiteral('{"__proto__": {"polluted": true}}');
    const value = r?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
