import { describe, expect, it } from 'vitest';
import { categories, retryAdvices } from '../catalog/enums';
import { compareWords } from './findings';

describe('compareWords', () => {
  const words = [...categories, ...retryAdvices, 'none', 'yes', 'no', 'stream', 'a_b', 'ab', 'a'];
  const sign = (n: number) => Math.sign(n);

  it('orders machine words exactly as localeCompare does', () => {
    for (const a of words)
      for (const b of words)
        expect([a, b, sign(compareWords(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });

  it('orders anything else as localeCompare does too', () => {
    const texts = [
      '"Retry-After header"',
      '"a minute"',
      '30..60s',
      '..60s',
      'Zed',
      'apple',
      'none',
    ];
    for (const a of texts)
      for (const b of texts)
        expect([a, b, sign(compareWords(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });
});
