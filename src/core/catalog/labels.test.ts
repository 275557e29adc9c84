import { describe, expect, it } from 'vitest';
import { categories, retryAdvices } from './enums';
import { categoryList, retryAdviceList } from './labels';

describe('the vocabularies read off the labels', () => {
  it('list every category and every retry advice, in the order of enums.ts', () => {
    expect(categoryList).toEqual([...categories]);
    expect(retryAdviceList).toEqual([...retryAdvices]);
  });
});
