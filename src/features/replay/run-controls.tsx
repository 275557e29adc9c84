/** Replay: Run, Pause/Resume and Cancel, and a line saying where the run is. */
import { buttonClass, primaryButtonClass } from '../../components/form-styles';
import type { MockState } from './mock-worker';
import { formatVirtual } from './step-words';
import type { ReplayRun } from './use-replay-run';

const speedWords = (speed: string | number) => (speed === 'instant' ? 'instantly' : `at ${speed}×`);

/** Run, Pause/Resume and Cancel, and a polite line saying where the run is. */
export function RunControls({
  run,
  runnable,
  mockState,
  catalogReady,
  onRun,
}: {
  run: ReplayRun;
  runnable: boolean;
  mockState: MockState;
  catalogReady: boolean;
  onRun: () => void;
}) {
  const s = run.status;
  const active = s.state === 'running' || s.state === 'paused';
  const attempts = run.events.filter((e) => e.type === 'request').length;
  const lastT = run.events.at(-1)?.t ?? 0;
  const progress = `${attempts} ${attempts === 1 ? 'request' : 'requests'}, virtual time ${formatVirtual(lastT)}`;
  let text: string;
  if (s.state === 'running') text = `Running ${speedWords(s.job.speed)}… ${progress}.`;
  else if (s.state === 'paused')
    text = s.hidden
      ? `Paused while this tab is hidden (the mock server answers only a visible page); it goes on when you come back. ${progress}.`
      : `Paused. ${progress}.`;
  else if (s.state === 'cancelled') text = `Cancelled after ${progress}.`;
  else if (s.state === 'failed') text = `The replay failed: ${s.message}`;
  else if (s.state === 'done') {
    const done = run.events.find((e) => e.type === 'done');
    text = `Done: ${progress}${done && done.type === 'done' ? `, in ${Math.round(done.wallMs)} ms of real time` : ''}.`;
  } else if (mockState.state === 'starting') text = 'Starting the mock server…';
  else if (mockState.state === 'failed')
    text = 'The mock server is not running, so nothing can run.';
  else if (!catalogReady) text = 'Waiting for a scenario that fits its catalog.';
  else text = 'Ready.';

  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={primaryButtonClass}
        onClick={onRun}
        disabled={!runnable || active}
      >
        Run
      </button>
      {active && (
        <>
          {s.state === 'paused' ? (
            <button type="button" className={buttonClass} onClick={run.resume} disabled={s.hidden}>
              Resume
            </button>
          ) : (
            <button type="button" className={buttonClass} onClick={run.pause}>
              Pause
            </button>
          )}
          <button type="button" className={buttonClass} onClick={run.cancel}>
            Cancel
          </button>
        </>
      )}
      <p
        role="status"
        className="text-sm text-slate-700 dark:text-slate-300"
        data-testid="replay-status"
      >
        {text}
      </p>
    </div>
  );
}
