/**
 * The comparison matrix: rows (statuses or categories) × chosen providers.
 *
 * Rows are the union of what the chosen providers document: a status no chosen provider
 * documents has no row. Each row carries its disagreements (see `findings.ts`).
 *
 * The `differs` rule: a row differs when it carries at least one disagreement, or when it is a
 * gap: some chosen providers document it and others do not (Fireworks documents 412, W&B says
 * nothing). A newcomer reading "only where they differ" expects a status one provider documents
 * and another does not to show; hiding it read as "they agree". Advice, wait, SDK and meaning
 * findings still need two providers documenting the row; a `status` finding adds that another
 * chosen provider documents the same condition under another status (a 402 billing row when the
 * other provider bills with 429). A gap names the providers that document nothing in `missing`.
 */
import type { ErrorEntry, ProviderCatalog } from '../catalog/schema';
import { findDisagreements, type ProviderContext } from './findings';
import { compareRowIds, rowIdKey, rowIdOf, rowLabel, type RowId } from './keys';
import type { CompareMode, Matrix, MatrixCell, MatrixRow } from './types';

export interface BuildMatrixOptions {
  /** Providers to compare, in column order. Unknown ids are ignored; omitted means all. */
  providerIds?: readonly string[];
  mode: CompareMode;
}

/** The chosen catalogs in the chosen order (all of them when `providerIds` is omitted). */
export function selectCatalogs(
  catalogs: readonly ProviderCatalog[],
  providerIds?: readonly string[],
): ProviderCatalog[] {
  if (providerIds === undefined) return [...catalogs];
  const byId = new Map(catalogs.map((c) => [c.id, c]));
  return [...new Set(providerIds)].flatMap((id) => {
    const catalog = byId.get(id);
    return catalog ? [catalog] : [];
  });
}

/**
 * In-stream entries (status null, category stream_error) linked to the entries that share one
 * of their provider codes: Anthropic's in-stream `overloaded_error` is the 529's condition.
 */
export function streamLinksOf(catalog: ProviderCatalog): Map<string, ErrorEntry[]> {
  const links = new Map<string, ErrorEntry[]>();
  const streams = catalog.errors.filter(
    (e) => e.status === null && e.category === 'stream_error' && e.providerCodes.length > 0,
  );
  for (const entry of catalog.errors) {
    if (entry.category === 'stream_error') continue;
    const linked = streams.filter((s) =>
      s.providerCodes.some((c) => entry.providerCodes.includes(c)),
    );
    if (linked.length > 0) links.set(entry.id, linked);
  }
  return links;
}

export function providerContext(catalog: ProviderCatalog): ProviderContext {
  return {
    id: catalog.id,
    name: catalog.name,
    errors: catalog.errors,
    streamLinks: streamLinksOf(catalog),
  };
}

function cellOf(context: ProviderContext, entries: ErrorEntry[]): MatrixCell {
  if (entries.length === 0 || context.streamLinks.size === 0)
    return { providerId: context.id, providerName: context.name, entries, inStream: [] };
  const ids = new Set(entries.map((e) => e.id));
  const inStream: ErrorEntry[] = [];
  for (const entry of entries) {
    for (const linked of context.streamLinks.get(entry.id) ?? []) {
      if (!ids.has(linked.id)) {
        ids.add(linked.id);
        inStream.push(linked);
      }
    }
  }
  return { providerId: context.id, providerName: context.name, entries, inStream };
}

function rowOf(rowId: RowId, contexts: readonly ProviderContext[], cells: MatrixCell[]): MatrixRow {
  const disagreements = findDisagreements({ rowId, cells, providers: contexts });
  const empty = cells.filter((c) => c.entries.length === 0 && c.inStream.length === 0);
  const missing =
    empty.length > 0 && empty.length < cells.length ? empty.map((c) => c.providerName) : [];
  return {
    key: rowIdKey(rowId),
    label: rowLabel(rowId),
    mode: rowId.mode,
    status: rowId.status,
    category: rowId.mode === 'status' && rowId.status !== null ? null : rowId.category,
    cells,
    disagreements,
    missing,
    differs: disagreements.length > 0 || missing.length > 0,
  };
}

/** One row for a row id, built even when no chosen provider documents it (all cells empty). */
export function buildRow(
  catalogs: readonly ProviderCatalog[],
  providerIds: readonly string[] | undefined,
  rowId: RowId,
): MatrixRow {
  const contexts = selectCatalogs(catalogs, providerIds).map(providerContext);
  const key = rowIdKey(rowId);
  const cells = contexts.map((context) =>
    cellOf(
      context,
      context.errors.filter((e) => rowIdKey(rowIdOf(e, rowId.mode)) === key),
    ),
  );
  return rowOf(rowId, contexts, cells);
}

export function buildMatrix(
  catalogs: readonly ProviderCatalog[],
  options: BuildMatrixOptions,
): Matrix {
  const { mode } = options;
  const contexts = selectCatalogs(catalogs, options.providerIds).map(providerContext);

  const rowIds = new Map<string, RowId>();
  const entriesByRow = new Map<string, Map<string, ErrorEntry[]>>();
  for (const context of contexts) {
    for (const entry of context.errors) {
      const rowId = rowIdOf(entry, mode);
      const key = rowIdKey(rowId);
      if (!rowIds.has(key)) rowIds.set(key, rowId);
      const byProvider = entriesByRow.get(key) ?? new Map<string, ErrorEntry[]>();
      entriesByRow.set(key, byProvider);
      const list = byProvider.get(context.id) ?? [];
      list.push(entry);
      byProvider.set(context.id, list);
    }
  }

  const rows = [...rowIds.values()].sort(compareRowIds).map((rowId) => {
    const byProvider = entriesByRow.get(rowIdKey(rowId));
    const cells = contexts.map((context) => cellOf(context, byProvider?.get(context.id) ?? []));
    return rowOf(rowId, contexts, cells);
  });

  return {
    mode,
    providers: contexts.map((c) => ({ id: c.id, name: c.name })),
    rows,
  };
}

/** The rows the "only where the chosen providers differ" toggle keeps: disagreements and gaps. */
export function differingRows(matrix: Matrix): MatrixRow[] {
  return matrix.rows.filter((row) => row.differs);
}
