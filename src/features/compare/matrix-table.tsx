/**
 * The matrix: a row per status or category, a column per provider, in its own scroll box.
 *
 * It is the biggest table of the app (40 rows × 20 providers), so every cell is kept light: an
 * entry is one plain link, one advice badge and one line of text (category, wait); a list only
 * when a cell holds several entries; the styling lives in `.matrix` rules (index.css) rather than
 * in a class list repeated on 800 cells; and the table has a fixed layout with set column widths,
 * so the browser does not measure every cell's content to size the columns. Links are plain
 * `<a>` elements, made in-app navigations by one click handler on the table instead of a router
 * `Link` component per cell.
 */
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { CSSProperties, MouseEvent } from 'react';
import { Link, useRouter } from '@tanstack/react-router';
import { categoryLabels, statusText } from '../../core/catalog/labels';
import type { ErrorEntry } from '../../core/catalog/schema';
import type { Matrix, MatrixRow } from '../../core/compare/types';
import { AdviceBadge } from '../../components/badges';

/** Column widths in rem: the row headers, then each provider. */
const headerRem = 11;
const providerRem = 11;

const errorHref = (providerId: string, errorId: string) =>
  `/providers/${encodeURIComponent(providerId)}/errors/${encodeURIComponent(errorId)}`;

function Entry({
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
  const note = [
    showCategory ? categoryLabels[entry.category] : null,
    entry.retry.wait ? `wait: ${entry.retry.wait.text}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <a href={errorHref(providerId, entry.id)}>
        {`${inStream ? 'in stream: ' : ''}${statusText(entry)} ${entry.providerCodes[0] ?? entry.title}`}
      </a>
      <AdviceBadge advice={entry.retry.advice} />
      {note && <span className="note">{note}</span>}
    </>
  );
}

/**
 * One row: its own (memoised) component, so React hydrates the table row by row, yielding in
 * between, and re-renders only the rows that change.
 */
const Row = memo(function Row({
  row,
  showCategory,
  selected,
  onSideBySide,
}: {
  row: MatrixRow;
  showCategory: boolean;
  selected: boolean;
  onSideBySide: (rowKey: string) => void;
}) {
  return (
    <tr data-row={row.key} data-differs={row.differs ? 'true' : 'false'}>
      <th
        scope="row"
        className={
          [row.differs && 'differs', selected && 'selected'].filter(Boolean).join(' ') || undefined
        }
      >
        {row.label}
        {row.differs && (
          <details>
            <summary>
              ⚠ Differs:{' '}
              {row.disagreements.length > 0 &&
                `${row.disagreements.length} ${row.disagreements.length === 1 ? 'finding' : 'findings'}`}
              {row.disagreements.length > 0 && row.missing.length > 0 && ', '}
              {row.missing.length > 0 && 'not documented by all'}
            </summary>
            <ul>
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
          onClick={() => onSideBySide(row.key)}
          aria-label={`Compare ${row.label} side by side`}
        >
          Side by side
        </button>
      </th>
      {row.cells.map((cell) => {
        const count = cell.entries.length + cell.inStream.length;
        if (count === 0)
          return (
            <td key={cell.providerId} className="undocumented">
              <span>Not documented</span>
            </td>
          );
        const entries = [
          ...cell.entries.map((e) => (
            <Entry key={e.id} providerId={cell.providerId} entry={e} showCategory={showCategory} />
          )),
          ...cell.inStream.map((e) => (
            <Entry
              key={e.id}
              providerId={cell.providerId}
              entry={e}
              inStream
              showCategory={showCategory}
            />
          )),
        ];
        // `.cell` is laid out only near the visible part of the scroll box
        // (content-visibility); `--entries` sizes it until then.
        return (
          <td key={cell.providerId}>
            {count === 1 ? (
              <div className="cell">{entries}</div>
            ) : (
              <ul className="cell" style={{ '--entries': count } as CSSProperties}>
                {entries.map((entry) => (
                  <li key={entry.key}>{entry}</li>
                ))}
              </ul>
            )}
          </td>
        );
      })}
    </tr>
  );
});

/** A plain left click on a same-site link: the router's job, as a `Link` would do it. */
function inAppHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element).closest('a');
  if (!link || link.target || link.hasAttribute('download')) return null;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return null;
  return url.pathname + url.search + url.hash;
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
  const router = useRouter();
  const showCategory = matrix.mode === 'status';
  // The rows get one callback for good, so that a new `onSideBySide` does not re-render them.
  const latestSideBySide = useRef(onSideBySide);
  useLayoutEffect(() => {
    latestSideBySide.current = onSideBySide;
  });
  const sideBySide = useCallback((rowKey: string) => latestSideBySide.current(rowKey), []);
  const onClick = (event: MouseEvent) => {
    const href = inAppHref(event);
    if (href === null) return;
    event.preventDefault();
    void router.navigate({ href });
  };
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
      {/* The clicks handled here are those of the links inside; keyboard activation of a link is a click too. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <table
        className="matrix"
        id="compare-matrix"
        style={{ width: `${headerRem + providerRem * matrix.providers.length}rem` }}
        onClick={onClick}
      >
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ width: `${headerRem}rem` }}>
              {matrix.mode === 'status' ? 'Status' : 'Category'}
            </th>
            {matrix.providers.map((p) => (
              <th key={p.id} scope="col" style={{ width: `${providerRem}rem` }}>
                <Link to="/providers/$providerId" params={{ providerId: p.id }}>
                  {p.name}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row
              key={row.key}
              row={row}
              showCategory={showCategory}
              selected={selectedRow === row.key}
              onSideBySide={sideBySide}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
