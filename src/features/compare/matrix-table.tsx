/** The matrix: a row per status or category, a column per provider, in its own scroll box. */
import { Link } from '@tanstack/react-router';
import { statusText } from '../../core/catalog/labels';
import type { ErrorEntry } from '../../core/catalog/schema';
import type { Matrix, MatrixRow } from '../../core/compare/types';
import { AdviceBadge, CategoryBadge } from '../../components/badges';

function EntryLine({
  providerId,
  entry,
  inStream = false,
  showCategory,
}: {
  providerId: string;
  entry: ErrorEntry;
  inStream?: boolean;
  showCategory: boolean;
}) {
  return (
    <li className="space-y-0.5">
      <Link
        to="/providers/$providerId/errors/$errorId"
        params={{ providerId, errorId: entry.id }}
        className="text-xs font-medium"
      >
        {inStream && <span className="mr-1 text-slate-600 dark:text-slate-400">in stream:</span>}
        <span className="font-mono">{statusText(entry)}</span>{' '}
        {entry.providerCodes[0] ?? entry.title}
      </Link>
      <div className="flex flex-wrap gap-1">
        {showCategory && <CategoryBadge category={entry.category} />}
        <AdviceBadge advice={entry.retry.advice} />
      </div>
      {entry.retry.wait && (
        <div className="text-xs text-slate-600 dark:text-slate-400">{entry.retry.wait.text}</div>
      )}
    </li>
  );
}

export function MatrixTable({
  matrix,
  rows,
  caption,
  onSideBySide,
  selectedRow,
}: {
  matrix: Matrix;
  rows: MatrixRow[];
  caption: string;
  onSideBySide: (rowKey: string) => void;
  selectedRow: string | undefined;
}) {
  return (
    <div
      // `relative` makes the box the containing block of the cells' visually hidden labels, so
      // they scroll inside it instead of stretching the page into blank space.
      className="relative max-h-[75vh] overflow-auto rounded-md border border-slate-200 dark:border-slate-700"
      // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label="Comparison matrix (scrollable)"
    >
      <table className="border-separate border-spacing-0 text-left text-sm" id="compare-matrix">
        <caption className="p-2 text-left text-sm text-slate-600 dark:text-slate-400">
          {caption}
        </caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky top-0 left-0 z-20 min-w-40 border-b border-slate-300 bg-slate-100 p-2 dark:border-slate-600 dark:bg-slate-800"
            >
              {matrix.mode === 'status' ? 'Status' : 'Category'}
            </th>
            {matrix.providers.map((p) => (
              <th
                key={p.id}
                scope="col"
                className="sticky top-0 z-10 min-w-36 border-b border-slate-300 bg-slate-100 p-2 whitespace-nowrap dark:border-slate-600 dark:bg-slate-800"
              >
                <Link to="/providers/$providerId" params={{ providerId: p.id }}>
                  {p.name}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key} data-differs={row.differs ? 'true' : 'false'}>
              <th
                scope="row"
                className={`sticky left-0 z-10 border-b border-slate-200 bg-white p-2 align-top font-normal dark:border-slate-800 dark:bg-slate-950 ${
                  row.differs ? 'border-l-4 border-l-amber-500' : ''
                } ${selectedRow === row.key ? 'bg-sky-50 dark:bg-sky-950' : ''}`}
              >
                <div className="font-semibold">{row.label}</div>
                {row.differs && (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer font-medium text-amber-800 dark:text-amber-300">
                      ⚠ Differs:{' '}
                      {row.disagreements.length > 0 &&
                        `${row.disagreements.length} ${row.disagreements.length === 1 ? 'finding' : 'findings'}`}
                      {row.disagreements.length > 0 && row.missing.length > 0 && ', '}
                      {row.missing.length > 0 && 'not documented by all'}
                    </summary>
                    <ul className="mt-1 max-w-64 list-disc space-y-1 pl-4">
                      {row.disagreements.map((d, i) => (
                        <li key={i}>{d.text}</li>
                      ))}
                      {row.missing.length > 0 && (
                        <li data-gap="true">Not documented by {row.missing.join(', ')}</li>
                      )}
                    </ul>
                  </details>
                )}
                <button
                  type="button"
                  className="mt-1 block rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                  onClick={() => onSideBySide(row.key)}
                  aria-label={`Compare ${row.label} side by side`}
                >
                  Side by side
                </button>
              </th>
              {row.cells.map((cell) => (
                <td
                  key={cell.providerId}
                  className="border-b border-slate-200 p-2 align-top dark:border-slate-800"
                >
                  {cell.entries.length === 0 && cell.inStream.length === 0 ? (
                    <span className="text-slate-400 dark:text-slate-500">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">Not documented</span>
                    </span>
                  ) : (
                    <ul className="space-y-2">
                      {cell.entries.map((e) => (
                        <EntryLine
                          key={e.id}
                          providerId={cell.providerId}
                          entry={e}
                          showCategory={matrix.mode === 'status'}
                        />
                      ))}
                      {cell.inStream.map((e) => (
                        <EntryLine
                          key={e.id}
                          providerId={cell.providerId}
                          entry={e}
                          inStream
                          showCategory={matrix.mode === 'status'}
                        />
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
