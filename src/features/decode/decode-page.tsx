/** Decode (`/decode`): a pasted error, its best catalog matches and why, its headers explained. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { statusText } from '../../core/catalog/labels';
import { useCatalogStates } from '../../lib/use-all-catalogs';
import { decodeQueryOptions } from '../../lib/catalog-worker/queries';
import { AdviceBadge, CategoryBadge } from '../../components/badges';
import { Callout, CatalogCoverage } from '../../components/catalog-error';
import { CopyButton } from '../../components/copy-button';
import { captionClass, tableClass, td, tr } from '../../components/table-styles';
import { TableHead } from '../../components/table-head';
import { useDocumentTitle } from '../../components/use-document-title';
import { SdkEntryFacts } from '../../components/sdk-entry-facts';
import { SdkVersionPicker } from '../../components/sdk-version-picker';
import { resolveSdkChoice } from '../../core/sdk/choice';
import { SDKS } from '../../core/sdk/sdks';
import { decodeExamples } from './examples';
import { maxSharedChars, type DecodeSearch } from './search-params';
import { groupThousands } from '../../lib/format';

/** Where the form goes when it submits as a plain GET (before the app starts). */
const decodePath = `${import.meta.env.BASE_URL}decode`;
const route = getRouteApi('/decode');

function Summary({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {label}
      </dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

export function DecodePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { providers, loadedIds } = useCatalogStates();
  const missing = providers.filter((p) => !p.info).map((p) => p.name);
  useDocumentTitle('Decode an error');
  const fieldId = useId();

  // The box, and what was last decoded. Small pastes are mirrored into the link; large ones
  // stay in the page (and are never wiped by the link changing underneath them).
  const [draft, setDraft] = useState(search.text ?? '');
  const [submitted, setSubmitted] = useState(search.text ?? '');
  const [expectedUrlText, setExpectedUrlText] = useState(search.text);
  const [seenUrlText, setSeenUrlText] = useState(search.text);
  if (search.text !== seenUrlText) {
    setSeenUrlText(search.text);
    if (search.text !== expectedUrlText) {
      // Back/forward or an edited link: follow it.
      setExpectedUrlText(search.text);
      setSubmitted(search.text ?? '');
      setDraft(search.text ?? '');
    }
  }
  // Text pasted into the prerendered box before the app started: keep it (once, on mount).
  useEffect(() => {
    const box = document.getElementById(fieldId);
    // The DOM is the external system here: it holds what React has not seen.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (box instanceof HTMLTextAreaElement && box.value !== draft) setDraft(box.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // HTTP-date Retry-After values are read relative to when the page decoded them.
  const [decodedAt] = useState(() => Date.now());
  // The catalog worker decodes; the last answer stays up (marked busy) until the next arrives.
  const hasText = submitted.trim() !== '';
  const { data, isPlaceholderData, error } = useQuery({
    ...decodeQueryOptions(submitted, loadedIds, { limit: 10, now: decodedAt }),
    enabled: hasText,
    placeholderData: keepPreviousData,
  });
  const result = hasText ? data : undefined;
  const headers = result?.headers ?? [];
  const tooLargeToShare = submitted.length > maxSharedChars;
  const sdkChoice = resolveSdkChoice(search.sdk, SDKS).choice;

  const submit = (text: string) => {
    setSubmitted(text);
    const urlText = text && text.length <= maxSharedChars ? text : undefined;
    setExpectedUrlText(urlText);
    void navigate({ search: { text: urlText, sdk: search.sdk } satisfies DecodeSearch });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(draft);
  };

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Decode an error</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Paste what you got: a status line, response headers, a JSON error body, or an SDK error
          line. The decoder matches it against every catalog and says why, and it explains the retry
          and rate-limit headers it finds. Nothing you paste leaves your browser.
        </p>
      </header>

      <CatalogCoverage
        providers={providers}
        consequence="Errors from these providers cannot be matched until they load: a decode may be incomplete."
      />

      {/* Before the app starts (or without JavaScript) the form submits as a plain GET. */}
      <form
        onSubmit={onSubmit}
        method="get"
        action={decodePath}
        className="space-y-2"
        aria-label="Decode"
      >
        <label htmlFor={fieldId} className="block text-sm font-semibold">
          Paste an error
        </label>
        <textarea
          id={fieldId}
          name="text"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit(draft);
            }
          }}
          rows={8}
          spellCheck={false}
          className="w-full rounded-md border border-slate-300 bg-white p-3 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          placeholder="anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', ...}}"
        />
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500"
          >
            Decode
          </button>
          <span className="hidden text-xs text-slate-600 fine-pointer:inline dark:text-slate-400">
            or Ctrl+Enter
          </span>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-600"
            onClick={() => {
              setDraft('');
              submit('');
            }}
          >
            Clear
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="text-slate-600 dark:text-slate-400">Try:</span>
          {decodeExamples.map((example) => (
            <button
              key={example.label}
              type="button"
              className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              onClick={() => {
                setDraft(example.text);
                submit(example.text);
              }}
            >
              {example.label}
            </button>
          ))}
        </div>
      </form>

      {hasText && error && (
        <p role="alert">
          The paste could not be decoded ({error.message}). Reload the page to try again.
        </p>
      )}

      {result && (
        <section
          aria-label="Decoded"
          className="space-y-5"
          aria-busy={isPlaceholderData || undefined}
        >
          <div className="flex flex-wrap items-center gap-2">
            {tooLargeToShare ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                This paste is {groupThousands(submitted.length)} characters: too large to share as a
                link (up to {groupThousands(maxSharedChars)}).
              </p>
            ) : (
              <CopyButton
                text={typeof window === 'undefined' ? '' : window.location.href}
                label="Copy link to this decode"
              />
            )}
          </div>

          <Callout
            tone={result.verdict.kind === 'clear' ? 'info' : 'warning'}
            title={
              result.verdict.kind === 'clear'
                ? 'Best match'
                : result.verdict.kind === 'ambiguous'
                  ? 'More than one provider fits'
                  : 'No catalog entry matches'
            }
          >
            <p>{result.verdict.text}</p>
            {missing.length > 0 && (
              <p className="mt-1 font-semibold">
                This answer may be incomplete: it was made without the{' '}
                {missing.length === 1 ? 'catalog' : 'catalogs'} of {missing.join(', ')}.
              </p>
            )}
          </Callout>

          {result.notes.length > 0 && (
            <ul aria-label="Notes on the paste" className="space-y-1 text-sm">
              {result.notes.map((note, i) => (
                <li
                  key={i}
                  className={
                    note.level === 'warning'
                      ? 'text-amber-800 dark:text-amber-300'
                      : 'text-slate-700 dark:text-slate-300'
                  }
                >
                  {note.level === 'warning' ? '⚠ ' : 'ℹ '}
                  {note.text}
                </li>
              ))}
            </ul>
          )}

          <section aria-labelledby="read-heading">
            <h2 id="read-heading" className="text-lg font-semibold">
              What the paste says
            </h2>
            <dl className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Summary label="Status">
                {result.parsed.status !== undefined
                  ? `${result.parsed.status} ${result.parsed.statusText ?? ''}`
                  : 'none found'}
              </Summary>
              <Summary label="SDK exception">
                {result.parsed.sdk ? (
                  <code className="font-mono">{result.parsed.sdk.qualifiedName}</code>
                ) : (
                  'none found'
                )}
              </Summary>
              <Summary label="Type / code strings">
                {result.parsed.codes.length > 0 ? (
                  <code className="font-mono">
                    {[...new Set(result.parsed.codes.map((c) => c.value))].join(', ')}
                  </code>
                ) : (
                  'none found'
                )}
              </Summary>
              <Summary label="Body">
                {result.parsed.body !== undefined
                  ? `${result.parsed.bodyFormat ?? 'JSON'}${result.parsed.bodyTruncated ? ' (truncated)' : ''}`
                  : result.parsed.html
                    ? 'an HTML page'
                    : 'none found'}
              </Summary>
            </dl>
          </section>

          {headers.length > 0 && (
            <section aria-label="Headers explained">
              <div className="overflow-x-auto">
                <table className={tableClass}>
                  <caption className={captionClass}>Headers explained</caption>
                  <TableHead columns={['Header', 'Value', 'What it says']} />
                  <tbody>
                    {headers.map((h) => (
                      <tr key={h.name} className={tr}>
                        <td className={`${td} font-mono text-xs`}>{h.name}</td>
                        <td className={`${td} font-mono text-xs break-all`}>{h.value}</td>
                        <td className={td}>{h.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          {result.matches.length > 0 && (
            <section aria-label="Matches" className="space-y-2">
              <SdkVersionPicker
                sdks={SDKS}
                value={search.sdk}
                onChange={(sdk) =>
                  void navigate({
                    search: (prev: DecodeSearch) => ({ ...prev, sdk }),
                    replace: true,
                  })
                }
              />
              <div className="overflow-x-auto">
                <table className={tableClass} id="decode-matches">
                  <caption className={captionClass}>Matching catalog entries, best first</caption>
                  <TableHead columns={['#', 'Entry', 'Retry advice', 'Why it matched']} />
                  <tbody>
                    {result.matches.map((m, i) => (
                      <tr
                        key={`${m.providerId}/${m.entry.id}`}
                        className={tr}
                        data-provider={m.providerId}
                        data-entry={m.entry.id}
                      >
                        <td className={`${td} font-mono`}>{i + 1}</td>
                        <td className={td}>
                          <div className="text-xs text-slate-600 dark:text-slate-400">
                            {m.providerName}
                          </div>
                          <Link
                            to="/providers/$providerId/errors/$errorId"
                            params={{ providerId: m.providerId, errorId: m.entry.id }}
                            className="font-medium"
                          >
                            <span className="font-mono">{statusText(m.entry)}</span> {m.entry.title}
                          </Link>
                          <div className="mt-1">
                            <CategoryBadge category={m.entry.category} />
                          </div>
                        </td>
                        <td className={td}>
                          <AdviceBadge advice={m.entry.retry.advice} />
                          {m.entry.retry.wait && (
                            <div className="mt-0.5 text-xs">{m.entry.retry.wait.text}</div>
                          )}
                          {sdkChoice && (
                            <div className="mt-1">
                              <SdkEntryFacts entry={m.entry} choice={sdkChoice} compact />
                            </div>
                          )}
                        </td>
                        <td className={`${td} text-xs`}>
                          <ul className="space-y-0.5">
                            {m.reasons.map((r, j) => (
                              <li key={j}>
                                <span className="font-semibold">{r.kind}:</span> {r.detail}
                              </li>
                            ))}
                            {m.conflicts.map((r, j) => (
                              <li key={`c${j}`} className="text-rose-800 dark:text-rose-300">
                                <span className="font-semibold">against ({r.kind}):</span>{' '}
                                {r.detail}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </section>
      )}
    </div>
  );
}
