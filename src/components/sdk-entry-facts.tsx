/**
 * What the chosen SDK release does with one catalog entry: the class it raises (as the catalog
 * states it for that language and version), its Retry-After rule, and a simulator link with
 * the preset of that release.
 */
import { Link } from '@tanstack/react-router';
import type { ErrorEntry } from '../core/catalog/schema';
import { entryExceptionsFor, factsFor, type SdkChoice } from '../core/sdk/choice';
import { simulatorLink } from '../lib/simulator-link';
import { sequenceFor } from '../lib/sdk-presets';

export function SdkEntryFacts({
  entry,
  choice,
  compact = false,
}: {
  entry: ErrorEntry;
  choice: SdkChoice;
  /** One line, for result lists and tables. */
  compact?: boolean;
}) {
  const { sdk, version } = choice;
  if (!entry.sdkExceptions.some((x) => x.sdk === sdk.package)) {
    return compact ? null : (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This entry names no {sdk.package} exception.
      </p>
    );
  }
  const classes = entryExceptionsFor(entry, choice).map((x) => x.className);
  const { retryAfter } = factsFor(choice);
  const sequence = sequenceFor(entry);
  const who = `${sdk.package} ${version} (${sdk.language})`;
  return (
    <p className={compact ? 'text-xs' : 'text-sm'} data-sdk-facts={`${sdk.id}@${version}`}>
      {who}{' '}
      {classes.length > 0 ? (
        <>
          raises{' '}
          {classes.map((c, i) => (
            <span key={c}>
              {i > 0 && ' or '}
              <code className="font-mono">{c}</code>
            </span>
          ))}
        </>
      ) : (
        'has no class documented here'
      )}
      {retryAfter ? (
        <>
          ; Retry-After: {retryAfter.short}
          {sequence && (
            <>
              {' '}
              (
              <Link {...simulatorLink({ preset: retryAfter.presetId, sequence })}>
                simulate {sequence}
              </Link>
              )
            </>
          )}
        </>
      ) : (
        '; its retry rule is not modelled for this release'
      )}
      .
    </p>
  );
}
