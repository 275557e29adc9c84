/**
 * The matrix as CSV (RFC 4180) or as a GitHub Markdown table, for pasting into an issue.
 * One line per matrix row, one column per provider; each cell summarises the provider's entries
 * (status and code, category, retry advice, wait), one entry per line.
 */
import { categoryLabels, retryAdviceLabels, statusText } from '../catalog/labels';
import type { ErrorEntry } from '../catalog/schema';
import type { Matrix, MatrixCell, MatrixRow } from './types';

export interface ExportOptions {
  /** Only rows where the chosen providers differ (the toggle). Default false. */
  onlyDiffering?: boolean;
  /** Add a last column with the row's disagreements. Default true. */
  disagreements?: boolean;
}

/** `500 Internal server error · Server error · Retry with backoff · wait: 30–60 s …` */
export function summarizeEntry(entry: ErrorEntry): string {
  const head =
    entry.providerCodes.length > 0
      ? `${statusText(entry)} ${entry.providerCodes.join(' / ')}`
      : `${statusText(entry)} ${entry.title}`;
  const parts = [head, categoryLabels[entry.category], retryAdviceLabels[entry.retry.advice]];
  if (entry.retry.wait) parts.push(`wait: ${entry.retry.wait.text}`);
  return parts.join(' · ');
}

/** One line per entry; linked in-stream entries follow, marked "also in stream:". */
export function summarizeCell(cell: MatrixCell): string[] {
  return [
    ...cell.entries.map(summarizeEntry),
    ...cell.inStream.map((e) => `also in stream: ${summarizeEntry(e)}`),
  ];
}

/** The row's disagreements, then "Not documented by …" for a gap. */
function findingsText(row: MatrixRow): string {
  const lines = row.disagreements.map((d) => d.text);
  if (row.missing.length > 0) lines.push(`Not documented by ${row.missing.join(', ')}`);
  return lines.join('\n');
}

function table(matrix: Matrix, options: ExportOptions): { row: MatrixRow; cells: string[] }[] {
  const withFindings = options.disagreements ?? true;
  const rows = options.onlyDiffering ? matrix.rows.filter((r) => r.differs) : matrix.rows;
  return rows.map((row) => ({
    row,
    cells: [
      row.label,
      ...matrix.providers.map((p) => {
        const cell = row.cells.find((c) => c.providerId === p.id);
        return cell ? summarizeCell(cell).join('\n') : '';
      }),
      ...(withFindings ? [findingsText(row)] : []),
    ],
  }));
}

function header(matrix: Matrix, options: ExportOptions): string[] {
  return [
    matrix.mode === 'status' ? 'Status' : 'Category',
    ...matrix.providers.map((p) => p.name),
    ...((options.disagreements ?? true) ? ['Disagreements'] : []),
  ];
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted; quotes are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a header line and CRLF line breaks (RFC 4180); empty cells are empty fields. */
export function toCsv(matrix: Matrix, options: ExportOptions = {}): string {
  const lines = [
    ['Key', ...header(matrix, options)],
    ...table(matrix, options).map(({ row, cells }) => [row.key, ...cells]),
  ];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Text safe inside a GitHub table cell: `|` and Markdown punctuation (`\ ` * [ ] < > ~`, and `_`
 * except inside a word) are backslash-escaped, entity-like `&` too, and line breaks become `<br>`.
 */
export function markdownCell(value: string): string {
  const escaped = value
    .replace(/[\\`*[\]<>|~]/g, (c) => `\\${c}`)
    // `_` only emphasises at a word edge; snake_case codes stay readable.
    .replace(/_/g, (c, i: number, s: string) =>
      /[A-Za-z0-9]/.test(s[i - 1] ?? '') && /[A-Za-z0-9]/.test(s[i + 1] ?? '') ? c : `\\${c}`,
    )
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\r\n?|\n/g, '<br>');
  return escaped.trim() === '' ? '—' : escaped;
}

/** A GitHub Markdown table; empty cells show "—". */
export function toMarkdown(matrix: Matrix, options: ExportOptions = {}): string {
  const head = header(matrix, options);
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [
    line(head),
    `|${head.map(() => ' --- ').join('|')}|`,
    ...table(matrix, options).map(({ cells }) => line(cells)),
  ].join('\n');
}
