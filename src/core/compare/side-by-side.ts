/**
 * Side by side: one row of the matrix, 2–4 providers, aligned field by field.
 *
 * A field `differs` when at least two chosen providers document the row and their normalised
 * values (`compareKey`) are not all equal. Providers that document nothing for the row are shown
 * (`documented: false`, empty items) but take no part in `differs`: absence is not a value.
 */
import { categoryLabels, retryAdviceLabels } from '../catalog/labels';
import type { ErrorEntry, ProviderCatalog } from '../catalog/schema';
import { waitKey } from './findings';
import { parseRowKey } from './keys';
import { buildRow } from './matrix';
import type { CompareMode, Disagreement } from './types';

export const minSideBySide = 2;
export const maxSideBySide = 4;

export type SideBySideFieldKey =
  | 'meaning'
  | 'category'
  | 'retryAdvice'
  | 'wait'
  | 'sdkRetries'
  | 'headers'
  | 'body'
  | 'sdkExceptions';

export const sideBySideFieldLabels: Record<SideBySideFieldKey, string> = {
  meaning: 'Meaning',
  category: 'Category',
  retryAdvice: 'Retry advice',
  wait: 'Wait',
  sdkRetries: 'SDK retries',
  headers: 'Headers',
  body: 'Body shape',
  sdkExceptions: 'SDK exceptions',
};

export interface SideBySideValue {
  providerId: string;
  /** Human-readable lines; empty when the provider documents nothing for the row. */
  items: string[];
  /** The normalised form `differs` compares; `''` when the provider documents nothing. */
  compareKey: string;
}

export interface SideBySideField {
  key: SideBySideFieldKey;
  label: string;
  /** One value per chosen provider, in the chosen order. */
  values: SideBySideValue[];
  differs: boolean;
}

export interface SideBySideProvider {
  id: string;
  name: string;
  documented: boolean;
  entries: ErrorEntry[];
  /** In-stream entries carrying the same provider codes (see `MatrixCell.inStream`). */
  inStream: ErrorEntry[];
}

export interface SideBySide {
  mode: CompareMode;
  rowKey: string;
  label: string;
  providers: SideBySideProvider[];
  fields: SideBySideField[];
  /** The row's disagreements among the chosen providers. */
  disagreements: Disagreement[];
}

/** Names of provider-level headers about rate limits and retrying. */
const retryHeaderPattern = /rate-?limit|retry/i;

const uniq = (values: Iterable<string>) => [...new Set(values)];
const sortedKey = (values: Iterable<string>) => uniq(values).sort().join('|');

/** Lower-case words only: "Internal Server Error" and "internal server error." compare equal. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The structure of an example body: its key paths, without values. `{"error":{"message":"x"}}`
 * → `error,error.message`; arrays add `[]`; a non-JSON (string) body is `text`.
 */
export function bodyShapeKey(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return 'text';
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      const itemPath = `${path}[]`;
      paths.push(itemPath);
      for (const item of value) walk(item, itemPath);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        paths.push(childPath);
        walk(child, childPath);
      }
    }
  };
  walk(body, '');
  return paths.length > 0 ? sortedKey(paths) : typeof body;
}

const formatBody = (body: unknown) =>
  typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body, null, 2);

type FieldBuilder = (
  catalog: ProviderCatalog,
  entries: ErrorEntry[],
) => { items: string[]; compareKey: string };

const fieldBuilders: Record<SideBySideFieldKey, FieldBuilder> = {
  meaning: (_, entries) => ({
    items: entries.map((e) => `${e.title}: ${e.meaning}`),
    compareKey: sortedKey(entries.map((e) => normaliseText(e.title))),
  }),
  category: (_, entries) => ({
    items: uniq(entries.map((e) => categoryLabels[e.category])),
    compareKey: sortedKey(entries.map((e) => e.category)),
  }),
  retryAdvice: (_, entries) => ({
    items: uniq(
      entries.map((e) =>
        e.retry.note
          ? `${retryAdviceLabels[e.retry.advice]}: ${e.retry.note}`
          : retryAdviceLabels[e.retry.advice],
      ),
    ),
    compareKey: sortedKey(entries.map((e) => e.retry.advice)),
  }),
  wait: (_, entries) => ({
    items: uniq(entries.map((e) => e.retry.wait?.text ?? 'No wait given')),
    compareKey: sortedKey(entries.map((e) => waitKey(e.retry.wait))),
  }),
  sdkRetries: (catalog, entries) => {
    const values = entries.map((e) =>
      e.retry.sdkRetries === undefined ? 'unknown' : e.retry.sdkRetries ? 'yes' : 'no',
    );
    const words = { yes: 'Retried automatically', no: 'Not retried automatically' } as const;
    return {
      items: [
        ...uniq(values).map((v) => (v === 'unknown' ? 'Not documented' : words[v as 'yes' | 'no'])),
        ...uniq(
          catalog.sdks.map(
            (s) =>
              `${s.name} (${s.language}): ${
                s.defaultMaxRetries === null
                  ? 'retry count not documented'
                  : `${s.defaultMaxRetries} ${s.defaultMaxRetries === 1 ? 'retry' : 'retries'} by default`
              }`,
          ),
        ),
      ],
      compareKey: sortedKey(values),
    };
  },
  headers: (catalog, entries) => {
    const providerHeaders = catalog.headers.filter((h) => retryHeaderPattern.test(h.name));
    const exampleHeaders = entries.flatMap((e) =>
      Object.entries(e.example.headers).filter(([name]) => name.toLowerCase() !== 'content-type'),
    );
    const items = uniq([
      ...providerHeaders.map((h) => `${h.name}: ${h.meaning}`),
      ...exampleHeaders.map(([name, value]) => `example ${name}: ${value}`),
    ]);
    return {
      items: items.length > 0 ? items : ['No rate-limit, retry or example headers documented'],
      compareKey: sortedKey([
        ...providerHeaders.map((h) => h.name.toLowerCase()),
        ...exampleHeaders.map(([name]) => name.toLowerCase()),
      ]),
    };
  },
  body: (catalog, entries) => ({
    items: uniq([
      catalog.bodyShape.description,
      ...entries.map((e) => formatBody(e.example.body)).filter((b) => b !== ''),
    ]),
    compareKey: sortedKey(entries.map((e) => bodyShapeKey(e.example.body))),
  }),
  sdkExceptions: (_, entries) => {
    const exceptions = entries.flatMap((e) => e.sdkExceptions);
    return {
      items: uniq(exceptions.map((x) => `${x.className} (${x.sdk})`)),
      compareKey: sortedKey(exceptions.map((x) => x.className)),
    };
  },
};

const fieldKeys = Object.keys(sideBySideFieldLabels) as SideBySideFieldKey[];

/**
 * Aligns one row for 2–4 providers. Returns `null` when `rowKey` names no row of `mode`.
 * Throws a `RangeError` when fewer than 2 or more than 4 of `providerIds` are known catalogs.
 */
export function sideBySide(
  catalogs: readonly ProviderCatalog[],
  providerIds: readonly string[],
  rowKey: string,
  mode: CompareMode,
): SideBySide | null {
  const rowId = parseRowKey(rowKey);
  if (!rowId || rowId.mode !== mode) return null;
  const byId = new Map(catalogs.map((c) => [c.id, c]));
  const chosen = [...new Set(providerIds)].flatMap((id) => {
    const catalog = byId.get(id);
    return catalog ? [catalog] : [];
  });
  if (chosen.length < minSideBySide || chosen.length > maxSideBySide) {
    throw new RangeError(
      `side by side compares ${minSideBySide} to ${maxSideBySide} known providers; got ${chosen.length}`,
    );
  }

  const row = buildRow(
    chosen,
    chosen.map((c) => c.id),
    rowId,
  );
  const providers: SideBySideProvider[] = row.cells.map((cell) => ({
    id: cell.providerId,
    name: cell.providerName,
    documented: cell.entries.length > 0,
    entries: cell.entries,
    inStream: cell.inStream,
  }));

  const fields = fieldKeys.map((key): SideBySideField => {
    const values = chosen.map((catalog, i): SideBySideValue => {
      const entries = providers[i]?.entries ?? [];
      if (entries.length === 0) return { providerId: catalog.id, items: [], compareKey: '' };
      return { providerId: catalog.id, ...fieldBuilders[key](catalog, entries) };
    });
    const compared = values.filter((_, i) => providers[i]?.documented);
    return {
      key,
      label: sideBySideFieldLabels[key],
      values,
      differs: compared.length >= 2 && new Set(compared.map((v) => v.compareKey)).size > 1,
    };
  });

  return {
    mode,
    rowKey: row.key,
    label: row.label,
    providers,
    fields,
    disagreements: row.disagreements,
  };
}
