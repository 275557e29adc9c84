/**
 * Turns the replay page's address into what it runs: the scenario (from the library, or decoded
 * from the link), the client, the reference client's policy and the speed. Lenient like the
 * other pages: whatever is not understood is reported by its parameter name and a default is
 * used instead.
 */
import { parseScenario, type ScenarioProblem } from '../../core/replay/scenario-schema';
import type { ReplayClientId, ReplayScenario, ReplaySpeed } from '../../core/replay/types';
import { resolvePolicy, type ResolvedPolicy } from '../../core/retry/policy-params';
import { MAX_LINK_CHARS, decodeScenarioText } from './scenario-link';
import type { ReplaySearch } from './search-params';

export const clientIds = [
  'openai',
  'anthropic',
  'reference',
] as const satisfies readonly ReplayClientId[];
export const speeds = ['instant', 10, 1] as const satisfies readonly ReplaySpeed[];
export const DEFAULT_REFERENCE_PRESET = 'tenacity-seed';

export function speedParam(speed: ReplaySpeed): string {
  return String(speed);
}

/** The SDK that speaks a scenario's API. */
export function sdkFor(scenario: Pick<ReplayScenario, 'api'>): 'openai' | 'anthropic' {
  return scenario.api === 'anthropic-messages' ? 'anthropic' : 'openai';
}

export type ScenarioSource =
  { readonly kind: 'library'; readonly id: string } | { readonly kind: 'link' };

export interface ReplayState {
  readonly scenario: ReplayScenario;
  readonly source: ScenarioSource;
  /** The `s` parameter was given but could not be used: what is wrong, by place. */
  readonly linkProblems: readonly ScenarioProblem[];
  /** The `s` parameter is longer than a link may be. */
  readonly linkTooLong: boolean;
  readonly client: ReplayClientId;
  readonly policy: ResolvedPolicy;
  readonly speed: ReplaySpeed;
  /** Other parameters that were not understood, each naming itself. */
  readonly problems: readonly string[];
}

export function resolveReplaySearch(
  search: ReplaySearch,
  library: readonly ReplayScenario[],
): ReplayState {
  const problems: string[] = [];
  const fallback = library[0];
  if (!fallback) throw new Error('The scenario library is empty.');

  let scenario: ReplayScenario = fallback;
  let source: ScenarioSource = { kind: 'library', id: fallback.id };
  let linkProblems: ScenarioProblem[] = [];
  let linkTooLong = false;

  if (search.s !== undefined && search.s !== '') {
    if (search.s.length > MAX_LINK_CHARS) {
      linkTooLong = true;
    } else {
      const decoded = decodeScenarioText(search.s);
      if (!decoded.ok) linkProblems = [{ path: '(link)', message: decoded.message }];
      else {
        const parsed = parseScenario(decoded.text);
        if (parsed.ok) {
          scenario = parsed.scenario;
          source = { kind: 'link' };
        } else linkProblems = [...parsed.problems];
      }
    }
    if (search.scenario !== undefined)
      problems.push(
        `"scenario=${search.scenario}" is ignored: the link carries its own scenario ("s").`,
      );
  } else if (search.scenario !== undefined) {
    const found = library.find((s) => s.id === search.scenario);
    if (found) {
      scenario = found;
      source = { kind: 'library', id: found.id };
    } else
      problems.push(
        `"scenario=${search.scenario}" is not a scenario of the library; "${fallback.title}" is shown.`,
      );
  }

  const sdk = sdkFor(scenario);
  let client: ReplayClientId = sdk;
  if (search.client !== undefined) {
    const c = search.client.trim().toLowerCase();
    if (!(clientIds as readonly string[]).includes(c))
      problems.push(
        `"client=${search.client}" is not understood (expected openai, anthropic or reference); the ${sdk} SDK runs.`,
      );
    else if (c !== 'reference' && c !== sdk)
      problems.push(
        `"client=${search.client}" cannot call this scenario's API (${scenario.api}); the ${sdk} SDK runs.`,
      );
    else client = c as ReplayClientId;
  }

  let speed: ReplaySpeed = 'instant';
  if (search.speed !== undefined) {
    const found = speeds.find(
      (s) => String(s) === search.speed!.trim().toLowerCase().replace(/x$/, ''),
    );
    if (found === undefined)
      problems.push(
        `"speed=${search.speed}" is not understood (expected instant, 10 or 1); instant is used.`,
      );
    else speed = found;
  }

  const policy = resolvePolicy({
    preset: search.preset ?? DEFAULT_REFERENCE_PRESET,
    attempts: search.attempts,
    base: search.base,
    factor: search.factor,
    cap: search.cap,
    jitter: search.jitter,
  });
  problems.push(...policy.problems);

  return { scenario, source, linkProblems, linkTooLong, client, policy, speed, problems };
}
