/**
 * "Which SDK and version do you run?": the choice (`openai-node@6.49.0` in a link), the version
 * lines a picker offers, and the facts that hold for the chosen release.
 */
import type { ErrorEntry, SdkException } from '../catalog/schema';
import { SDKS, type ExceptionFact, type RetryAfterFact, type SdkId, type SdkModel } from './sdks';
import { compareVersions, formatVersion, parseRange, parseVersion, satisfies } from './version';

export interface SdkChoice {
  readonly sdk: SdkModel;
  /** A full release number, e.g. 6.49.0. */
  readonly version: string;
}

export function getSdk(id: string): SdkModel | undefined {
  return SDKS.find((s) => s.id === id);
}

/** The newest release the facts were read at: the default everywhere. */
export function newestChoice(sdk: SdkModel): SdkChoice {
  return { sdk, version: sdk.newest };
}

/** What npm installs on Node 20, when that differs from the newest release. */
export function node20Choice(sdk: SdkModel): SdkChoice | undefined {
  return sdk.node20 ? { sdk, version: sdk.node20.version } : undefined;
}

export function formatSdkChoice(choice: SdkChoice): string {
  return `${choice.sdk.id}@${choice.version}`;
}

export type SdkChoiceParse =
  | { readonly ok: true; readonly choice: SdkChoice }
  | { readonly ok: false; readonly problem: string };

/**
 * Read `openai-node@6.49.0`, `openai-node@6` (the newest known 6.x release), or `openai-node`
 * (the newest release). Problems are worded for the page.
 */
export function parseSdkChoice(text: string): SdkChoiceParse {
  const m = /^([a-z0-9-]+)(?:@(.+))?$/.exec(text.trim());
  const sdk = m?.[1] ? getSdk(m[1]) : undefined;
  if (!m || !sdk) {
    return {
      ok: false,
      problem: `Unknown SDK "${text}"; known: ${SDKS.map((s) => s.id).join(', ')}.`,
    };
  }
  const wanted = m[2]?.trim();
  if (!wanted) return { ok: true, choice: newestChoice(sdk) };
  if (parseVersion(wanted)) return { ok: true, choice: { sdk, version: wanted } };
  const partial = /^v?(\d+)(?:\.(\d+))?$/.exec(wanted);
  if (partial) {
    const major = Number(partial[1]);
    const minor = partial[2] === undefined ? undefined : Number(partial[2]);
    const found = sdk.releases.find((r) => {
      const v = parseVersion(r);
      return v !== null && v[0] === major && (minor === undefined || v[1] === minor);
    });
    if (found) return { ok: true, choice: { sdk, version: found } };
  }
  return {
    ok: false,
    problem: `"${wanted}" is not a ${sdk.label} release we know; write it as 1.2.3.`,
  };
}

export interface SdkFacts {
  readonly retryAfter?: RetryAfterFact;
  readonly exceptions?: ExceptionFact;
}

/** The facts whose range covers the chosen release (either may be missing: not modelled). */
export function factsFor(choice: SdkChoice): SdkFacts {
  const retryAfter = choice.sdk.retryAfter.find((f) => satisfies(choice.version, f.range));
  const exceptions = choice.sdk.exceptions.find((f) => satisfies(choice.version, f.range));
  return { ...(retryAfter ? { retryAfter } : {}), ...(exceptions ? { exceptions } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Version lines: the ranges inside which every fact stays the same

export interface VersionLine {
  /** The range, in the grammar of version.ts. */
  readonly range: string;
  /** The release offered for the line (the newest one `releases` lists inside it). */
  readonly release: string;
  readonly retryAfter?: RetryAfterFact;
  readonly exceptions?: ExceptionFact;
}

/**
 * Cut the SDK's releases at every boundary of every fact range: within one line, every fact
 * is the same. Newest line first; a line without a listed release is left out.
 */
export function versionLines(sdk: SdkModel): VersionLine[] {
  const cuts = new Map<string, readonly [number, number, number]>();
  for (const fact of [...sdk.retryAfter, ...sdk.exceptions]) {
    for (const c of parseRange(fact.range) ?? []) {
      const v = c.op === '<=' || c.op === '>' || c.op === '=' ? next(c.v) : c.v;
      if (c.op === '=') cuts.set(formatVersion(c.v), c.v);
      cuts.set(formatVersion(v), v);
    }
  }
  const sorted = [...cuts.values()].sort(compareVersions);
  const ranges: string[] = [];
  if (sorted[0]) ranges.push(`<${formatVersion(sorted[0])}`);
  sorted.forEach((v, i) => {
    const hi = sorted[i + 1];
    ranges.push(hi ? `>=${formatVersion(v)} <${formatVersion(hi)}` : `>=${formatVersion(v)}`);
  });
  const releases = [...sdk.releases].sort((a, b) =>
    compareVersions(parseVersion(b) ?? [0, 0, 0], parseVersion(a) ?? [0, 0, 0]),
  );
  // The release offered for a line: the newest one, or what Node 20 gets when it is inside.
  const preferred = [sdk.newest, ...(sdk.node20 ? [sdk.node20.version] : [])];
  const lines: VersionLine[] = [];
  for (const range of ranges.reverse()) {
    const release =
      preferred.find((r) => satisfies(r, range)) ?? releases.find((r) => satisfies(r, range));
    if (!release) continue;
    const facts = factsFor({ sdk, version: release });
    if (!facts.retryAfter && !facts.exceptions) continue;
    lines.push({ range, release, ...facts });
  }
  return lines;
}

function next(v: readonly [number, number, number]): readonly [number, number, number] {
  return [v[0], v[1], v[2] + 1];
}

/** The line that holds `version`, if any. */
export function lineOf(sdk: SdkModel, version: string): VersionLine | undefined {
  return versionLines(sdk).find((l) => satisfies(version, l.range));
}

// ---------------------------------------------------------------------------------------------
// Catalog data against the chosen SDK

/** The modelled SDK behind a catalog's `sdks[]` item (`openai` + Python → openai-python). */
export function sdkIdForPackage(name: string, language: string): SdkId | undefined {
  const python = /python/i.test(language);
  return SDKS.find((s) => s.package === name && (s.language === 'Python') === python)?.id;
}

/** The modelled SDKs a catalog lists, in its order, once each. */
export function sdksOfCatalog(catalog: {
  readonly sdks: readonly { readonly name: string; readonly language: string }[];
}): SdkModel[] {
  const out: SdkModel[] = [];
  for (const s of catalog.sdks) {
    const id = sdkIdForPackage(s.name, s.language);
    const model = id ? getSdk(id) : undefined;
    if (model && !out.includes(model)) out.push(model);
  }
  return out;
}

/** Whether a catalog's `sdkExceptions` item applies to the chosen SDK and release. */
export function exceptionApplies(x: SdkException, choice: SdkChoice): boolean {
  if (x.sdk !== choice.sdk.package) return false;
  if (x.language !== undefined && x.language !== choice.sdk.language) return false;
  return x.versions === undefined || satisfies(choice.version, x.versions);
}

/** The entry's exception classes for the chosen SDK and release, as the catalog states them. */
export function entryExceptionsFor(entry: ErrorEntry, choice: SdkChoice): SdkException[] {
  return entry.sdkExceptions.filter((x) => exceptionApplies(x, choice));
}

/**
 * The class the SDK model says an entry raises (by status; by category for connection errors,
 * timeouts and stream errors). Undefined for anything else (e.g. a client-side check).
 */
export function modelClassFor(
  facts: ExceptionFact,
  entry: Pick<ErrorEntry, 'status' | 'category'>,
): string | undefined {
  if (entry.status !== null) {
    return (
      facts.byStatus[entry.status] ?? (entry.status >= 500 ? facts.serverError : facts.otherStatus)
    );
  }
  if (entry.category === 'timeout') return facts.timeout;
  if (entry.category === 'connection') return facts.connection;
  if (entry.category === 'stream_error') return facts.streamError;
  return undefined;
}

export interface ResolvedSdkChoice {
  /** Undefined only when no SDK is offered. */
  readonly choice?: SdkChoice;
  /** Why the link's value was not used, worded for the page. */
  readonly problem?: string;
}

/**
 * The link's `sdk` value among the SDKs a page offers; when there is none, or it cannot be
 * used, the newest release of the first one offered (and why).
 */
export function resolveSdkChoice(
  text: string | undefined,
  offered: readonly SdkModel[],
): ResolvedSdkChoice {
  const first = offered[0];
  if (!first) return {};
  const fallback = newestChoice(first);
  if (text === undefined || text.trim() === '') return { choice: fallback };
  const parsed = parseSdkChoice(text);
  if (!parsed.ok) return { choice: fallback, problem: parsed.problem };
  if (!offered.includes(parsed.choice.sdk)) {
    return {
      choice: fallback,
      problem: `${parsed.choice.sdk.label} is not used with this provider; showing ${first.label}.`,
    };
  }
  return { choice: parsed.choice };
}
