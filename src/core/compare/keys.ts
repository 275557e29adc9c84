/**
 * Row keys: stable, URL-safe names for matrix rows.
 *
 * - status mode: the status itself (`429`), or `none-<category>` for errors without an HTTP
 *   status (`none-connection`, `none-timeout`, `none-stream_error`, …);
 * - category mode: `cat-<category>` (`cat-overloaded`).
 */
import { reasonPhrase } from '../catalog/http';
import { categories } from '../catalog/enums';
import type { Category, ErrorEntry } from '../catalog/schema';
import { categoryLabels } from '../catalog/labels';
import type { CompareMode } from './types';

export type RowId =
  | { mode: 'status'; status: number; category: null }
  | { mode: 'status'; status: null; category: Category }
  | { mode: 'category'; status: null; category: Category };

const categorySet: ReadonlySet<string> = new Set(categories);
const isCategory = (value: string): value is Category => categorySet.has(value);

export function statusRowKey(status: number): string {
  return String(status);
}

export function statuslessRowKey(category: Category): string {
  return `none-${category}`;
}

export function categoryRowKey(category: Category): string {
  return `cat-${category}`;
}

export function rowIdKey(id: RowId): string {
  if (id.mode === 'category') return categoryRowKey(id.category);
  return id.status === null ? statuslessRowKey(id.category) : statusRowKey(id.status);
}

/** The row an entry belongs to in a mode. */
export function rowIdOf(entry: Pick<ErrorEntry, 'status' | 'category'>, mode: CompareMode): RowId {
  if (mode === 'category') return { mode, status: null, category: entry.category };
  return entry.status === null
    ? { mode, status: null, category: entry.category }
    : { mode, status: entry.status, category: null };
}

export function rowKeyOf(
  entry: Pick<ErrorEntry, 'status' | 'category'>,
  mode: CompareMode,
): string {
  return rowIdKey(rowIdOf(entry, mode));
}

/** The row a key names, or `null` for a key no row could have. */
export function parseRowKey(key: string): RowId | null {
  if (/^[1-5]\d\d$/.test(key)) return { mode: 'status', status: Number(key), category: null };
  const none = /^none-(.+)$/.exec(key)?.[1];
  if (none !== undefined) {
    return isCategory(none) ? { mode: 'status', status: null, category: none } : null;
  }
  const cat = /^cat-(.+)$/.exec(key)?.[1];
  if (cat !== undefined) {
    return isCategory(cat) ? { mode: 'category', status: null, category: cat } : null;
  }
  return null;
}

const statuslessLabels: Partial<Record<Category, string>> = {
  connection: 'No response (connection error)',
  timeout: 'No response (client timeout)',
  stream_error: 'Inside a 200 stream',
};

export function rowLabel(id: RowId): string {
  if (id.mode === 'category') return categoryLabels[id.category];
  if (id.status !== null) return `${id.status} ${reasonPhrase(id.status) || '(non-standard)'}`;
  return statuslessLabels[id.category] ?? `No HTTP status: ${categoryLabels[id.category]}`;
}

/** Status-less kinds first in this order, then the rest in schema order. */
const statuslessOrder: readonly Category[] = [
  'connection',
  'timeout',
  'stream_error',
  ...categories.filter((c) => c !== 'connection' && c !== 'timeout' && c !== 'stream_error'),
];

const categoryIndex = (id: RowId) => (id.category === null ? -1 : categories.indexOf(id.category));

/**
 * Row order: status rows numerically, then status-less rows (connection, timeout, in-stream,
 * then the others); category rows in the schema's category order.
 */
export function compareRowIds(a: RowId, b: RowId): number {
  if (a.mode !== b.mode) return a.mode === 'status' ? -1 : 1;
  if (a.mode === 'category' || b.mode === 'category') return categoryIndex(a) - categoryIndex(b);
  if (a.status !== null && b.status !== null) return a.status - b.status;
  if (a.status !== null) return -1;
  if (b.status !== null) return 1;
  return statuslessOrder.indexOf(a.category) - statuslessOrder.indexOf(b.category);
}
