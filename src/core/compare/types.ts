/**
 * Plain-data types of the comparison engine behind the "Compare providers" view.
 * Everything here is derived from the loaded catalogs; nothing names a provider.
 */
import type { Category, ErrorEntry } from '../catalog/schema';

/** `status`: one row per HTTP status (plus status-less kinds); `category`: one row per category. */
export type CompareMode = 'status' | 'category';

export const compareModes: readonly CompareMode[] = ['status', 'category'];

/** A chosen provider, in the order the user chose it. */
export interface CompareProvider {
  id: string;
  name: string;
}

/** What one provider documents for one row. */
export interface MatrixCell {
  providerId: string;
  providerName: string;
  /** The provider's entries that belong to the row; empty means "documents nothing". */
  entries: ErrorEntry[];
  /**
   * In-stream entries (status `null`, category `stream_error`) of the same provider that share a
   * provider code with one of `entries`: the same condition, also delivered inside a 200 stream.
   * Never repeats an entry of `entries`.
   */
  inStream: ErrorEntry[];
}

export type DisagreementKind =
  /** Same status (and category), different retry advice. */
  | 'advice'
  /** Same status, different categories: the number means different things. */
  | 'meaning'
  /** Different wait windows for the same condition (including "a window" vs "none given"). */
  | 'wait'
  /** The same condition (category) signalled under different statuses, or inside a 200 stream. */
  | 'status'
  /** The official SDK retries it automatically at some providers and not at others. */
  | 'sdk';

export const disagreementKinds: readonly DisagreementKind[] = [
  'advice',
  'meaning',
  'wait',
  'status',
  'sdk',
];

export type Severity = 'high' | 'medium' | 'low';

/** One side of a disagreement: the providers that hold the same position. */
export interface Position {
  /** Human wording of the position, e.g. "Contact support" or "503, inside a 200 stream". */
  label: string;
  /**
   * Machine values making up the position (a provider may hold several): retry advices,
   * categories, statuses as strings (`"stream"` for inside a 200 stream), wait keys (`"none"` for
   * no wait given), or `"yes"` / `"no"` for SDK retries.
   */
  values: string[];
  providerIds: string[];
}

/** A typed finding about a row, with a sentence a person can read. */
export interface Disagreement {
  kind: DisagreementKind;
  severity: Severity;
  mode: CompareMode;
  rowKey: string;
  /** The category the finding is about, when it is about one. */
  category: Category | null;
  /** One sentence, e.g. "500 Server error: retry advice differs — …". */
  text: string;
  /** Two or more positions, largest group first. */
  positions: Position[];
}

export interface MatrixRow {
  /** Stable and URL-safe: `429`, `none-timeout`, `cat-overloaded`. */
  key: string;
  label: string;
  mode: CompareMode;
  /** The HTTP status of a status row; `null` for status-less rows and for category rows. */
  status: number | null;
  /** The category of a category row or of a status-less status row; otherwise `null`. */
  category: Category | null;
  /** One cell per chosen provider, in the chosen order. */
  cells: MatrixCell[];
  disagreements: Disagreement[];
  /**
   * The chosen providers that document nothing in this row while another one does (names, in
   * column order); empty when every chosen provider documents it.
   */
  missing: string[];
  /** True when the row carries at least one disagreement or is a gap (`missing` not empty). */
  differs: boolean;
}

export interface Matrix {
  mode: CompareMode;
  providers: CompareProvider[];
  rows: MatrixRow[];
}
