import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';
import { SCENARIO_LIBRARY } from './library';
import { checkScenarioAgainstCatalog, DEFAULT_PATHS, parseScenario } from './scenario-schema';
import { describeMove, matchEntry, retargetScenario } from './retarget';
import type { ReplayScenario } from './types';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));
const cat = (id: string) => {
  const c = catalogs.get(id);
  if (!c) throw new Error(`no catalog ${id}`);
  return c;
};

const base: ReplayScenario = {
  schemaVersion: 1,
  id: 'mine',
  title: 'Mine',
  story: 'A test.',
  provider: 'openai',
  api: 'openai-chat',
  path: '/v1/chat/completions',
  stream: false,
  then: 'success',
  steps: [{ kind: 'error', entry: '429-insufficient_quota' }, { kind: 'success' }],
  source: { url: 'https://example.com/openai', seen: '2026-01-01' },
};

describe('matchEntry', () => {
  it('keeps an id the new catalog also has', () => {
    expect(matchEntry('429-rate_limit_exceeded', cat('openai'), cat('groq'))?.id).toBe(
      '429-rate_limit_exceeded',
    );
  });

  it('prefers the same kind of error among entries with the same status', () => {
    // OpenAI's insufficient_quota is a billing 429; Anthropic has a rate-limit 429 listed first
    // and a spend-limit 429 after it.
    expect(matchEntry('429-insufficient_quota', cat('openai'), cat('anthropic'))?.id).toBe(
      '429-enforced_spend_limit_reached',
    );
    expect(matchEntry('429-rate_limit_exceeded', cat('openai'), cat('anthropic'))?.id).toBe(
      '429-rate_limit_error',
    );
    // Groq has two 413s: a too-large request and a token rate limit.
    expect(matchEntry('413-request_too_large', cat('anthropic'), cat('groq'))?.id).toBe(
      '413-request-entity-too-large',
    );
  });

  it('falls back to the status in the id when the old catalog is not known', () => {
    expect(matchEntry('503-engine-overloaded', undefined, cat('openai'))?.status).toBe(503);
  });

  it('uses the step’s own status when it overrides the entry’s', () => {
    // The same id wins over the override: the step keeps its status either way.
    expect(matchEntry('timeout', cat('openai'), cat('anthropic'), 504)?.id).toBe('timeout');
    expect(matchEntry('500-server_error', cat('openai'), cat('anthropic'), 529)?.id).toBe(
      '529-overloaded_error',
    );
  });

  it('matches status-less entries by category, and finds nothing rather than a wrong one', () => {
    expect(matchEntry('connection-error', cat('openai'), cat('groq'))?.id).toBe('connection-error');
    const bare = syntheticCatalog('bare', [{ id: '400-x', status: 400, category: 'client_error' }]);
    expect(matchEntry('429-insufficient_quota', cat('openai'), bare)).toBeUndefined();
    expect(matchEntry('timeout', cat('openai'), bare)).toBeUndefined();
  });
});

describe('retargetScenario', () => {
  it('moves provider and entries, drops the old source, and lists what changed', () => {
    const { scenario, moves } = retargetScenario(base, cat('anthropic'), cat('openai'));
    expect(scenario.provider).toBe('anthropic');
    expect(scenario.api).toBe('anthropic-messages');
    expect(scenario.path).toBe(DEFAULT_PATHS['anthropic-messages']);
    expect(scenario.source).toBeUndefined();
    expect(scenario.steps[0]).toEqual({ kind: 'error', entry: '429-enforced_spend_limit_reached' });
    expect(scenario.steps[1]).toEqual({ kind: 'success' });
    expect(moves).toEqual([
      { step: 0, from: '429-insufficient_quota', to: '429-enforced_spend_limit_reached' },
    ]);
    expect(checkScenarioAgainstCatalog(scenario, cat('anthropic'))).toEqual([]);
  });

  it('leaving Anthropic goes back to OpenAI chat; between others the dialect stays', () => {
    const atAnthropic = retargetScenario(base, cat('anthropic'), cat('openai')).scenario;
    const back = retargetScenario(atAnthropic, cat('groq'), cat('anthropic')).scenario;
    expect(back.api).toBe('openai-chat');
    expect(back.path).toBe('/v1/chat/completions');
    const custom = { ...base, path: '/openai/v1/chat/completions' };
    const moved = retargetScenario(custom, cat('cerebras'), cat('openai')).scenario;
    expect(moved.api).toBe('openai-chat');
    expect(moved.path).toBe('/v1/chat/completions');
  });

  it('keeps a step with no match as it was, and says so', () => {
    const bare = syntheticCatalog('bare', [{ id: '400-x', status: 400, category: 'client_error' }]);
    const { scenario, moves } = retargetScenario(base, bare, cat('openai'));
    expect(scenario.steps[0]).toEqual(base.steps[0]);
    expect(moves).toEqual([{ step: 0, from: '429-insufficient_quota', to: undefined }]);
    expect(checkScenarioAgainstCatalog(scenario, bare)[0]?.path).toBe('steps[0].entry');
  });

  it('a title naming the old provider names the new one; other titles stay as written', () => {
    const cerebras = SCENARIO_LIBRARY.find((s) => s.id === 'cerebras-429-then-success');
    const quota = SCENARIO_LIBRARY.find((s) => s.id === 'insufficient-quota');
    if (!cerebras || !quota) throw new Error('library scenarios missing');
    expect(retargetScenario(cerebras, cat('groq'), cat('cerebras')).scenario.title).toBe(
      'Groq 429 then success',
    );
    // Without the old catalog the old name is not known, so nothing is replaced.
    expect(retargetScenario(cerebras, cat('groq')).scenario.title).toBe(cerebras.title);
    expect(retargetScenario(quota, cat('groq'), cat('openai')).scenario.title).toBe(quota.title);
  });

  it('is a no-op for the same provider', () => {
    expect(retargetScenario(base, cat('openai'), cat('openai'))).toEqual({
      scenario: base,
      moves: [],
    });
  });

  it('every library scenario moved to every provider stays a valid scenario', () => {
    for (const scenario of SCENARIO_LIBRARY) {
      for (const target of catalogs.values()) {
        const { scenario: moved, moves } = retargetScenario(
          scenario,
          target,
          cat(scenario.provider),
        );
        const parsed = parseScenario(JSON.stringify(moved));
        expect(parsed.ok, `${scenario.id} → ${target.id}`).toBe(true);
        // Every step that found a match fits the new catalog; only the unmatched are reported.
        const unmatched = new Set(moves.filter((m) => !m.to).map((m) => `steps[${m.step}].entry`));
        for (const problem of checkScenarioAgainstCatalog(moved, target))
          expect(
            unmatched.has(problem.path),
            `${scenario.id} → ${target.id}: ${problem.path}`,
          ).toBe(true);
      }
    }
  });
});

describe('describeMove', () => {
  it('names each changed step, and the ones left to choose', () => {
    const bare = syntheticCatalog('bare', [{ id: '400-x', status: 400, category: 'client_error' }]);
    const two = {
      ...base,
      steps: [...base.steps, { kind: 'error', entry: '400-invalid_request_error' }],
    } as ReplayScenario;
    expect(describeMove(retargetScenario(two, cat('anthropic'), cat('openai')), 'Anthropic')).toBe(
      'Moved to Anthropic: POST /v1/messages. Step 1: 429-insufficient_quota became 429-enforced_spend_limit_reached.',
    );
    expect(describeMove(retargetScenario(base, bare, cat('openai')), 'Bare')).toBe(
      'Moved to Bare: POST /v1/chat/completions. Step 1: Bare has no entry like 429-insufficient_quota; choose one below.',
    );
    const plain = { ...base, steps: [{ kind: 'success' }] } as ReplayScenario;
    expect(describeMove(retargetScenario(plain, cat('groq'), cat('openai')), 'Groq')).toBe(
      "Moved to Groq: POST /v1/chat/completions. No step's entry had to change.",
    );
  });
});

describe('a match of another kind', () => {
  it('is marked, and said', () => {
    // Groq lists no billing 429: its rate-limit 429 is the nearest, and the move says so.
    const moved = retargetScenario(base, cat('groq'), cat('openai'));
    expect(moved.moves).toEqual([
      {
        step: 0,
        from: '429-insufficient_quota',
        to: '429-rate_limit_exceeded',
        kind: { from: 'quota_billing', to: 'rate_limit' },
      },
    ]);
    expect(describeMove(moved, 'Groq')).toBe(
      'Moved to Groq: POST /v1/chat/completions. Step 1: 429-insufficient_quota became 429-rate_limit_exceeded (rate limit: Groq lists no quota / billing error with that status).',
    );
  });
});
