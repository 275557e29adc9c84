/** Replay: the timeline as a table, one row per attempt, with the wait and its reason. */
import { reasonPhrase } from '../../core/catalog/http';
import { captionClass, tableClass, td, tr } from '../../components/table-styles';
import { TableHead } from '../../components/table-head';
import type { TimelineRow } from '../../core/replay/explain';
import { displayPath, streamEndWords } from './attempts';
import { formatVirtual } from './step-words';

/** Response headers worth a line of their own; the rest sit in the disclosure. */
const keyResponseHeader =
  /^(retry-after|retry-after-ms|x-should-retry|x-ratelimit-|anthropic-ratelimit-|request-id|x-request-id|content-type)/;
/** The client's own headers worth showing (the SDK's retry counter, timeout, version). */
const keyRequestHeader =
  /^(x-stainless-retry-count|x-stainless-timeout|x-stainless-package-version|anthropic-version|user-agent)$/;

function HeaderList({
  headers,
  pick,
}: {
  headers: Readonly<Record<string, string>>;
  pick: RegExp;
}) {
  const shown = Object.entries(headers).filter(([k]) => pick.test(k));
  if (shown.length === 0) return null;
  return (
    <ul className="mt-0.5 space-y-0.5 font-mono text-xs break-all">
      {shown.map(([k, v]) => (
        <li key={k}>
          <span className="text-slate-600 dark:text-slate-400">{k}:</span> {v}
        </li>
      ))}
    </ul>
  );
}

function AllHeaders({
  label,
  headers,
}: {
  label: string;
  headers: Readonly<Record<string, string>>;
}) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer">
        {label} ({entries.length})
      </summary>
      <pre className="mt-1 max-w-[28rem] rounded bg-slate-100 p-2 font-mono break-all whitespace-pre-wrap dark:bg-slate-800">
        {entries.map(([k, v]) => `${k}: ${v}`).join('\n')}
      </pre>
    </details>
  );
}

function stepWords(stepIndex: number, stepCount: number): string {
  return stepIndex >= stepCount ? 'after the last step' : `step ${stepIndex + 1}`;
}

function ResponseCell({ row, stepCount }: { row: TimelineRow; stepCount: number }) {
  const step = row.stepIndex !== undefined ? stepWords(row.stepIndex, stepCount) : undefined;
  if (row.networkError)
    return (
      <span className="font-semibold text-rose-800 dark:text-rose-300">
        Network error: {row.networkError}
        {step && <span className="block text-xs font-normal">{step}</span>}
      </span>
    );
  if (row.status === undefined)
    return row.abort ? (
      <span className="font-semibold text-rose-800 dark:text-rose-300">
        No response; aborted at {formatVirtual(row.endT)}: {row.abort}
      </span>
    ) : (
      <span className="text-slate-600 dark:text-slate-400">waiting…</span>
    );
  const headers = row.responseHeaders ?? {};
  const ok = row.status < 400;
  const broken = row.streamEnd !== undefined && row.streamEnd !== 'complete';
  return (
    <div>
      <span
        className={`font-mono font-semibold ${ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
      >
        {row.status} {reasonPhrase(row.status)}
      </span>
      {step && <span className="text-xs text-slate-600 dark:text-slate-400"> ({step})</span>}
      <HeaderList headers={headers} pick={keyResponseHeader} />
      {row.chunks.length > 0 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">
            {row.chunks.length} {row.chunks.length === 1 ? 'chunk' : 'chunks'}
            {row.streamEnd ? `, stream ${streamEndWords[row.streamEnd]}` : ''}
          </summary>
          <ol className="mt-1 max-w-[28rem] space-y-1">
            {row.chunks.map((c, i) => (
              <li key={i} className="rounded bg-slate-100 p-1 dark:bg-slate-800">
                <span className="text-slate-600 dark:text-slate-400">{formatVirtual(c.t)}</span>
                <pre className="font-mono break-all whitespace-pre-wrap">{c.data}</pre>
              </li>
            ))}
          </ol>
        </details>
      )}
      {row.chunks.length === 0 && broken && (
        <p className="text-xs">Stream {streamEndWords[row.streamEnd!]} before any chunk.</p>
      )}
      {row.abort && (
        <p className="text-xs font-semibold text-rose-800 dark:text-rose-300">
          Aborted at {formatVirtual(row.endT)}: {row.abort}
        </p>
      )}
      {row.body !== undefined && row.body !== '' && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer">Body</summary>
          <pre className="mt-1 max-w-[28rem] rounded bg-slate-100 p-2 font-mono break-all whitespace-pre-wrap dark:bg-slate-800">
            {row.body}
          </pre>
        </details>
      )}
      <AllHeaders label="All response headers" headers={headers} />
    </div>
  );
}

/**
 * One row per attempt: when it was sent (virtual time), the request with the client's own
 * headers, the response (status, key headers, body or chunks) and what happened next, in words.
 */
export function TimelineTable({
  rows,
  stepCount,
  caption,
}: {
  rows: readonly TimelineRow[];
  /** The scenario's steps (a step index past them is its `then`). */
  stepCount: number;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="replay-timeline">
        <caption className={captionClass}>{caption}</caption>
        <TableHead columns={['Attempt', 'Sent at', 'Request', 'Response', 'Then']} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.attempt} className={tr} data-attempt={row.attempt}>
              <th scope="row" className={`${td} font-mono`}>
                {row.attempt}
              </th>
              <td className={`${td} font-mono whitespace-nowrap`}>{formatVirtual(row.t)}</td>
              <td className={td}>
                <span className="font-mono">
                  {row.method} {displayPath(row.url)}
                </span>
                <HeaderList headers={row.requestHeaders} pick={keyRequestHeader} />
                <AllHeaders label="All request headers" headers={row.requestHeaders} />
              </td>
              <td className={td}>
                <ResponseCell row={row} stepCount={stepCount} />
              </td>
              <td className={td}>
                {row.waitMs !== undefined && (
                  <span className="block font-mono whitespace-nowrap">
                    waits {formatVirtual(row.waitMs)}
                  </span>
                )}
                <span className="block text-xs">{row.reason}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
