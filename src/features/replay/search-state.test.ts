/** Tests: the replay page's URL state. */
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIBRARY, getLibraryScenario } from '../../core/replay/library';
import { encodeScenario } from './scenario-link';
import { DEFAULT_REFERENCE_PRESET, resolveReplaySearch } from './search-state';

const storm = getLibraryScenario('wandb-overloaded-2-minutes')!;
const anthropic500 = getLibraryScenario('500-once')!;

describe('resolveReplaySearch', () => {
  it('defaults to the first library scenario, its SDK, instant speed', () => {
    const s = resolveReplaySearch({}, SCENARIO_LIBRARY);
    expect(s.scenario).toBe(SCENARIO_LIBRARY[0]);
    expect(s.client).toBe('openai');
    expect(s.speed).toBe('instant');
    expect(s.policy.presetId).toBe(DEFAULT_REFERENCE_PRESET);
    expect(s.problems).toEqual([]);
  });

  it('picks the SDK that speaks the scenario API and refuses the other by name', () => {
    const s = resolveReplaySearch({ scenario: '500-once', client: 'openai' }, SCENARIO_LIBRARY);
    expect(s.scenario).toBe(anthropic500);
    expect(s.client).toBe('anthropic');
    expect(s.problems).toEqual([expect.stringMatching(/^"client=openai" cannot call/)]);
  });

  it('reads a scenario from the link and reports a broken one by place', () => {
    const edited = { ...storm, id: 'mine', steps: [{ kind: 'network-error' as const }] };
    const ok = resolveReplaySearch({ s: encodeScenario(edited) }, SCENARIO_LIBRARY);
    expect(ok.source).toEqual({ kind: 'link' });
    expect(ok.scenario.steps).toEqual([{ kind: 'network-error' }]);

    const bad = encodeScenario({ ...storm, steps: [{ kind: 'teapot' } as never] });
    const broken = resolveReplaySearch({ s: bad }, SCENARIO_LIBRARY);
    expect(broken.scenario).toBe(SCENARIO_LIBRARY[0]);
    expect(broken.linkProblems[0]?.path).toBe('steps[0].kind');
  });

  it('says a link is too long instead of reading it', () => {
    const s = resolveReplaySearch({ s: 'A'.repeat(4001) }, SCENARIO_LIBRARY);
    expect(s.linkTooLong).toBe(true);
    expect(s.scenario).toBe(SCENARIO_LIBRARY[0]);
  });

  it('reports bad values by name and keeps the defaults', () => {
    const s = resolveReplaySearch(
      { scenario: 'nope', speed: 'fast', client: 'gemini', preset: 'nope', attempts: 'x' },
      SCENARIO_LIBRARY,
    );
    const text = s.problems.join('\n');
    for (const name of [
      'scenario=nope',
      'speed=fast',
      'client=gemini',
      'preset=nope',
      'attempts=x',
    ])
      expect(text).toContain(`"${name}"`);
    expect(s.speed).toBe('instant');
  });

  it('reads speeds and a custom reference policy', () => {
    const s = resolveReplaySearch(
      {
        client: 'reference',
        speed: '10',
        preset: 'custom',
        attempts: '4',
        base: '1',
        jitter: 'none',
      },
      SCENARIO_LIBRARY,
    );
    expect(s.client).toBe('reference');
    expect(s.speed).toBe(10);
    expect(s.policy.policy.maxAttempts).toBe(4);
    expect(s.policy.policy.backoff.jitter.kind).toBe('none');
  });
});
