/** The table of delays before each retry (min, median, max, cumulative) for the Timeline tab. */

import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { MEDIAN_SAMPLES, type DelayTable } from '../charts/chart-data';
import { formatCount, formatDuration } from '../../../lib/format';

function Bound({ ms, inclusive }: { ms: number; inclusive: boolean }) {
  return (
    <>
      {formatDuration(ms)}
      {!inclusive && (
        <span
          className="ml-1 text-xs text-slate-600 dark:text-slate-400"
          title="never exactly this value"
        >
          (excl.)
        </span>
      )}
    </>
  );
}

const capText = { no: '—', sometimes: 'sometimes', always: 'yes' } as const;
const deadlineText = {
  before: 'before',
  maybe: 'may pass it',
  after: 'past it',
} as const;

export function DelayTableView({
  table,
  caption,
  hasDeadline,
  latencyMs,
}: {
  table: DelayTable;
  caption: string;
  hasDeadline: boolean;
  latencyMs: number;
}) {
  if (table.rows.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
        This policy makes a single attempt: there is no wait to show.
      </p>
    );
  }
  const est = table.anyEstimated ? '*' : '';
  // The caption sits above the scroll box, not in the table: a <caption> is as wide as its
  // table, so on a phone most of it would be scrolled out of sight.
  return (
    <div>
      <p id="delay-table-caption" className={captionClass}>
        {caption}
      </p>
      <div
        className="overflow-x-auto"
        // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Delay per retry (scrollable)"
      >
        <table className={tableClass} id="delay-table" aria-labelledby="delay-table-caption">
          <thead>
            <tr className={headRow}>
              <th scope="col" className={th}>
                Retry
              </th>
              <th scope="col" className={`${th} text-right`}>
                Min
              </th>
              <th scope="col" className={`${th} text-right`}>
                Median
              </th>
              <th scope="col" className={`${th} text-right`}>
                Max
              </th>
              <th scope="col" className={th}>
                At the cap
              </th>
              <th scope="col" className={`${th} text-right`}>
                Total waited: min
              </th>
              <th scope="col" className={`${th} text-right`}>
                median{est}
              </th>
              <th scope="col" className={`${th} text-right`}>
                max
              </th>
              {latencyMs > 0 && (
                <th scope="col" className={`${th} text-right`}>
                  Next attempt at (median)
                </th>
              )}
              {hasDeadline && (
                <th scope="col" className={th}>
                  Next attempt vs deadline
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.retry} className={tr} data-retry={r.retry}>
                <th scope="row" className={`${td} font-normal`}>
                  {formatCount(r.retry)}{' '}
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    (after attempt {r.retry})
                  </span>
                </th>
                <td className={`${td} text-right tabular-nums`}>
                  <Bound ms={r.minMs} inclusive={r.minInclusive} />
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  {formatDuration(r.medianMs)}
                  {!r.medianExact && '*'}
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  <Bound ms={r.maxMs} inclusive={r.maxInclusive} />
                </td>
                <td className={td}>{capText[r.capped]}</td>
                <td className={`${td} text-right tabular-nums`}>{formatDuration(r.cumMinMs)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatDuration(r.cumMedianMs)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatDuration(r.cumMaxMs)}</td>
                {latencyMs > 0 && (
                  <td className={`${td} text-right tabular-nums`}>
                    {formatDuration(r.nextMedianMs)}
                  </td>
                )}
                {hasDeadline && <td className={td}>{deadlineText[r.deadline]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {table.anyEstimated &&
            `* Estimated from ${formatCount(MEDIAN_SAMPLES)} seeded draws; min and max are exact. `}
          {table.end === 'display-limit' &&
            `Only the first ${table.rows.length} retries are shown. `}
          {table.end === 'deadline' && 'Later retries would (usually) start after the deadline. '}
          “Excl.” marks a bound the jitter approaches but never draws.
        </p>
      </div>
    </div>
  );
}
