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
import {
  findMentions,
  HINTED_SDKS,
  homeProviders,
  PROVIDER_HINTS,
  sharedSdks,
  type Mention,
} from './hints';
import { isStatusWordsCode } from './http';

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
  /** The status differs but the message is word for word this entry's: the message wins. */
  statusMismatchExactMessage: -1,
  noStatusEntry: -1.5,
  firstCode: 4,
  /** A code that only restates the status in words (`not_found`, `unprocessable_entity_error`). */
  statusWordsCode: 1.5,
  /** A numeric code that repeats a status. */
  numericCode: 0.5,
  /** A code three or more providers use. */
  sharedCode: 2.5,
  moreCodes: 2,
  codeInMessage: 2,
  fieldConflict: -1,
  nullConflict: -0.75,
  messageExact: 5,
  /** Word for word a long message (ten words or more): as specific as a code. */
  messageExactLong: 7,
  messageExactShort: 3.5,
  /** Most of a long entry message's words appear in the paste (prefixes, stack frames around it). */
  messageCoverage: 3.5,
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
  /** A name that is also a protocol's ("OpenAI" for any OpenAI-compatible endpoint). */
  mentionProtocol: 1.5,
  /** A response header only this provider documents. */
  mentionHeader: 3,
  mentionModel: 1.5,
  /** The message's words name the kind of error this entry is (rate limit, quota, timeout…). */
  category: 1,
  /** Each body field only this provider (or one other) documents. */
  docField: 1.25,
  docFieldCap: 2.5,
  /** No status, but a rate-limit header says a limit ran out: a rate-limit entry fits. */
  exhaustedHeader: 2,
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

/**
 * Lower-cased, spaces collapsed, and ids masked: placeholders (`<team-id>`),
 * UUIDs and any word with a digit in it (org ids, request ids, numbers) become
 * `#`, so "Your team 16f2…e8dd has…" equals the catalog's "Your team <team-id> has…".
 */
function normMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^<>\s]{1,40}>/g, '#')
    .replace(/[\w-]*\d[\w.-]*/g, '#')
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

/** Share of `part`'s words that are in `whole`. */
function coverage(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let n = 0;
  for (const w of part) if (whole.has(w)) n++;
  return n / part.size;
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
  /** The kinds of error its prose names (see `categoriesOf`). */
  categories: Map<string, number>;
}

interface EntryProfile {
  entry: ErrorEntry;
  statuses: number[];
  /** normalised code → as written */
  codes: Map<string, string>;
  fields: Map<string, string | null>;
  messages: MessageProfile[];
  /** The example body's key paths, when the example is a real one. */
  shape?: Set<string>;
  /** The example body's key paths, real or illustrative: the provider's envelope. */
  providerShape?: Set<string>;
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
  /** Body field paths the catalog documents (`bodyShape.fields`), array markers removed. */
  docPaths: Set<string>;
  /** Headers the catalog documents for every response: they tell no entry from another. */
  docHeaders: Set<string>;
  entries: EntryProfile[];
}

function messageProfile(text: string): MessageProfile | undefined {
  const norm = normMessage(text);
  if (norm.length < 2) return undefined;
  return { original: text, norm, words: wordSet(norm), categories: categoriesOf(text) };
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
    // A made-up example's shape stands for the provider's envelope, not for this entry.
    shape: isObject && !illustrative ? shapeSignature(example.body) : undefined,
    providerShape: isObject ? shapeSignature(example.body) : undefined,
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

/** `error.details[].reason` and `error.details[0].reason` → `error.details.reason`. */
function plainPath(path: string): string {
  return path.replace(/\[\d*\]/g, '').replace(/#number$/, '');
}

function profileProvider(catalog: ProviderCatalog): ProviderProfile {
  const cached = profiles.get(catalog);
  if (cached) return cached;
  const entries = catalog.errors.map(profileEntry);
  const sdkKeys = new Map<string, string>();
  for (const sdk of catalog.sdks)
    if (!sdkKeys.has(sdkKey(sdk.name))) sdkKeys.set(sdkKey(sdk.name), sdk.name);
  for (const key of sharedSdks(catalog.id)) if (!sdkKeys.has(key)) sdkKeys.set(key, key);
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
  const docHeaders = new Set(headers);
  for (const e of entries) for (const h of e.headers) headers.add(h);
  for (const h of COMMON_HEADERS) headers.delete(h);
  const shapes: Set<string>[] = [];
  const example = catalog.bodyShape.example;
  if (example !== null && typeof example === 'object') shapes.push(shapeSignature(example));
  for (const e of entries)
    if (e.providerShape && e.providerShape.size > 0) shapes.push(e.providerShape);
  const docPaths = new Set(catalog.bodyShape.fields.map((f) => plainPath(f.path)));
  const profile: ProviderProfile = {
    id: catalog.id,
    name: catalog.name,
    sdkKeys,
    headers,
    shapes,
    classCounts,
    docPaths,
    docHeaders,
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
  /** Headers actually pasted (not the ones a printed gRPC error stands for), for provider evidence. */
  pastedHeaders: string[];
  /** Providers named by host, name, own header or model, strongest per provider. */
  mentions: Map<string, Mention>;
  /** Kinds of error the message's words speak of, the first spoken of weighing most. */
  categories: Map<string, number>;
  /** A rate-limit header that reached 0, when the paste has no status. */
  exhausted?: string;
  /** The body's key paths, array markers removed. */
  plainPaths: Set<string>;
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

function pasteFacts(parsed: ParsedPaste, catalogSdks: ReadonlySet<string>): PasteFacts {
  const known = new Set([...catalogSdks, ...HINTED_SDKS]);
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
    pastedHeaders: Object.keys(parsed.headers).filter((h) => !COMMON_HEADERS.has(h)),
    mentions: new Map(
      findMentions(parsed.text, Object.keys(parsed.headers)).map((m) => [m.providerId, m]),
    ),
    categories: categoriesOf(parsed.messages.map((m) => m.text).join(' \n ')),
    exhausted: parsed.status === undefined ? exhaustedHeader(parsed.headers) : undefined,
    plainPaths: new Set(
      isObject ? [...shapeSignature(parsed.body)].map(plainPath).filter(Boolean) : [],
    ),
  };
}

/**
 * Words that name a kind of error, by catalog category. They are shared by
 * every provider, so they only choose among entries that other evidence has
 * already put forward (their weight is below the match threshold on its own).
 */
const CATEGORY_WORDS: readonly [string, RegExp][] = [
  [
    'rate_limit',
    /rate.?limit|too many requests|throttl|per minute|\b(?:tpm|rpm)\b|concurrency limit/i,
  ],
  ['quota_billing', /quota|credits?\b|billing|balance|spend(?:ing)? limit|payment/i],
  ['overloaded', /overload|over capacity|capacity/i],
  ['timeout', /time.?out|timed out|deadline/i],
  ['not_found', /not found|does not exist|no endpoints/i],
  ['auth', /api[ -]?key|unauthori[sz]ed|authenticat|credentials/i],
  ['permission', /permission|forbidden|access denied|not authori[sz]ed|don't have access/i],
  ['unprocessable', /unprocessable|validation|extra inputs|deserialize/i],
  ['context_length', /context length|context window|too many tokens|maximum context/i],
  ['service_unavailable', /unavailable/i],
  ['bad_gateway', /bad gateway/i],
];

/**
 * Code-like tokens (`rate_limit_error`) blanked out: a kind of error is read from the prose. A
 * code names its entry through the code rules, and a shared one can say the opposite of the
 * words around it ("rate_limit_error: … would exceed your account's monthly spend limit").
 */
function prose(text: string): string {
  return text.replace(/\b\w*_\w*\b/g, (m) => ' '.repeat(m.length));
}

/** Categories the text speaks of: the one it names first 1, the others ½ (a remedy comes after the error). */
function categoriesOf(text: string): Map<string, number> {
  const sample = prose(text.slice(0, 2000));
  const found: [string, number][] = [];
  for (const [category, words] of CATEGORY_WORDS) {
    const at = sample.search(words);
    if (at >= 0) found.push([category, at]);
  }
  found.sort((a, b) => a[1] - b[1]);
  return new Map(found.map(([category], i) => [category, i === 0 ? 1 : 0.5]));
}

/** `x-ratelimit-remaining-requests: 0`, `anthropic-ratelimit-tokens-remaining: 0`: which one. */
function exhaustedHeader(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(
    ([name, value]) => /ratelimit.*remaining/.test(name) && /^\s*0\s*$/.test(value),
  )?.[0];
}

// ---------------------------------------------------------------------------
// Scoring.

interface Scored {
  score: number;
  reasons: MatchReason[];
  conflicts: MatchReason[];
  /** What the body's likeness to the provider's envelope added (or took away). */
  shape: number;
}

function scoreStatus(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  const status = facts.parsed.status;
  if (status === undefined && facts.exhausted && entry.entry.category === 'rate_limit') {
    out.score += W.exhaustedHeader;
    out.reasons.push({
      kind: 'status',
      detail: `no status in the paste, but ${facts.exhausted} is 0: a limit ran out, as this rate-limit entry describes`,
    });
    return;
  }
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

function scoreCodes(
  facts: PasteFacts,
  entry: EntryProfile,
  out: Scored,
  codeRarity: Map<string, number>,
) {
  if (entry.codes.size === 0) return;
  const matched: { value: string; source: string }[] = [];
  const numeric: { value: string; source: string }[] = [];
  for (const [key, found] of facts.codes) {
    // A numeric code such as Azure's "429" is the status again: it names no provider.
    if (entry.codes.has(key)) (/^\d{3}$/.test(found.value) ? numeric : matched).push(found);
  }
  if (matched.length === 0 && numeric[0]) {
    out.score += W.numericCode;
    out.reasons.push({
      kind: 'code',
      detail: `${numeric[0].source} = ${numeric[0].value} is this entry's code (the status again, so it weighs little)`,
    });
  }
  if (matched.length > 0) {
    // A code several providers use (`invalid_request_error`) says less than one only this provider uses.
    const own = (m: { value: string }) =>
      !isStatusWordsCode(m.value) && (codeRarity.get(normalizeCode(m.value)) ?? 0) <= 2;
    const specific = matched.filter(own).length;
    const shared = matched.some((m) => !isStatusWordsCode(m.value));
    out.score +=
      (specific > 0 ? W.firstCode : shared ? W.sharedCode : W.statusWordsCode) +
      W.moreCodes * Math.min(Math.max(specific - 1, 0), 2);
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

/**
 * When two messages share most words but name different kinds of error ("would exceed your
 * account's rate limit" / "… monthly spend limit"), the words that differ are the ones that
 * matter. Returns the kinds each names first, when they differ and neither names the other's.
 */
function conditionTurn(
  inPaste: ReadonlyMap<string, number>,
  inEntry: ReadonlyMap<string, number>,
): { paste: string; entry: string } | undefined {
  const first = (m: ReadonlyMap<string, number>) => [...m].find(([, w]) => w === 1)?.[0];
  const paste = first(inPaste);
  const entry = first(inEntry);
  if (!paste || !entry || paste === entry) return undefined;
  if (inPaste.has(entry) || inEntry.has(paste)) return undefined;
  return { paste, entry };
}

function scoreMessage(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  let best = 0;
  let detail = '';
  let turned: string | undefined;
  for (const p of facts.messages) {
    for (const e of entry.messages) {
      let pts = 0;
      let why = '';
      if (p.norm === e.norm) {
        pts =
          e.words.size >= 10
            ? W.messageExactLong
            : e.words.size >= 3
              ? W.messageExact
              : W.messageExactShort;
        why = `${e.words.size >= 8 ? 'the long message' : 'the message'} is exactly this entry's: ${quote(e.original)}`;
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
          // A long entry message found almost whole inside a longer paste.
          const covered = coverage(e.words, p.words);
          if (e.words.size >= 8 && covered >= 0.8 && W.messageCoverage * covered > pts) {
            pts = W.messageCoverage * covered;
            why = `the paste has ${Math.round(covered * 100)}% of the words of this entry's message ${quote(e.original)}`;
          }
          const turn = pts > 0 ? conditionTurn(p.categories, e.categories) : undefined;
          if (turn) {
            // The same template with another condition: the likeness does not count.
            pts = 0;
            turned ??= `the message is worded like this entry's ${quote(e.original)}, but speaks of ${CATEGORY_NAMES[turn.paste] ?? turn.paste} where it speaks of ${CATEGORY_NAMES[turn.entry] ?? turn.entry}`;
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
  } else if (turned) out.conflicts.push({ kind: 'message', detail: turned });
}

/**
 * Body fields only this provider (or one other) documents, e.g. OpenRouter's
 * `error.metadata.provider_name` or Mistral's top-level `object`: a
 * provider-specific shape outranks the envelope many providers share.
 */
function scoreDocFields(
  facts: PasteFacts,
  provider: ProviderProfile,
  out: Scored,
  docRarity: Map<string, number>,
) {
  const rare = [...facts.plainPaths].filter(
    (p) => provider.docPaths.has(p) && (docRarity.get(p) ?? 0) <= 2,
  );
  if (rare.length === 0) return;
  out.score += Math.min(W.docFieldCap, W.docField * rare.length);
  out.reasons.push({
    kind: 'body-shape',
    detail: `the body has ${listWords(rare.slice(0, 3))}, ${rare.length === 1 ? 'a field' : 'fields'} ${provider.name} documents and few others do`,
  });
}

function scoreShape(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  out: Scored,
  docRarity: Map<string, number>,
) {
  if (facts.parsed.kind === 'html' && entry.html) {
    out.score += W.html;
    out.shape += W.html;
    out.reasons.push({
      kind: 'body-shape',
      detail: "both are HTML error pages, as this entry's example is",
    });
    return;
  }
  scoreDocFields(facts, provider, out, docRarity);
  const shape = facts.shape;
  if (!shape || shape.size === 0) return;
  let providerSim = 0;
  for (const s of provider.shapes) providerSim = Math.max(providerSim, jaccard(shape, s));
  const entrySim = entry.shape ? jaccard(shape, entry.shape) : 0;
  if (Math.max(providerSim, entrySim) >= 0.4) {
    out.score += W.shapeProvider * providerSim + W.shapeEntry * entrySim;
    out.shape += W.shapeProvider * providerSim + W.shapeEntry * entrySim;
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
    out.shape += W.shapeForeign;
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
  // The provider's own SDK counts once, whichever line names it.
  const home = [...facts.sdks].find(([key]) => homeProviders(key).includes(provider.id));
  if (home) {
    out.score += W.sdkHome;
    out.reasons.push({ kind: 'sdk', detail: `${home[1]} names ${provider.name}'s own SDK` });
  }
  for (const [key, from] of facts.sdks) {
    const name = provider.sdkKeys.get(key);
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
  if (home) return;
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
  // A printed gRPC error stands for grpc-status/grpc-message, but gRPC is every Google API's
  // transport too: only headers really pasted say which provider answered.
  for (const h of facts.pastedHeaders) {
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
  const shared = facts.headers.filter((h) => {
    const count = rarity.get(h) ?? 0;
    return entry.headers.has(h) && !provider.docHeaders.has(h) && count > 0 && count <= 5;
  });
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
  const pts = {
    host: W.mentionHost,
    header: W.mentionHeader,
    name: mention.protocol ? W.mentionProtocol : W.mentionName,
    model: W.mentionModel,
  }[mention.kind];
  out.score += pts;
  out.reasons.push({
    kind: 'provider',
    detail: {
      host: `the paste names ${mention.found}, ${provider.name}'s host`,
      header: `${mention.found} is a header only ${provider.name} sends`,
      name: mention.protocol
        ? `the paste says "${mention.found}", which clients also print for any ${provider.name}-compatible API`
        : `the paste names ${provider.name} ("${mention.found}")`,
      model: `the model ${mention.found} is served by ${provider.name}`,
    }[mention.kind],
  });
}

const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  rate_limit: 'a rate limit',
  quota_billing: 'quota or credits',
  overloaded: 'overload',
  timeout: 'a timeout',
  not_found: 'something not found',
  auth: 'authentication',
  permission: 'permission',
  unprocessable: 'a validation error',
  context_length: 'the context length',
  service_unavailable: 'an unavailable service',
  bad_gateway: 'a bad gateway',
};

const CATEGORY_REASON = 'the message speaks of';

function scoreCategory(facts: PasteFacts, entry: EntryProfile, out: Scored) {
  const category = entry.entry.category;
  const weight = facts.categories.get(category);
  if (weight === undefined) return;
  out.score += W.category * weight;
  out.reasons.push({
    kind: 'message',
    detail: `${CATEGORY_REASON} ${CATEGORY_NAMES[category] ?? category}, which is what this entry is about`,
  });
}

interface Rarity {
  headers: Map<string, number>;
  docPaths: Map<string, number>;
  /** normalised code → how many providers list it */
  codes: Map<string, number>;
}

function scoreEntry(
  facts: PasteFacts,
  provider: ProviderProfile,
  entry: EntryProfile,
  rarity: Rarity,
): Scored {
  const out: Scored = { score: 0, reasons: [], conflicts: [], shape: 0 };
  scoreStatus(facts, entry, out);
  scoreCodes(facts, entry, out, rarity.codes);
  scoreMessage(facts, entry, out);
  scoreCategory(facts, entry, out);
  scoreShape(facts, provider, entry, out, rarity.docPaths);
  scoreException(facts, provider, entry, out);
  scoreSdk(facts, provider, entry, out);
  scoreHeaders(facts, provider, entry, out, rarity.headers);
  scoreMention(facts, provider, out);
  // A message word for word this entry's outranks a different status.
  if (
    out.reasons.some((r) => r.kind === 'message' && r.detail.startsWith('the long message')) &&
    out.conflicts.some((c) => c.kind === 'status' && c.detail.startsWith('this entry is HTTP'))
  ) {
    out.score += W.statusMismatchExactMessage - W.statusMismatch;
  }
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

/** What the verdict needs to know about a match beyond its public fields. */
interface MatchNotes {
  /** The paste's status is not this entry's, and no exact message overrides that. */
  statusConflict: boolean;
  /** Points from the body's likeness to the provider's envelope. */
  shape: number;
}

/** Providers the paste names outright: by host, own header, name (not a protocol's) or own SDK. */
function namedProviders(facts: PasteFacts): string[] {
  const out = new Set<string>();
  for (const m of facts.mentions.values()) {
    if (m.kind === 'host' || m.kind === 'header' || (m.kind === 'name' && !m.protocol))
      out.add(m.providerId);
  }
  for (const key of facts.sdks.keys()) {
    for (const id of homeProviders(key)) if (!PROVIDER_HINTS[id]?.protocolName) out.add(id);
  }
  return [...out];
}

function noEntryVerdict(
  top: DecodeMatch,
  facts: PasteFacts,
  notes: WeakMap<DecodeMatch, MatchNotes>,
  names: Map<string, string>,
): DecodeVerdict | undefined {
  const status = facts.parsed.status;
  const named = namedProviders(facts);
  const nearest = `${top.providerName}'s ${top.entry.status ?? ''} ${top.entry.title}`.replace(
    /\s+/g,
    ' ',
  );
  if (named.length > 0 && !named.includes(top.providerId)) {
    const who = listWords(named.map((id) => names.get(id) ?? id));
    return {
      kind: 'none',
      text: `The paste names ${who}, but no ${who} entry fits${status ? ` HTTP ${status}` : ''}; the nearest entry, ${nearest}, is from a provider the paste does not name, so it is shown for comparison only.`,
      providerIds: [],
      settle: `What would settle it: the response body ${who} sent, or the status it answered with.`,
    };
  }
  if (status !== undefined && notes.get(top)?.statusConflict) {
    return {
      kind: 'none',
      text: `No entry for HTTP ${status} fits: ${top.providerName} lists none${
        top.entry.status !== null ? `; the nearest is ${nearest}` : ''
      }. A proxy or gateway in front of the API may have answered (an HTML page, a Cloudflare code).`,
      providerIds: [],
    };
  }
  return undefined;
}

/**
 * When the best provider leads only because the body looks like its envelope
 * (many providers share the OpenAI-style envelope), the shape is not enough to
 * name it: unsure between the providers that are level without it.
 */
function separatedByShapeOnly(
  matches: readonly DecodeMatch[],
  notes: WeakMap<DecodeMatch, MatchNotes>,
  names: Map<string, string>,
): DecodeVerdict | undefined {
  const top = matches[0];
  if (!top) return undefined;
  const without = (m: DecodeMatch) => m.score - (notes.get(m)?.shape ?? 0);
  const level = without(top);
  const others = new Map<string, DecodeMatch>();
  for (const m of matches) {
    if (m.providerId !== top.providerId && !others.has(m.providerId)) others.set(m.providerId, m);
  }
  const tied = [...others.values()].filter((m) => without(m) >= level - TIE_MARGIN);
  if (tied.length === 0) return undefined;
  const providerIds = [top.providerId, ...tied.map((m) => m.providerId)];
  const providerNames = providerIds.map((id) => names.get(id) ?? id);
  const listed =
    providerNames.length > 4
      ? `${providerNames.slice(0, 3).join(', ')} and ${providerNames.length - 3} other providers`
      : listWords(providerNames);
  const hosts = providerIds
    .map((id) => PROVIDER_HINTS[id]?.hosts[0])
    .filter((h): h is string => h !== undefined);
  const settle = `What would settle it: the base URL your client called${
    hosts.length > 1 ? ` (${listWords(hosts.slice(0, 4))})` : ''
  }, a code or message only one of them uses, or the SDK's module in the exception line.`;
  return {
    kind: 'ambiguous',
    text: `Fits ${listed} about equally: only the body's shape puts ${top.providerName} ahead, and many providers share that envelope. ${settle}`,
    providerIds,
    settle,
  };
}

function verdictFor(
  matches: readonly DecodeMatch[],
  names: Map<string, string>,
  facts?: PasteFacts,
  notes?: WeakMap<DecodeMatch, MatchNotes>,
): DecodeVerdict {
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
  const none = facts && notes ? noEntryVerdict(top, facts, notes, names) : undefined;
  if (none) return none;
  const shapeOnly = notes ? separatedByShapeOnly(matches, notes, names) : undefined;
  if (shapeOnly) return shapeOnly;
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
  const rarity: Rarity = { headers: new Map(), docPaths: new Map(), codes: new Map() };
  for (const p of providers) {
    const codes = new Set(p.entries.flatMap((e) => [...e.codes.keys()]));
    for (const c of codes) rarity.codes.set(c, (rarity.codes.get(c) ?? 0) + 1);
    for (const h of p.headers) rarity.headers.set(h, (rarity.headers.get(h) ?? 0) + 1);
    for (const d of p.docPaths) rarity.docPaths.set(d, (rarity.docPaths.get(d) ?? 0) + 1);
  }
  const facts = pasteFacts(parsed, known);

  const all: DecodeMatch[] = [];
  const notes = new WeakMap<DecodeMatch, MatchNotes>();
  const namedIds = new Set(namedProviders(facts));
  if (parsed.kind !== 'empty' && parsed.kind !== 'unrecognised') {
    for (const provider of providers) {
      for (const entry of provider.entries) {
        const scored = scoreEntry(facts, provider, entry, rarity);
        // Who sent it (SDK, headers, a name) and the body's shape only support an entry:
        // something must say what the error is (status, code, message, exception class).
        // Words that only name a kind of error count when the paste names this provider.
        const named = namedIds.has(provider.id);
        const positive = scored.reasons.some(
          (r) =>
            r.kind !== 'sdk' &&
            r.kind !== 'header' &&
            r.kind !== 'provider' &&
            r.kind !== 'body-shape' &&
            (named || !r.detail.startsWith(CATEGORY_REASON)),
        );
        if (scored.score < MIN_SCORE || !positive) continue;
        const match: DecodeMatch = {
          providerId: provider.id,
          providerName: provider.name,
          entry: entry.entry,
          score: round2(scored.score),
          reasons: scored.reasons,
          conflicts: scored.conflicts,
        };
        const exactMessage = scored.reasons.some(
          (r) => r.kind === 'message' && r.detail.startsWith('the long message'),
        );
        notes.set(match, {
          statusConflict: !exactMessage && scored.conflicts.some((c) => c.kind === 'status'),
          shape: scored.shape,
        });
        all.push(match);
      }
    }
  }
  all.sort((a, b) => b.score - a.score);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  return {
    matches: all.slice(0, limit),
    verdict: verdictFor(all, names, facts, notes),
    notes: parsed.notes,
  };
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
