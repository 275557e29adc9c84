/** Tests for resolving `/compare`'s URL params into providers, mode, row and side by side. */
import { describe, expect, it } from 'vitest';
import { resolveCompare } from './resolve-search';

const known = ['openai', 'anthropic', 'wandb', 'fireworks'];

describe('resolveCompare', () => {
  it('defaults to every provider, by status, all rows', () => {
    expect(resolveCompare({}, known)).toMatchObject({
      providerIds: known,
      mode: 'status',
      onlyDiffering: false,
      problems: [],
    });
  });

  it('keeps a chosen subset in index order and the toggle', () => {
    const state = resolveCompare(
      { providers: 'wandb,openai', mode: 'category', only: 'diff' },
      known,
    );
    expect(state).toMatchObject({
      providerIds: ['openai', 'wandb'],
      mode: 'category',
      onlyDiffering: true,
      problems: [],
    });
  });

  it('reports unknown providers, modes and toggles by parameter', () => {
    const state = resolveCompare(
      { providers: 'openai,nope', mode: 'sideways', only: 'yes' },
      known,
    );
    expect(state.providerIds).toEqual(['openai']);
    expect(state.mode).toBe('status');
    expect(state.problems.join(' ')).toMatch(/nope/);
    expect(state.problems.join(' ')).toMatch(/mode=sideways/);
    expect(state.problems.join(' ')).toMatch(/only=yes/);
  });

  it('accepts 2 to 4 side-by-side providers only', () => {
    expect(resolveCompare({ side: 'openai,wandb' }, known).side).toEqual(['openai', 'wandb']);
    const one = resolveCompare({ side: 'openai' }, known);
    expect(one.side).toBeUndefined();
    expect(one.problems[0]).toMatch(/2 to 4/);
  });
});
