/**
 * Ranks catalog entries against a parsed paste. Everything it compares comes
 * from the catalogs themselves: each entry's status, codes, SDK exceptions and
 * message, and its example response read by the same parser as the paste (so
 * body shapes, field values, messages and headers are compared like for like).
 * When the best matches tie across providers it says so instead of picking one.
 */
import type { ErrorEntry, ExampleResponse, ProviderCatalog } from '../catalog/schema';
import { describeShape, jaccard, normalizeCode, readBody, shapeSignature } from './body';
import { formatHttpResponse } from '../catalog/http';
import { parsePaste, type ParsedPaste, type PasteNote, type SdkErrorLine } from './parse-paste';
import { findMentions, homeProviders, PROVIDER_HINTS, type Mention } from './hints';

export type ReasonKind =
  'status' | 'body-shape' | 'code' | 'exception' | 'message' | 'header' | 'sdk' | 'provider';

export interface MatchReason {
  kind: ReasonKind;
  detail: string;
}

export interface DecodeMatch {
  providerId: string;
  providerName: string;
  entry: ErrorEntry;
  /** Sum of the evidence; only meaningful relative to the other matches. */
  score: number;
  /** What matched. */
  reasons: MatchReason[];
  /** What speaks against this entry (a different status, another SDK, a conflicting code). */
  conflicts: MatchReason[];
}

export interface DecodeVerdict {
  /** none: nothing matched; clear: one provider leads; ambiguous: several providers tie for first. */
  kind: 'none' | 'clear' | 'ambiguous';
  text: string;
  /** The providers tied for first place (one when clear). */
  providerIds: string[];
  /** When unsure: what in the paste would tell the tied providers apart. */
  settle?: string;
}

export interface DecodeResult {
  matches: DecodeMatch[];
  verdict: DecodeVerdict;
  /** The parser's notes on the paste, passed through. */
  notes: PasteNote[];
}

export interface DecodeOptions {
  /** Most matches to return (default 10). The verdict considers all of them. */
  limit?: number;
}

/** Scores closer than this count as equally good. */
export const TIE_MARGIN = 0.5;
const MIN_SCORE = 2.5;

const W = {
  status: 3,
  statusFromBody: 2,
  statusMismatch: -3,
  noStatusEntry: -1.5,
  firstCode: 4,
  moreCodes: 2,
  codeInMessage: 2,
  fieldConflict: -1,
  nullConflict: -0.75,
  messageExact: 5,
  messageExactShort: 3.5,
  messageContains: 4,
  messageSimilar: 4,
  shapeProvider: 1.5,
  shapeEntry: 1.5,
  shapeForeign: -1.5,
  html: 2.5,
  exception: 2.5,
  exceptionCommon: 1.2,
  sdkEntry: 3,
  sdkProvider: 2,
  sdkForeign: -2,
  headerProvider: 2,
  headerProviderCap: 3,
  headerEntry: 0.75,
  headerEntryCap: 1.5,
  sdkHome: 2.5,
  mentionHost: 5,
  mentionName: 3.5,
  mentionModel: 1.5,
  grpcOnHttp: -2,
  grpcEntry: 1,
} as const;

/** Headers every provider sends; they say nothing about which one answered. */
const COMMON_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'server',
  'connection',
  'vary',
  'cache-control',
  'transfer-encoding',
  'retry-after',
  'via',
  'cf-ray',
  'cf-cache-status',
  'strict-transport-security',
  'alt-svc',
]);

/** Python module names that differ from the package name a catalog uses. */
const MODULE_ALIASES: Readonly<Record<string, string>> = {
  perplexity: 'perplexityai',
  googlegenerativeai: 'googlegenai',
};

// ---------------------------------------------------------------------------
// Formatting catalog examples as the paste a person would see.

/** An example response written out as a raw HTTP response: status line, headers, blank line, body. */
export function formatExample(example: ExampleResponse): string {
  return formatHttpResponse(example, { statusPlaceholder: false });
}

// ---------------------------------------------------------------------------
// Text helpers.

function normMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.!:;,]+$/, '');
}

function wordSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text
    .slice(0, 600)
    .toLowerCase()
    .matchAll(/[a-z][a-z0-9_']*/g)) {
    if (m[0].length >= 2) out.add(m[0]);
  }
  return out;
}

function quote(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

function sdkKey(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return MODULE_ALIASES[key] ?? key;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------
// Profiles: what each catalog entry looks like, computed once per catalog.

interface MessageProfile {
  original: string;
  norm: string;
  words: Set<string>;
}

interface EntryProfile {
  entry: ErrorEntry;
  statuses: number[];
  /** normalised code → as written */
  codes: Map<string, string>;
  fields: Map<string, string | null>;
  messages: MessageProfile[];
  shape?: Set<string>;
  html: boolean;
  exceptions: { sdk: string; sdkName: string; className: string }[];
  headers: Set<string>;
}

interface ProviderProfile {
  id: string;
  name: string;
  sdkKeys: Map<string, string>;
  headers: Set<string>;
  shapes: Set<string>[];
  /** How many entries list each `sdk:Class`: a class listed by many is a catch-all. */
  classCounts: Map<string, number>;
  entries: EntryProfile[];
}

function messageProfile(text: string): MessageProfile | undefined {
  const norm = normMessage(text);
  if (norm.length < 2) return undefined;
  return { original: text, norm, words: wordSet(norm) };
}

/**
 * An entry's profile. An example marked illustrative (its message or values were
 * made up) counts for nothing: only the entry's documented status, codes, SDK
 * exceptions and exact message are compared, and the example's body only for
 * its shape.
 */
function profileEntry(entry: ErrorEntry): EntryProfile {
  const illustrative = entry.example.illustrative === true;
  const example = parsePaste(formatExample(entry.example));
  const statuses = [entry.status, entry.example.status].filter(
    (s, i, all): s is number => s !== null && all.indexOf(s) === i,
  );
  const codes = new Map<string, string>();
  for (const code of entry.providerCodes) codes.set(normalizeCode(code), code);
  for (const signal of illustrative ? [] : example.codes) {
    if (!/^\d+$/.test(signal.value)) codes.set(normalizeCode(signal.value), signal.value);
  }
  const messages: MessageProfile[] = [];
  const exampleMessages = illustrative ? [] : example.messages.map((m) => m.text);
  for (const text of [entry.message, ...exampleMessages]) {
    const profile = text ? messageProfile(text) : undefined;
    if (profile && !messages.some((m) => m.norm === profile.norm)) messages.push(profile);
  }
  const isObject = example.body !== null && typeof example.body === 'object';
  return {
    entry,
    statuses,
    codes,
    fields: isObject && !illustrative ? readBody(example.body).fields : new Map(),
    messages,
    shape: isObject ? shapeSignature(example.body) : undefined,
    html: example.kind === 'html',
    exceptions: entry.sdkExceptions.map((e) => ({
      sdk: sdkKey(e.sdk),
      sdkName: e.sdk,
      className: e.className,
    })),
    headers: illustrative
      ? new Set()
      : new Set(Object.keys(example.headers).filter((h) => !COMMON_HEADERS.has(h))),
  };
}

const profiles = new WeakMap<ProviderCatalog, ProviderProfile>();

function profileProvider(catalog: ProviderCatalog): ProviderProfile {
  const cached = profiles.get(catalog);
  if (cached) return cached;
  const entries = catalog.errors.map(profileEntry);
  const sdkKeys = new Map<string, string>();
  for (const sdk of catalog.sdks)
    if (!sdkKeys.has(sdkKey(sdk.name))) sdkKeys.set(sdkKey(sdk.name), sdk.name);
  const classCounts = new Map<string, number>();
  for (const e of entries) {
    for (const x of e.exceptions) {
      if (!sdkKeys.has(x.sdk)) sdkKeys.set(x.sdk, x.sdkName);
      const k = `${x.sdk}:${x.className}`;
      classCounts.set(k, (classCounts.get(k) ?? 0) + 1);
    }
  }
  const headers = new Set<string>();
  for (const h of catalog.headers) headers.add(h.name.toLowerCase());
  for (const e of entries) for (const h of e.headers) headers.add(h);
  for (const h of COMMON_HEADERS) headers.delete(h);
  const shapes: Set<string>[] = [];
  const example = catalog.bodyShape.example;
  if (example !== null && typeof example === 'object') shapes.push(shapeSignature(example));
  for (const e of entries) if (e.shape && e.shape.size > 0) shapes.push(e.shape);
  const profile: ProviderProfile = {
    id: catalog.id,
    name: catalog.name,
    sdkKeys,
    headers,
    shapes,
    classCounts,
    entries,
  };
  profiles.set(catalog, profile);
  return profile;
}

// ---------------------------------------------------------------------------
// What the paste offers, prepared once per decode.

interface PasteFacts {
  parsed: ParsedPaste;
  /** normalised code → where it was found and as written */
  codes: Map<string, { value: string; source: string }>;
  fields: Map<string, string | null>;
  messages: MessageProfile[];
  messageWords: Set<string>;
  shape?: Set<string>;
  /** Resolved SDK keys, with what in the paste named them. */
  sdks: Map<string, string>;
  /** The SDK key each exception line's module resolves to. */
  lineSdk: Map<SdkErrorLine, string>;
  headers: string[];
  /** Providers named by host, name or model, strongest per provider. */
  mentions: Map<string, Mention>;
}

/** `google.genai.errors` → the longest known SDK key among `google`, `googlegenai`, `googlegenaierrors`. */
function resolveModule(
  module: string,
  known: ReadonlySet<string>,
): { key: string; prefix: string } | undefined {
  const parts = module.split(/[./]/).filter(Boolean);
  let found: { key: string; prefix: string } | undefined;
  for (let i = 1; i <= parts.length; i++) {
    const key = sdkKey(parts.slice(0, i).join(''));
    if (known.has(key)) found = { key, prefix: parts.slice(0, i).join('.') };
  }
  return found;
}

function pasteFacts(parsed: ParsedPaste, known: ReadonlySet<string>): PasteFacts {
  const codes = new Map<string, { value: string; source: string }>();
  for (const c of parsed.codes) {
    const k = normalizeCode(c.value);
    if (!codes.has(k)) codes.set(k, c);
  }
  const isObject = parsed.body !== null && typeof parsed.body === 'object';
  const messages: MessageProfile[] = [];
  for (const m of parsed.messages) {
    const p = messageProfile(m.text);
    if (p && !messages.some((x) => x.norm === p.norm)) messages.push(p);
  }
  const messageWords = new Set<string>();
  for (const m of parsed.messages)
    for (const w of m.text.slice(0, 600).split(/[^A-Za-z0-9_]+/)) if (w) messageWords.add(w);
  const sdks = new Map<string, string>();
  const lineSdk = new Map<SdkErrorLine, string>();
  for (const line of parsed.sdkLines) {
    if (!line.module) continue;
    const resolved = resolveModule(line.module, known);
    if (!resolved) continue;
    lineSdk.set(line, resolved.key);
    if (!sdks.has(resolved.key)) {
      sdks.set(resolved.key, `the ${resolved.prefix}. prefix of ${line.qualifiedName}`);
    }
  }
  for (const pkg of parsed.packages) {
    const key = sdkKey(pkg);
    if (known.has(key) && !sdks.has(key)) sdks.set(key, `the ${pkg} package in the stack trace`);
  }
  return {
    parsed,
    codes,
    fields: isObject ? readBody(parsed.body).fields : new Map(),
    messages,
    messageWords,
    shape: isObject ? shapeSignature(parsed.body) : undefined,
    sdks,
    lineSdk,
    headers: [
      ...new Set([
        ...Object.keys(parsed.headers),
        // A printed gRPC error carries what the grpc-status/grpc-message trailers would.
        ...(parsed.grpc ? ['grpc-status', ...(parsed.grpc.message ? ['grpc-message'] : [])] : []),
      ]),
    ].filter((h) => !COMMON_HEADERS.has(h)),
    mentions: new Map(findMentions(parsed.text).map((m) => [m.providerId, m])),
  };
}

// ---------------------------------------------------------------------------
// Scoring.

interface Scored {
  score: number;
  reasons: MatchReason[];
  conflicts: MatchReason[];
}

function scoreStatus(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  const status = facts.parsed.status;
  if (status === undefined) {
    // A printed gRPC error: an entry for an HTTP response without that gRPC code fits less well.
    const grpc = facts.parsed.grpc?.name;
    if (grpc && entry.statuses.length === 0 && entry.codes.has(normalizeCode(grpc))) {
      out.score += W.grpcEntry;
      out.reasons.push({
        kind: 'status',
        detail: `a gRPC error (${grpc}) with no HTTP status, as this entry describes`,
      });
    } else if (grpc && entry.statuses.length > 0 && !entry.codes.has(normalizeCode(grpc))) {
      out.score += W.grpcOnHttp;
      out.conflicts.push({
        kind: 'status',
        detail: `the paste is a gRPC error (${grpc}), this entry is an HTTP ${entry.statuses.join(' or ')} response`,
      });
    }
    return;
  }
  const fromBody = facts.parsed.statusSource === 'body';
  if (entry.statuses.includes(status)) {
    out.score += fromBody ? W.statusFromBody : W.status;
    out.reasons.push({
      kind: 'status',
      detail: `HTTP ${status} is ${
        entry.entry.status === status
          ? "this entry's status"
          : "the status of this entry's example response (the error arrives inside it)"
      }${fromBody ? ' (status read from the body)' : ''}`,
    });
  } else if (entry.statuses.length > 0) {
    out.score += W.statusMismatch;
    out.conflicts.push({
      kind: 'status',
      detail: `this entry is HTTP ${entry.statuses.join(' or ')}, the paste says ${status}`,
    });
  } else {
    out.score += W.noStatusEntry;
    out.conflicts.push({
      kind: 'status',
      detail: `this entry has no HTTP status (no response, or an error inside a stream), the paste says ${status}`,
    });
  }
}

function scoreCodes(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  if (entry.codes.size === 0) return;
  const matched: { value: string; source: string }[] = [];
  for (const [key, found] of facts.codes) if (entry.codes.has(key)) matched.push(found);
  if (matched.length > 0) {
    out.score += W.firstCode + W.moreCodes * Math.min(matched.length - 1, 2);
    for (const m of matched.slice(0, 3)) {
      out.reasons.push({
        kind: 'code',
        detail: `${m.source} = ${m.value} is one of this entry's codes`,
      });
    }
  } else {
    // A code written into the message, e.g. Replicate's "E1000: Unknown Error".
    for (const code of entry.codes.values()) {
      const codeLike = /[_0-9]/.test(code) || /^[A-Z]{4,}$/.test(code);
      if (code.length >= 4 && codeLike && facts.messageWords.has(code)) {
        out.score += W.codeInMessage;
        out.reasons.push({
          kind: 'code',
          detail: `the message mentions ${code}, one of this entry's codes`,
        });
        break;
      }
    }
  }
  // Field by field against the example: a different code in the same place speaks against it.
  let penalties = 0;
  for (const [path, expected] of entry.fields) {
    if (penalties >= 2) break;
    if (!facts.fields.has(path)) continue;
    const got = facts.fields.get(path) ?? null;
    if (expected !== null && /^\d+$/.test(expected)) continue;
    if (expected === null && got === null) continue;
    if (expected !== null && got !== null && normalizeCode(expected) === normalizeCode(got))
      continue;
    penalties++;
    out.score += expected === null || got === null ? W.nullConflict : W.fieldConflict;
    out.conflicts.push({
      kind: 'code',
      detail: `the example has ${path} = ${expected ?? 'null'}, the paste has ${got ?? 'null'}`,
    });
  }
}

function scoreMessage(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  let best = 0;
  let detail = '';
  for (const p of facts.messages) {
    for (const e of entry.messages) {
      let pts = 0;
      let why = '';
      if (p.norm === e.norm) {
        pts = e.words.size >= 3 ? W.messageExact : W.messageExactShort;
        why = `the message is exactly this entry's: ${quote(e.original)}`;
      } else {
        const [shorter, longer] = p.norm.length <= e.norm.length ? [p, e] : [e, p];
        if (
          shorter.words.size >= 3 &&
          shorter.norm.length >= 12 &&
          longer.norm.includes(shorter.norm)
        ) {
          pts = W.messageContains;
          why =
            shorter === e
              ? `the message contains this entry's message ${quote(e.original)}`
              : `this entry's message ${quote(e.original)} contains the pasted message`;
        } else if (p.words.size >= 2 && e.words.size >= 2) {
          const j = jaccard(p.words, e.words);
          if (j >= 0.5) {
            pts = W.messageSimilar * j;
            why = `the message shares ${Math.round(j * 100)}% of its words with ${quote(e.original)}`;
          }
        }
      }
      if (pts > best) {
        best = pts;
        detail = why;
      }
    }
  }
  if (best > 0) {
    out.score += best;
    out.reasons.push({ kind: 'message', detail });
  }
}

function scoreShape(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  out: Scored,
) {
  if (facts.parsed.kind === 'html' && entry.html) {
    out.score += W.html;
    out.reasons.push({
      kind: 'body-shape',
      detail: "both are HTML error pages, as this entry's example is",
    });
    return;
  }
  const shape = facts.shape;
  if (!shape || shape.size === 0) return;
  let providerSim = 0;
  for (const s of provider.shapes) providerSim = Math.max(providerSim, jaccard(shape, s));
  const entrySim = entry.shape ? jaccard(shape, entry.shape) : 0;
  if (Math.max(providerSim, entrySim) >= 0.4) {
    out.score += W.shapeProvider * providerSim + W.shapeEntry * entrySim;
    const sketch = describeShape(facts.parsed.body);
    out.reasons.push({
      kind: 'body-shape',
      detail:
        entrySim >= providerSim
          ? `the body ${sketch} has ${entrySim === 1 ? 'the same shape as' : `${Math.round(entrySim * 100)}% of the key paths of`} this entry's example`
          : `the body ${sketch} has ${providerSim === 1 ? 'the same shape as' : `${Math.round(providerSim * 100)}% of the key paths of`} ${provider.name}'s error bodies`,
    });
  } else if (providerSim < 0.25 && provider.shapes.length > 0) {
    out.score += W.shapeForeign;
    out.conflicts.push({
      kind: 'body-shape',
      detail: `the body ${describeShape(facts.parsed.body)} is not shaped like ${provider.name}'s errors`,
    });
  }
}

function scoreException(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  out: Scored,
) {
  let best = 0;
  let detail = '';
  for (const line of facts.parsed.sdkLines) {
    const lineSdk = facts.lineSdk.get(line);
    for (const x of entry.exceptions) {
      const same =
        x.className === line.className ||
        x.className === line.qualifiedName ||
        (x.className.includes('.') && line.qualifiedName.endsWith(x.className));
      if (!same) continue;
      if (lineSdk !== undefined && lineSdk !== x.sdk) continue;
      const common = (provider.classCounts.get(`${x.sdk}:${x.className}`) ?? 0) > 3;
      let pts = common ? W.exceptionCommon : W.exception;
      if (!line.module) pts *= 0.6;
      if (pts > best) {
        best = pts;
        detail = `${line.qualifiedName} is the exception ${x.sdkName} raises for this error${common ? ' (and for several others)' : ''}`;
      }
    }
  }
  if (best > 0) {
    out.score += best;
    out.reasons.push({ kind: 'exception', detail });
  }
}

function scoreSdk(facts: PasteFacts, provider: ProviderProfile, entry: EntryProfile, out: Scored) {
  if (facts.sdks.size === 0) return;
  for (const [key, from] of facts.sdks) {
    const name = provider.sdkKeys.get(key);
    const home = homeProviders(key).includes(provider.id);
    if (home) {
      out.score += W.sdkHome;
      out.reasons.push({
        kind: 'sdk',
        detail: `${from} names ${provider.name}'s own SDK`,
      });
    }
    if (entry.exceptions.some((x) => x.sdk === key)) {
      out.score += W.sdkEntry;
      out.reasons.push({
        kind: 'sdk',
        detail: `${from} names the ${name ?? key} SDK, which this entry lists`,
      });
      return;
    }
    if (name !== undefined) {
      out.score += W.sdkProvider;
      out.reasons.push({
        kind: 'sdk',
        detail: `${from} names the ${name} SDK, used with ${provider.name}`,
      });
      return;
    }
  }
  const first = [...facts.sdks.values()][0] ?? 'the SDK';
  out.score += W.sdkForeign;
  out.conflicts.push({
    kind: 'sdk',
    detail: `${first} names an SDK ${provider.name} is not used with`,
  });
}

function scoreHeaders(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  out: Scored,
  rarity: Map<string, number>,
) {
  if (facts.headers.length === 0) return;
  let providerPts = 0;
  const named: string[] = [];
  for (const h of facts.headers) {
    const count = rarity.get(h) ?? 0;
    if (count === 0 || count > 5 || !provider.headers.has(h)) continue;
    providerPts += W.headerProvider / count;
    named.push(h);
  }
  if (providerPts > 0) {
    out.score += Math.min(W.headerProviderCap, providerPts);
    out.reasons.push({
      kind: 'header',
      detail: `${listWords(named.slice(0, 3))} ${named.length === 1 ? 'is a header' : 'are headers'} ${provider.name} sends`,
    });
  }
  const shared = facts.headers.filter((h) => entry.headers.has(h));
  if (shared.length > 0) {
    out.score += Math.min(W.headerEntryCap, W.headerEntry * shared.length);
    out.reasons.push({
      kind: 'header',
      detail: `this entry's example has the same header${shared.length === 1 ? '' : 's'}: ${listWords(shared.slice(0, 3))}`,
    });
  }
}

function scoreMention(facts: PasteFacts, provider: ProviderProfile, out: Scored) {
  const mention = facts.mentions.get(provider.id);
  if (!mention) return;
  const pts =
    mention.kind === 'host'
      ? W.mentionHost
      : mention.kind === 'name'
        ? W.mentionName
        : W.mentionModel;
  out.score += pts;
  out.reasons.push({
    kind: 'provider',
    detail:
      mention.kind === 'host'
        ? `the paste names ${mention.found}, ${provider.name}'s host`
        : mention.kind === 'name'
          ? `the paste names ${provider.name} ("${mention.found}")`
          : `the model ${mention.found} is served by ${provider.name}`,
  });
}

function scoreEntry(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  rarity: Map<string, number>,
): Scored {
  const out: Scored = { score: 0, reasons: [], conflicts: [] };
  scoreStatus(facts, entry, out);
  scoreCodes(facts, entry, out);
  scoreMessage(facts, entry, out);
  scoreShape(facts, provider, entry, out);
  scoreException(facts, provider, entry, out);
  scoreSdk(facts, provider, entry, out);
  scoreHeaders(facts, provider, entry, out, rarity);
  scoreMention(facts, provider, out);
  return out;
}

// ---------------------------------------------------------------------------
// The verdict.

const KIND_WORDS: Readonly<Record<ReasonKind, string>> = {
  status: 'status',
  'body-shape': 'body shape',
  code: 'codes',
  message: 'message',
  exception: 'exception class',
  sdk: 'SDK',
  header: 'headers',
  provider: 'provider name',
};

function verdictFor(matches: readonly DecodeMatch[], names: Map<string, string>): DecodeVerdict {
  const top = matches[0];
  if (!top) {
    return { kind: 'none', text: 'No catalog entry matches this paste.', providerIds: [] };
  }
  const group = matches.filter((m) => m.score >= top.score - TIE_MARGIN);
  const providerIds = [...new Set(group.map((m) => m.providerId))];
  if (providerIds.length > 1) {
    const firstOf = providerIds
      .map((id) => group.find((m) => m.providerId === id))
      .filter((m): m is DecodeMatch => !!m);
    const shared = (Object.keys(KIND_WORDS) as ReasonKind[]).filter((kind) =>
      firstOf.every((m) => m.reasons.some((r) => r.kind === kind)),
    );
    const providerNames = providerIds.map((id) => names.get(id) ?? id);
    const listed =
      providerNames.length > 4
        ? `${providerNames.slice(0, 3).join(', ')} and ${providerNames.length - 3} other providers`
        : listWords(providerNames);
    const evidence = shared.length
      ? `same ${listWords(shared.map((k) => KIND_WORDS[k]))}`
      : 'the evidence is equally weak for each';
    const why = shared.includes('message')
      ? " Several providers reuse the same wording (W&B Inference copies OpenAI's messages, for one), so the text cannot tell them apart."
      : shared.includes('body-shape')
        ? ' OpenAI-compatible providers share one body shape, so the shape cannot tell them apart.'
        : '';
    const hosts = providerIds
      .map((id) => PROVIDER_HINTS[id]?.hosts[0])
      .filter((h): h is string => h !== undefined);
    const settle = `What would settle it: the base URL your client called${
      hosts.length > 1 ? ` (${listWords(hosts.slice(0, 4))})` : ''
    }, the SDK's module in the exception line, or a docs link from the provider.`;
    return {
      kind: 'ambiguous',
      text: `Fits ${listed} equally: ${evidence}.${why} ${settle}`,
      providerIds,
      settle,
    };
  }
  const alsoSame = group.length - 1;
  const status = top.entry.status !== null ? `${top.entry.status} ` : '';
  return {
    kind: 'clear',
    text: `Best fit: ${top.providerName}, ${status}${top.entry.title} (${top.entry.id})${
      alsoSame > 0
        ? `; ${alsoSame} other ${top.providerName} entr${alsoSame === 1 ? 'y fits' : 'ies fit'} as well`
        : ''
    }.`,
    providerIds,
  };
}

// ---------------------------------------------------------------------------

/** Ranks every entry of every catalog against the paste, best first. */
export function decode(
  parsed: ParsedPaste,
  catalogs: readonly ProviderCatalog[],
  options: DecodeOptions = {},
): DecodeResult {
  const limit = Math.max(1, options.limit ?? 10);
  const providers = catalogs.map(profileProvider);
  const known = new Set<string>();
  for (const p of providers) for (const k of p.sdkKeys.keys()) known.add(k);
  const rarity = new Map<string, number>();
  for (const p of providers) for (const h of p.headers) rarity.set(h, (rarity.get(h) ?? 0) + 1);
  const facts = pasteFacts(parsed, known);

  const all: DecodeMatch[] = [];
  if (parsed.kind !== 'empty' && parsed.kind !== 'unrecognised') {
    for (const provider of providers) {
      for (const entry of provider.entries) {
        const scored = scoreEntry(facts, provider, entry, rarity);
        const positive = scored.reasons.some(
          (r) => r.kind !== 'sdk' && r.kind !== 'header' && r.kind !== 'provider',
        );
        if (scored.score < MIN_SCORE || !positive) continue;
        all.push({
          providerId: provider.id,
          providerName: provider.name,
          entry: entry.entry,
          score: round2(scored.score),
          reasons: scored.reasons,
          conflicts: scored.conflicts,
        });
      }
    }
  }
  all.sort((a, b) => b.score - a.score);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  return { matches: all.slice(0, limit), verdict: verdictFor(all, names), notes: parsed.notes };
}

/** Parses and decodes in one step. */
export function decodeText(
  text: string,
  catalogs: readonly ProviderCatalog[],
  options: DecodeOptions = {},
): DecodeResult & { parsed: ParsedPaste } {
  const parsed = parsePaste(text);
  return { ...decode(parsed, catalogs, options), parsed };
}
