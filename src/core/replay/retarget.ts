/**
 * Moves a replay scenario to another provider: each step's catalog entry becomes the new
 * provider's entry for the same condition (same status, same kind of error), and the request
 * dialect and path follow the provider unless told otherwise.
 */
import type { Category, ErrorEntry, ProviderCatalog } from '../catalog/schema';
import { categoryLabels } from '../catalog/labels';
import { DEFAULT_PATHS, SCENARIO_LIMITS } from './scenario-schema';
import type { ReplayApi, ReplayScenario, ReplayStep } from './types';

/** Anthropic's own API speaks Messages; the others in the catalogs are replayed as OpenAI chat. */
export function defaultApiFor(providerId: string): ReplayApi {
  return providerId === 'anthropic' ? 'anthropic-messages' : 'openai-chat';
}

/** What happened to one step's entry. `to` is undefined when the new catalog has no match. */
export interface EntryMove {
  readonly step: number;
  readonly from: string;
  readonly to: string | undefined;
  /** Set when the match is another kind of error than the old entry (the target has none alike). */
  readonly kind?: { readonly from: Category; readonly to: Category };
}

export interface Retargeted {
  readonly scenario: ReplayScenario;
  /** Steps whose entry id changed or found no match (unchanged ids are not listed). */
  readonly moves: readonly EntryMove[];
}

const statusOfId = (id: string): number | null => {
  const m = /^(\d{3})(?:-|$)/.exec(id);
  return m ? Number(m[1]) : null;
};

/**
 * The entry in `target` that stands for the same condition as `id` did in `from`: the same id if
 * the target has it; else the same status (the step's own status override counts), preferring the
 * same category, then catalog order. Entries with no status match by category alone.
 */
export function matchEntry(
  id: string,
  from: ProviderCatalog | undefined,
  target: ProviderCatalog,
  statusOverride?: number,
): ErrorEntry | undefined {
  const same = target.errors.find((e) => e.id === id);
  if (same) return same;
  const source = from?.errors.find((e) => e.id === id);
  const status = source ? source.status : statusOfId(id);
  const candidates =
    status === null
      ? source
        ? target.errors.filter((e) => e.status === null && e.category === source.category)
        : []
      : target.errors.filter((e) => e.status === (statusOverride ?? status));
  const byCategory = source && candidates.find((e) => e.category === source.category);
  return byCategory ?? candidates[0];
}

/** A title that names the old provider names the new one ("Cerebras 429 then success"). */
function retitle(title: string, fromName: string | undefined, toName: string): string {
  if (!fromName || !title.includes(fromName)) return title;
  const next = title.split(fromName).join(toName);
  return next.length <= SCENARIO_LIMITS.maxTitleChars ? next : title;
}

/**
 * The scenario moved to `target`. `from` is the current provider's catalog when known (it tells
 * what kind of error each step was); without it, ids are matched by their status prefix. The
 * scenario's source is dropped (it describes the old provider), the path goes back to the
 * dialect's default, and a title that names the old provider names the new one.
 */
export function retargetScenario(
  scenario: ReplayScenario,
  target: ProviderCatalog,
  from?: ProviderCatalog,
): Retargeted {
  if (target.id === scenario.provider) return { scenario, moves: [] };
  const moves: EntryMove[] = [];
  const steps = scenario.steps.map((step, i): ReplayStep => {
    if (!('entry' in step) || step.entry === undefined) return step;
    const override = step.kind === 'error' ? step.status : undefined;
    const match = matchEntry(step.entry, from, target, override);
    if (match?.id === step.entry) return step;
    const was = from?.errors.find((e) => e.id === step.entry)?.category;
    moves.push({
      step: i,
      from: step.entry,
      to: match?.id,
      ...(match && was && was !== match.category
        ? { kind: { from: was, to: match.category } }
        : {}),
    });
    return match ? { ...step, entry: match.id } : step;
  });
  const api =
    defaultApiFor(target.id) === 'anthropic-messages' || scenario.provider === 'anthropic'
      ? defaultApiFor(target.id)
      : scenario.api;
  const { source: _oldSource, ...rest } = scenario;
  const moved: ReplayScenario = {
    ...rest,
    title: retitle(scenario.title, from?.name, target.name),
    provider: target.id,
    api,
    // A path is the old provider's; the dialect's default is where the SDKs go by themselves.
    path: DEFAULT_PATHS[api],
    steps,
  };
  return {
    scenario: moved,
    moves,
  };
}

/** What a move did, in one paragraph for the page. */
export function describeMove(result: Retargeted, targetName: string): string {
  const { scenario, moves } = result;
  const head = `Moved to ${targetName}: POST ${scenario.path}.`;
  if (moves.length === 0) return `${head} No step's entry had to change.`;
  const lines = moves.map((m) =>
    m.to
      ? `Step ${m.step + 1}: ${m.from} became ${m.to}${
          m.kind
            ? ` (${categoryLabels[m.kind.to].toLowerCase()}: ${targetName} lists no ${categoryLabels[m.kind.from].toLowerCase()} error with that status)`
            : ''
        }.`
      : `Step ${m.step + 1}: ${targetName} has no entry like ${m.from}; choose one below.`,
  );
  return [head, ...lines].join(' ');
}
