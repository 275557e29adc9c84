/**
 * Disagreements: typed findings about one matrix row, derived from the chosen providers' data.
 *
 * Comparable groups. Retry advice, waits and SDK retries are only compared between entries that
 * describe the same condition: in status mode, entries of the same status *and* category (a 429
 * that means "billing" is not compared with a 429 that means "slow down"; that is a `meaning`
 * finding); in category mode, all entries of the row's category.
 *
 * Each provider holds a *set* of values (it may document several entries for a group). Two
 * providers disagree when their sets differ. Providers that document nothing for a group take no
 * position, except in `status` findings, where documenting the condition under another status is
 * exactly the point.
 */
import { categoryLabels, retryAdviceLabels } from '../catalog/labels';
import { categories } from '../catalog/enums';
import type { Category, ErrorEntry, RetryAdvice } from '../catalog/schema';
import { rowIdKey, rowLabel, type RowId } from './keys';
import {
  disagreementKinds,
  type Disagreement,
  type DisagreementKind,
  type MatrixCell,
  type Position,
  type Severity,
} from './types';

/** What the findings need to know about one chosen provider beyond its cell. */
export interface ProviderContext {
  id: string;
  name: string;
  errors: readonly ErrorEntry[];
  /** Entry id → in-stream entries that carry one of its provider codes. */
  streamLinks: ReadonlyMap<string, readonly ErrorEntry[]>;
}

/**
 * Catch-all categories name no single condition, so "the same condition under another status"
 * makes no sense for them.
 */
const catchAllCategories: ReadonlySet<Category> = new Set([
  'unknown',
  'client_error',
  'stream_error',
]);

const retryingAdvice: ReadonlySet<RetryAdvice> = new Set(['retry_backoff', 'honour_retry_after']);

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

interface Stance {
  providerId: string;
  values: readonly string[];
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];
const setKey = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : unique(values).sort().join('+');

/** Groups providers with identical value sets; largest group first, then first-seen order. */
function positionsOf(stances: readonly Stance[], label: (values: string[]) => string): Position[] {
  const groups = new Map<string, Position>();
  for (const stance of stances) {
    const key = setKey(stance.values);
    const existing = groups.get(key);
    if (existing) existing.providerIds.push(stance.providerId);
    else {
      const values = sortValues(unique(stance.values));
      groups.set(key, { label: label(values), values, providerIds: [stance.providerId] });
    }
  }
  return [...groups.values()].sort((a, b) => b.providerIds.length - a.providerIds.length);
}

/**
 * The order of `a.localeCompare(b)`, cheaply. Most values are machine words (`retry_backoff`,
 * `rate_limit`, `none`, `yes`), which plain comparison orders exactly as the collator does (`_`
 * sorts before the letters in both). Anything else goes to one collator, made the first time it
 * is needed: `localeCompare` set one up per call, and making one costs ~10 ms on a laptop.
 */
const machineWord = /^[a-z_]*$/;
let collator: Intl.Collator | undefined;
export function compareWords(a: string, b: string): number {
  if (machineWord.test(a) && machineWord.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Numbers numerically first, then words alphabetically. */
function sortValues(values: string[]): string[] {
  return values.sort((a, b) => {
    const na = Number(a);
    const nb = Number(b);
    if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    if (Number.isFinite(na)) return -1;
    if (Number.isFinite(nb)) return 1;
    return compareWords(a, b);
  });
}

function somePair(positions: readonly Position[], test: (a: Position, b: Position) => boolean) {
  return positions.some((a, i) => positions.some((b, j) => i !== j && test(a, b)));
}

const disjoint = (a: Position, b: Position) => !a.values.some((v) => b.values.includes(v));

export function waitKey(wait: ErrorEntry['retry']['wait']): string {
  if (!wait) return 'none';
  if (wait.minSeconds !== undefined || wait.maxSeconds !== undefined) {
    return `${wait.minSeconds ?? ''}..${wait.maxSeconds ?? ''}s`;
  }
  return `"${wait.text}"`;
}

const signalLabel = (value: string) => (value === 'stream' ? 'inside a 200 stream' : value);

export const sdkRetryLabel = (value: string) =>
  value === 'yes' ? 'retried automatically by the official SDK' : 'not retried automatically';

/**
 * Per provider and category, how the condition is signalled: its HTTP statuses (one per entry),
 * then `stream` when one of its entries also comes inside a 200 stream. Built once per provider
 * context (every row of a matrix asks for it) instead of filtering its errors per row.
 */
const signalCache = new WeakMap<ProviderContext, ReadonlyMap<Category, readonly string[]>>();
function signalsOf(provider: ProviderContext): ReadonlyMap<Category, readonly string[]> {
  const cached = signalCache.get(provider);
  if (cached) return cached;
  const statuses = new Map<Category, string[]>();
  const streamed = new Set<Category>();
  for (const e of provider.errors) {
    const values = statuses.get(e.category) ?? [];
    statuses.set(e.category, values);
    if (e.status !== null) values.push(String(e.status));
    if ((provider.streamLinks.get(e.id)?.length ?? 0) > 0) streamed.add(e.category);
  }
  for (const category of streamed) statuses.get(category)?.push('stream');
  signalCache.set(provider, statuses);
  return statuses;
}

interface RowInput {
  rowId: RowId;
  cells: readonly MatrixCell[];
  providers: readonly ProviderContext[];
}

/** All findings for a row, most severe first. */
export function findDisagreements({ rowId, cells, providers }: RowInput): Disagreement[] {
  const rowKey = rowIdKey(rowId);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const nameList = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const describe = (positions: readonly Position[]) =>
    positions.map((p) => `${p.label} at ${nameList(p.providerIds)}`).join('; ');

  const out: Disagreement[] = [];
  const add = (
    kind: DisagreementKind,
    severity: Severity,
    category: Category | null,
    lead: string,
    positions: Position[],
  ) => {
    out.push({
      kind,
      severity,
      mode: rowId.mode,
      rowKey,
      category,
      text: `${lead} — ${describe(positions)}.`,
      positions,
    });
  };

  // Comparable groups: category → provider → entries.
  const groups = new Map<Category, Map<string, ErrorEntry[]>>();
  for (const cell of cells) {
    for (const entry of cell.entries) {
      const group = groups.get(entry.category) ?? new Map<string, ErrorEntry[]>();
      groups.set(entry.category, group);
      const list = group.get(cell.providerId) ?? [];
      list.push(entry);
      group.set(cell.providerId, list);
    }
  }
  const subjectOf = (category: Category) =>
    rowId.mode === 'category' || rowId.status === null
      ? rowLabel(rowId)
      : `${rowId.status} ${categoryLabels[category]}`;

  for (const [category, byProvider] of groups) {
    if (byProvider.size < 2) continue;
    const subject = subjectOf(category);
    const stances = (pick: (entry: ErrorEntry) => string | null): Stance[] =>
      [...byProvider].flatMap(([providerId, entries]) => {
        const values = entries.map(pick).filter((v): v is string => v !== null);
        return values.length > 0 ? [{ providerId, values }] : [];
      });

    // advice
    const advice = positionsOf(
      stances((e) => e.retry.advice),
      (values) => values.map((v) => retryAdviceLabels[v as RetryAdvice]).join(' or '),
    );
    if (advice.length > 1) {
      const onlyRetry = (p: Position) =>
        p.values.every((v) => retryingAdvice.has(v as RetryAdvice));
      const neverRetry = (p: Position) =>
        p.values.every((v) => !retryingAdvice.has(v as RetryAdvice));
      const severity: Severity = somePair(advice, (a, b) => onlyRetry(a) && neverRetry(b))
        ? 'high'
        : somePair(advice, disjoint)
          ? 'medium'
          : 'low';
      add('advice', severity, category, `${subject}: retry advice differs`, advice);
    }

    // wait
    const waitTexts = new Map<string, string>();
    const wait = positionsOf(
      stances((e) => {
        const key = waitKey(e.retry.wait);
        if (e.retry.wait && !waitTexts.has(key)) waitTexts.set(key, e.retry.wait.text);
        return key;
      }),
      (values) => values.map((v) => waitTexts.get(v) ?? 'no wait given').join(' / '),
    );
    if (wait.length > 1 && wait.some((p) => p.values.some((v) => v !== 'none'))) {
      const explicit = wait.filter((p) => p.values.some((v) => v !== 'none'));
      add(
        'wait',
        explicit.length > 1 ? 'medium' : 'low',
        category,
        `${subject}: wait windows differ`,
        wait,
      );
    }

    // sdk
    const sdk = positionsOf(
      stances((e) => (e.retry.sdkRetries === undefined ? null : e.retry.sdkRetries ? 'yes' : 'no')),
      (values) =>
        values.length > 1
          ? 'retried automatically for some entries only'
          : sdkRetryLabel(values[0] ?? ''),
    );
    if (sdk.length > 1) {
      add(
        'sdk',
        somePair(sdk, disjoint) ? 'medium' : 'low',
        category,
        `${subject}: automatic SDK retries differ`,
        sdk,
      );
    }
  }

  // meaning: the same status, different categories (numeric status rows only).
  if (rowId.mode === 'status' && rowId.status !== null) {
    const meaning = positionsOf(
      cells
        .filter((c) => c.entries.length > 0)
        .map((c) => ({ providerId: c.providerId, values: c.entries.map((e) => e.category) })),
      (values) => values.map((v) => categoryLabels[v as Category]).join(' / '),
    );
    if (meaning.length > 1) {
      add(
        'meaning',
        somePair(meaning, disjoint) ? 'high' : 'medium',
        null,
        `${rowLabel(rowId)} means different things`,
        meaning,
      );
    }
  }

  // status: the same condition under different statuses. Only HTTP statuses and "inside a 200
  // stream" count: status-less entries (client timeouts, websocket or gRPC errors) are another
  // channel, not another status for the same condition.
  const signals = (provider: ProviderContext, category: Category): readonly string[] =>
    signalsOf(provider).get(category) ?? [];
  const statusLabel = (values: string[]) => values.map(signalLabel).join(', ');

  if (rowId.mode === 'category' && !catchAllCategories.has(rowId.category)) {
    const category = rowId.category;
    const status = positionsOf(
      providers
        .map((p) => ({ providerId: p.id, values: signals(p, category) }))
        .filter((s) => s.values.length > 0),
      statusLabel,
    );
    if (status.length > 1) {
      add(
        'status',
        somePair(status, disjoint) ? 'high' : 'medium',
        category,
        `${categoryLabels[category]} is signalled differently`,
        status,
      );
    }
  }

  if (rowId.mode === 'status' && rowId.status !== null) {
    const here = String(rowId.status);
    for (const category of groups.keys()) {
      if (catchAllCategories.has(category)) continue;
      const stances = providers
        .map((p) => ({ providerId: p.id, values: signals(p, category) }))
        .filter((s) => s.values.some((v) => v !== 'stream'));
      const elsewhere = stances.filter((s) => !s.values.includes(here));
      if (elsewhere.length === 0 || elsewhere.length === stances.length) continue;
      const status = positionsOf(stances, statusLabel);
      add(
        'status',
        somePair(status, disjoint) ? 'high' : 'medium',
        category,
        `${rowId.status} ${categoryLabels[category]}: the same condition has other statuses elsewhere`,
        status,
      );
    }
  }

  return out.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      disagreementKinds.indexOf(a.kind) - disagreementKinds.indexOf(b.kind) ||
      categoryIndex(a.category) - categoryIndex(b.category),
  );
}

const categoryIndex = (category: Category | null) =>
  category === null ? -1 : categories.indexOf(category);
