/** Run button, progress bar, Cancel and status line for a worker job. */

import type { JobResult } from './job-types';
import type { JobStatus } from './use-worker-job';
import { buttonClass, primaryButtonClass } from '../../../components/form-styles';
import { formatDuration, formatPercent } from '../../../lib/format';

/** Run button, progress bar, Cancel, and a polite status line for a worker job. */
export function JobControls<R extends JobResult>({
  id,
  status,
  currentKey,
  runLabel,
  onRun,
  onCancel,
}: {
  id: string;
  status: JobStatus<R>;
  currentKey: string;
  runLabel: string;
  onRun: () => void;
  onCancel: () => void;
}) {
  const running = status.state === 'running';
  const progress = status.state === 'running' || status.state === 'cancelled' ? status.progress : 0;
  let text = '';
  if (status.state === 'running') text = `Running… ${formatPercent(progress)}`;
  else if (status.state === 'cancelled') text = `Cancelled at ${formatPercent(progress)}.`;
  else if (status.state === 'error') text = `The simulation failed: ${status.message}`;
  else if (status.state === 'done')
    text =
      status.key === currentKey
        ? `Done in ${formatDuration(status.ms)}.`
        : 'The results below are for earlier settings: run again to update them.';
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className={primaryButtonClass} onClick={onRun} disabled={running}>
        {runLabel}
      </button>
      {running && (
        <>
          <label htmlFor={`${id}-progress`} className="sr-only">
            Progress
          </label>
          <progress
            id={`${id}-progress`}
            max={1}
            value={progress}
            className="h-2 w-40 accent-blue-700"
          />
          <button type="button" className={buttonClass} onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      <p
        role="status"
        className="text-sm text-slate-700 dark:text-slate-300"
        data-testid={`${id}-status`}
      >
        {text}
      </p>
    </div>
  );
}
