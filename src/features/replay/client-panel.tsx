/**
 * Replay: which client meets the scenario (openai, anthropic, or the reference client with a policy).
 */
import { useId } from 'react';
import type { ReplayClientId, ReplaySpeed } from '../../core/replay/types';
import { PresetSelect } from '../../components/preset-select';
import {
  CUSTOM_ID,
  jitterChoices,
  policyToParams,
  type JitterCode,
  type ResolvedPolicy,
  numberValidator,
  secondsValidator,
} from '../../core/retry/policy-params';
import { SelectParam, TextParam } from '../../components/fields';
import { speeds } from './search-state';
import type { ReplaySearch } from './search-params';

const jitterOptions = jitterChoices.map((c) => ({ value: c.value as JitterCode, label: c.label }));

const speedLabels: Record<string, string> = {
  instant: 'Instant',
  '10': '10×',
  '1': '1× (real time)',
};

export type PolicyPatch = Partial<
  Pick<ReplaySearch, 'preset' | 'attempts' | 'base' | 'factor' | 'cap' | 'jitter'>
>;

const attemptsValidator = (text: string) =>
  /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 100
    ? undefined
    : 'A whole number from 1 to 100.';

/**
 * Which client meets the scenario: the official SDK that speaks its API (at the installed
 * version), or the reference client running a simulator policy (a preset, or your own numbers).
 */
export function ClientPanel({
  client,
  sdk,
  sdkVersion,
  policy,
  speed,
  onClient,
  onPolicy,
  onSpeed,
}: {
  client: ReplayClientId;
  sdk: 'openai' | 'anthropic';
  sdkVersion: string;
  policy: ResolvedPolicy;
  speed: ReplaySpeed;
  onClient: (client: ReplayClientId) => void;
  onPolicy: (patch: PolicyPatch) => void;
  onSpeed: (speed: ReplaySpeed) => void;
}) {
  const id = useId();
  const values = policyToParams(policy.policy);
  const base = policyToParams(policy.basePolicy);
  const set = (key: 'attempts' | 'base' | 'factor' | 'cap' | 'jitter', text: string) =>
    onPolicy({ [key]: text === base[key] ? undefined : text });
  const sdkPackage = sdk === 'anthropic' ? '@anthropic-ai/sdk' : 'openai';
  const factorApplies = policy.policy.backoff.strategy.kind !== 'constant';
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-semibold">Client</legend>
        <div className="mt-1 space-y-1 text-sm">
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name={`${id}-client`}
              className="mt-1 accent-blue-700"
              checked={client === sdk}
              onChange={() => onClient(sdk)}
            />
            <span>
              The official SDK: <code className="font-mono">{sdkPackage}</code> {sdkVersion}
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                The real package, run in your browser with its own retries and errors.
              </span>
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name={`${id}-client`}
              className="mt-1 accent-blue-700"
              checked={client === 'reference'}
              onChange={() => onClient('reference')}
            />
            <span>
              The reference client with a simulator policy
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                A small fetch client that retries exactly as the simulator models the policy.
              </span>
            </span>
          </label>
        </div>
      </fieldset>

      {client === 'reference' && (
        <div className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <PresetSelect
            id={`${id}-preset`}
            label="Policy"
            value={policy.presetId}
            onChange={(presetId) =>
              onPolicy({
                preset: presetId,
                attempts: undefined,
                base: undefined,
                factor: undefined,
                cap: undefined,
                jitter: undefined,
              })
            }
          />
          <form
            aria-label="Policy numbers"
            onSubmit={(e) => e.preventDefault()}
            className="grid grid-cols-2 gap-2 sm:grid-cols-3"
          >
            <TextParam
              id={`${id}-attempts`}
              label="Max attempts"
              value={values.attempts}
              validate={attemptsValidator}
              onCommit={(t) => set('attempts', t)}
              edited={policy.edited.has('attempts')}
              inputMode="numeric"
            />
            <TextParam
              id={`${id}-base`}
              label="Base delay (s)"
              value={values.base}
              validate={secondsValidator()}
              onCommit={(t) => set('base', t)}
              edited={policy.edited.has('base')}
            />
            {factorApplies && (
              <TextParam
                id={`${id}-factor`}
                label="Factor"
                value={values.factor}
                validate={numberValidator({ example: '2' })}
                onCommit={(t) => set('factor', t)}
                edited={policy.edited.has('factor')}
              />
            )}
            <TextParam
              id={`${id}-cap`}
              label="Cap (s)"
              value={values.cap}
              validate={secondsValidator({ allowNone: true })}
              onCommit={(t) => set('cap', t)}
              edited={policy.edited.has('cap')}
            />
            <SelectParam
              id={`${id}-jitter`}
              label="Jitter"
              value={values.jitter as JitterCode}
              options={jitterOptions}
              onChange={(v) => set('jitter', v)}
              edited={policy.edited.has('jitter')}
            />
          </form>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {policy.presetId === CUSTOM_ID
              ? 'Your own policy.'
              : `${policy.preset?.label ?? policy.presetId}${policy.edited.size ? ', with your changes' : ''}.`}{' '}
            More settings in the{' '}
            <a
              href={`${import.meta.env.BASE_URL}simulate?preset=${encodeURIComponent(policy.presetId)}`}
            >
              simulator
            </a>
            .
          </p>
        </div>
      )}

      <fieldset>
        <legend className="text-sm font-semibold">Speed</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {speeds.map((s) => (
            <label key={String(s)} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`${id}-speed`}
                className="accent-blue-700"
                checked={speed === s}
                onChange={() => onSpeed(s)}
              />
              {speedLabels[String(s)]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Every time shown is virtual and exact; the speed only sets how long you watch.
        </p>
      </fieldset>
    </div>
  );
}
