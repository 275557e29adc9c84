/** The Export as code tab: the policy as tenacity, SDK options, cockatiel, p-retry or a gateway. */

import { useMemo } from 'react';
import { EXPORT_TARGETS, exportPolicy } from '../../../core/retry-export/export';
import type { ExportTargetId, Fidelity } from '../../../core/retry-export/types';
import { CodeBlock } from '../../../components/code-block';
import type { UpdateSearch } from '../search-params';
import { DEFAULT_TARGET, type SimulateState } from '../search-state';
import { Tabs } from '../shared/tabs';

const fidelityStyles: Record<Fidelity, { icon: string; text: string; className: string }> = {
  exact: {
    icon: '✓',
    text: 'Exact',
    className:
      'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  },
  approximate: {
    icon: '≈',
    text: 'Approximate',
    className:
      'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  },
  unsupported: {
    icon: '✗',
    text: 'Not expressible',
    className:
      'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800',
  },
};

const fidelityHelp: Record<Fidelity, string> = {
  exact: 'This code reproduces every setting of the policy.',
  approximate: 'This code runs the policy’s retries, but some details differ:',
  unsupported:
    'This target cannot express a central part of the policy; the code is the nearest starting point, not an equivalent:',
};

/** Fidelity: icon plus text plus colour, never colour alone. */
export function FidelityBadge({ fidelity }: { fidelity: Fidelity }) {
  const f = fidelityStyles[fidelity];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${f.className}`}
      data-fidelity={fidelity}
    >
      <span aria-hidden="true">{f.icon}</span>
      {f.text}
    </span>
  );
}

export function ExportPanel({
  state,
  name,
  update,
}: {
  state: SimulateState;
  name: string;
  update: UpdateSearch;
}) {
  const policy = state.policy.policy;
  const results = useMemo(
    () => Object.fromEntries(EXPORT_TARGETS.map((t) => [t.id, exportPolicy(policy, t.id)])),
    [policy],
  ) as Record<ExportTargetId, ReturnType<typeof exportPolicy>>;
  const selected = state.target;

  return (
    <section aria-labelledby="export-heading" className="space-y-3">
      <h2 id="export-heading" className="text-lg font-semibold">
        Export {name}
        {state.policy.edited.size > 0 ? ' (edited)' : ''} as code
      </h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        The closest code each client or library can express, with every way it differs from the
        policy listed. The policy is what you see above, edits included.
      </p>
      <Tabs
        idPrefix="export-"
        label="Export targets"
        tabs={EXPORT_TARGETS.map((t) => ({
          id: t.id,
          label: (
            <>
              {t.label}{' '}
              <span className="text-xs">
                <span aria-hidden="true">{fidelityStyles[results[t.id].fidelity].icon}</span>
                <span className="sr-only">({fidelityStyles[results[t.id].fidelity].text})</span>
              </span>
            </>
          ),
        }))}
        selected={selected}
        onSelect={(id) => update({ target: id === DEFAULT_TARGET ? undefined : id }, 'push')}
        render={(id) => {
          const target = EXPORT_TARGETS.find((t) => t.id === id)!;
          const r = results[id];
          return (
            <div className="space-y-3" data-testid="export-result">
              <p className="text-sm">
                <FidelityBadge fidelity={r.fidelity} /> <span>{target.description}</span>
              </p>
              <div className="text-sm">
                <p>{fidelityHelp[r.fidelity]}</p>
                {r.caveats.length > 0 && (
                  <ul className="mt-1 list-disc space-y-1 pl-6">
                    {r.caveats.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                )}
              </div>
              <CodeBlock
                code={r.code}
                label={`${target.label}: ${r.filename}`}
                copyLabel="Copy code"
              />
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Suggested file name: <code className="font-mono">{r.filename}</code>
              </p>
            </div>
          );
        }}
      />
    </section>
  );
}
