/**
 * Reads whatever a person pasted after an LLM API call failed: a raw HTTP
 * response, an SDK exception line, a Python or Node dump of the body, an SSE
 * stream, an HTML error page, or a fragment of any of these. Never throws;
 * linear in the size of the paste, of which at most `MAX_ANALYSED_CHARS` are read.
 */
import {
  normalizeCode,
  readBody,
  type CodeSignal,
  type MessageSignal,
  isCodeLike,
  describeShape,
} from './body';
import { grpcNameFromCamel, GRPC_STATUS_NAMES, isHttpStatus, isReasonPhrase } from './http';
import { REASON_PHRASES } from '../catalog/http';
import { parseLooseLiteral, type LiteralDialect } from './loose-json';

export type { CodeSignal, MessageSignal } from './body';

/** The paste is cut to this many characters (about 200 KB) before it is read. */
export const MAX_ANALYSED_CHARS = 200_000;

export type PasteKind =
  /** Nothing but whitespace. */
  | 'empty'
  /** A status, headers, a body or an SDK line were found. */
  | 'structured'
  /** An HTML page, usually from a proxy or CDN in front of the API. */
  | 'html'
  /** Plain words only; they are matched as an error message. */
  | 'text'
  /** Nothing readable. */
  | 'unrecognised';

export type NoteCode =
  | 'empty'
  | 'capped'
  | 'binary'
  | 'found'
  | 'html'
  | 'truncated'
  | 'invalid-json'
  | 'recovered'
  | 'python-repr'
  | 'js-inspect'
  | 'array-body'
  | 'several-bodies'
  | 'sse'
  | 'status-from-body'
  | 'status-mismatch'
  | 'free-text'
  | 'nothing-found';

export interface PasteNote {
  level: 'info' | 'warning';
  code: NoteCode;
  text: string;
}

export type StatusSource = 'status-line' | 'sdk' | 'text' | 'html' | 'body';

/** An exception line printed by an SDK or runtime, e.g. `openai.RateLimitError: Error code: 429 - {...}`. */
export interface SdkErrorLine {
  /** The line as pasted (up to 300 characters). */
  raw: string;
  /** The Python module path before the class, e.g. `anthropic`, `cerebras.cloud.sdk`, `google.genai.errors`. */
  module?: string;
  /** The class name, e.g. `RateLimitError`. */
  className: string;
  /** Module and class, e.g. `openai.RateLimitError`, or just the class. */
  qualifiedName: string;
  /** python when a module path is printed; javascript for the `Class: 429 {...}` form of the JS SDKs. */
  language: 'python' | 'javascript' | 'unknown';
  status?: number;
  /** A status name printed after the number, e.g. `RESOURCE_EXHAUSTED` (google-genai). */
  statusName?: string;
  /** The words after the class and status, without the body. */
  message?: string;
}

export interface ParsedPaste {
  kind: PasteKind;
  /** The text that was read: the paste cut to `MAX_ANALYSED_CHARS`, with `\n` line ends. */
  text: string;
  /** Length of the paste as given (characters). */
  inputLength: number;
  /** How many characters were read. */
  analysedLength: number;
  /** True when the paste was longer than `MAX_ANALYSED_CHARS`. */
  capped: boolean;
  status?: number;
  /** The reason phrase as pasted, or the standard one. */
  statusText?: string;
  statusSource?: StatusSource;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** The error body, parsed (JSON, Python repr or Node inspect notation). */
  body?: unknown;
  bodyFormat?: LiteralDialect;
  /** The body was cut off; `body` holds the part that was complete. */
  bodyTruncated: boolean;
  /** Fields picked out by pattern from a body that would not parse. */
  recovered: Record<string, string>;
  /** The exception line that best describes the error (the last one with a module path). */
  sdk?: SdkErrorLine;
  sdkLines: SdkErrorLine[];
  /** Packages named in stack-trace paths (site-packages/…, node_modules/…). */
  packages: string[];
  aws?: { errorCode: string; operation?: string; message?: string; source: 'botocore' | 'header' };
  grpc?: { name: string; number?: number; message?: string };
  html?: { title?: string; heading?: string; server?: string; status?: number };
  /** Event names when the paste is a server-sent events stream. */
  sse?: { events: string[] };
  /** Every error code found, with where it was found. */
  codes: CodeSignal[];
  /** Every human message found, with where it was found. */
  messages: MessageSignal[];
  notes: PasteNote[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const MAX_LITERAL_ATTEMPTS = 64;
const MAX_LITERALS = 32;
const MAX_LINE = 4000;

/** Header names without a hyphen that are still headers. */
const ONE_WORD_HEADERS = new Set([
  'server',
  'date',
  'via',
  'vary',
  'age',
  'expires',
  'etag',
  'location',
  'connection',
  'allow',
]);

const ERRORISH_KEYS = [
  'error',
  'errors',
  'message',
  'type',
  'code',
  'detail',
  'status',
  'title',
  'msg',
  'error_type',
  '__type',
];

function formatSize(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} MB`;
  if (chars >= 1000) return `${Math.round(chars / 1000)} KB`;
  return `${chars} characters`;
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

interface Literal {
  start: number;
  end: number;
  value: unknown;
  truncated: boolean;
  dialect: LiteralDialect;
}

/** Index of the next `{`, or `[` that opens an array of objects, at or after `from`. */
function nextOpening(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const brace = text.indexOf('{', i);
    const bracket = text.indexOf('[', i);
    if (brace < 0 && bracket < 0) return -1;
    if (bracket < 0 || (brace >= 0 && brace < bracket)) return brace;
    let j = bracket + 1;
    while (j < text.length && j < bracket + 40 && /\s/.test(text[j] ?? '')) j++;
    if (text[j] === '{') return bracket;
    i = bracket + 1;
  }
  return -1;
}

/** Every object literal in the text, left to right; stops at a cut-off one. */
function findLiterals(text: string): { literals: Literal[]; failedAt: number[] } {
  const literals: Literal[] = [];
  const failedAt: number[] = [];
  let i = 0;
  let attempts = 0;
  while (i < text.length && attempts < MAX_LITERAL_ATTEMPTS && literals.length < MAX_LITERALS) {
    const at = nextOpening(text, i);
    if (at < 0) break;
    attempts++;
    // Strict first; then once more reading line breaks inside strings as wrapped lines.
    const result =
      parseLooseLiteral(text, at, { partial: true }) ??
      parseLooseLiteral(text, at, { partial: true, wrapped: true });
    const usable =
      result &&
      (isRecord(result.value) || (Array.isArray(result.value) && result.value.some(isRecord)));
    if (result && usable) {
      literals.push({ start: at, ...result });
      if (result.truncated) break;
      i = result.end;
    } else {
      failedAt.push(at);
      i = at + 1;
    }
  }
  return { literals, failedAt };
}

function isHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /^[a-z][a-z0-9-]{0,79}$/.test(lower) && (lower.includes('-') || ONE_WORD_HEADERS.has(lower))
  );
}

/** `{"retry-after": "7", "x-request-id": "..."}`: a headers dump, not a body. */
function asHeaderBlock(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0) return undefined;
  if (!entries.some(([k]) => k.includes('-'))) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!isHeaderName(k)) return undefined;
    if (typeof v === 'string' || typeof v === 'number') out[k.toLowerCase()] = String(v);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      out[k.toLowerCase()] = v.join(', ');
    else return undefined;
  }
  return out;
}

function errorishScore(value: unknown): number {
  const v = Array.isArray(value) ? value.find(isRecord) : value;
  if (!isRecord(v)) return 0;
  let score = 0;
  for (const key of Object.keys(v)) if (ERRORISH_KEYS.includes(key.toLowerCase())) score++;
  if (isRecord(v.error) || typeof v.error === 'string') score += 2;
  if (isRecord(v.response) && isRecord(v.response.error)) score += 2;
  if (isRecord(v.detail)) score += 1;
  return score;
}

const CLASS_SUFFIX = /(?:Error|Exception|Timeout|Failure|Fault|Err)$/;

/** `anthropic.InternalServerError: Error code: 529 - …`, `RateLimitError: 429 …`, `Error: 429 …`. */
function parseSdkLine(line: string): SdkErrorLine | undefined {
  let s = line;
  if (s.startsWith('Uncaught ')) s = s.slice(9);
  if (s.startsWith('[')) s = s.slice(1);
  const colon = s.indexOf(':');
  if (colon <= 0 || colon > 200) return undefined;
  const head = s.slice(0, colon).trim();
  if (!/^[A-Za-z_][\w.]*$/.test(head)) return undefined;
  const parts = head.split('.');
  const className = parts[parts.length - 1] ?? '';
  const inErrorModule = parts.slice(0, -1).some((p) => p === 'exceptions' || p === 'errors');
  if (!/^_?[A-Z][A-Za-z0-9_]*$/.test(className)) return undefined;
  if (!CLASS_SUFFIX.test(className) && !inErrorModule) return undefined;
  const module = parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
  let rest = s.slice(colon + 1).trim();
  let status: number | undefined;
  let statusName: string | undefined;
  let language: SdkErrorLine['language'] = module ? 'python' : 'unknown';
  let m = /^Error code:\s*(\d{3})\b\s*-?\s*/i.exec(rest);
  if (m) {
    status = Number(m[1]);
    rest = rest.slice(m[0].length);
  } else if ((m = /^(\d{3})\b(?:\s+([A-Z][A-Z_]{2,40})\b)?[.:]?\s*/.exec(rest))) {
    status = Number(m[1]);
    statusName = m[2];
    if (!module) language = 'javascript';
    rest = rest.slice(m[0].length);
  } else if ((m = /\b(?:status(?:[ _]?code)?|error code)\s*[:=]?\s*(\d{3})\b/i.exec(rest))) {
    status = Number(m[1]);
  }
  if (status !== undefined && !isHttpStatus(status)) status = undefined;
  const message = rest.replace(/^[\s:.-]+/, '').replace(/[\s-]+$/, '');
  return {
    raw: line.slice(0, 300),
    module,
    className,
    qualifiedName: head,
    language,
    status,
    statusName,
    message: message.length >= 2 && /[A-Za-z]/.test(message) ? message.slice(0, 500) : undefined,
  };
}

const BOTOCORE =
  /An error occurred \(([\w.:#-]{1,100})\) when calling the (\w{1,100}) operation(?: \(reached max retries: \d+\))?:\s?(.*)$/;
const STATUS_IN_TEXT =
  /\b(?:error code|status code|status_code|statuscode|httpstatuscode|http status|http error|status|http)\s*["']?\s*[:=]?\s*["']?(\d{3})\b/i;
/** A line that starts with an error status and goes on in words: `429 Rate limit reached…`, `403 "Your team…"`. */
const LEAD_STATUS = /^[([]?([45]\d\d)\b[\s:.-]+(["'A-Za-z][^\s]*\s+\S.*)$/;
/** A status right after the word error: `API Error: 529 Overloaded.`, `Perplexity error: 400 Invalid model…`. */
const ERROR_STATUS = /\berror\b[^0-9\n{}]{0,40}?[:(]\s*([45]\d\d)\b[\s:.)-]*(.*)$/i;
const CLASS_STATUS = /\b[A-Z]\w*(?:Error|Exception):\s*([45]\d\d)\b(?!\.\d)/;
const PACKAGE_PATH =
  /(?:site-packages|dist-packages|node_modules)[\\/]((?:@[\w.-]+[\\/])?[\w.-]+)/g;
const FIELD =
  /["']?\b(type|code|message|status|error_type|reason|msg)\b["']?\s*[:=]\s*(?:"((?:[^"\\\n]|\\.){0,500})|'((?:[^'\\\n]|\\.){0,500})|(-?\d{1,6})\b)/g;

const SERVERS: readonly [string, string][] = [
  ['cloudflare', 'Cloudflare'],
  ['openresty', 'OpenResty (nginx)'],
  ['nginx', 'nginx'],
  ['awselb', 'AWS Elastic Load Balancing'],
  ['cloudfront', 'Amazon CloudFront'],
  ['varnish', 'Varnish'],
  ['envoy', 'Envoy'],
  ['google frontend', 'Google Front End'],
  ['akamai', 'Akamai'],
  ['fastly', 'Fastly'],
  ['microsoft-iis', 'Microsoft IIS'],
  ['apache', 'Apache'],
];

function textBetween(text: string, lower: string, open: string, close: string): string | undefined {
  const a = lower.indexOf(open);
  if (a < 0) return undefined;
  const gt = lower.indexOf('>', a);
  if (gt < 0) return undefined;
  const b = lower.indexOf(close, gt);
  const inner = text.slice(gt + 1, b < 0 ? Math.min(text.length, gt + 300) : Math.min(b, gt + 300));
  const plain = inner
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return plain || undefined;
}

function readHtml(outside: string, headers: Record<string, string>): ParsedPaste['html'] {
  const lower = outside.toLowerCase();
  const marker = ['<!doctype html', '<html', '<head>', '<body', '<title'].some((m) =>
    lower.includes(m),
  );
  if (!marker) return undefined;
  const title = textBetween(outside, lower, '<title', '</title>');
  const heading = textBetween(outside, lower, '<h1', '</h1>');
  const serverHeader = headers.server?.toLowerCase() ?? '';
  const server = SERVERS.find(
    ([needle]) => lower.includes(needle) || serverHeader.includes(needle),
  )?.[1];
  let status: number | undefined;
  for (const candidate of [title, heading]) {
    const m = candidate ? /\b([1-5]\d\d)\b/.exec(candidate) : null;
    if (m) {
      status = Number(m[1]);
      break;
    }
  }
  if (status === undefined) {
    const m = /error code:?\s*([1-5]\d\d)\b/.exec(lower);
    if (m) status = Number(m[1]);
  }
  return {
    title,
    heading,
    server,
    status: status !== undefined && isHttpStatus(status) ? status : undefined,
  };
}

function unescapeRecovered(raw: string, quote: '"' | "'"): string {
  const json = quote === '"' ? raw : raw.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"');
  try {
    return JSON.parse(`"${json}"`) as string;
  } catch {
    return raw;
  }
}

/** Picks `type`/`code`/`message`... out of a body that would not parse: the first value of each, and every code. */
function recoverFields(text: string): { first: Record<string, string>; codes: string[] } {
  const out: Record<string, string> = {};
  const codes: string[] = [];
  FIELD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = FIELD.exec(text)) !== null && count < 200) {
    count++;
    const key = (m[1] ?? '').toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (value === undefined) continue;
    const clean =
      m[4] !== undefined ? value : unescapeRecovered(value, m[2] !== undefined ? '"' : "'");
    if (clean.trim() === '') continue;
    if (key !== 'message' && key !== 'msg' && codes.length < 20) codes.push(clean);
    if (!(key in out)) out[key] = clean;
  }
  return { first: out, codes };
}

/** A sentence rather than code: several words, mostly letters and spaces. */
function isProse(line: string): boolean {
  if (/^(?:Traceback|During handling|The above exception|raise |return )/.test(line)) return false;
  const words = line.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (words < 3) return false;
  let plain = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 32 ||
      c === 44 ||
      c === 46 ||
      c === 39
    )
      plain++;
  }
  return plain / line.length >= 0.85;
}

function binaryShare(text: string): number {
  const sample = text.slice(0, 10_000);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return sample.length ? control / sample.length : 0;
}

function emptyResult(
  text: string,
  inputLength: number,
  analysedLength: number,
  capped: boolean,
): ParsedPaste {
  return {
    kind: 'unrecognised',
    text,
    inputLength,
    analysedLength,
    capped,
    headers: {},
    bodyTruncated: false,
    recovered: {},
    sdkLines: [],
    packages: [],
    codes: [],
    messages: [],
    notes: [],
  };
}

function addNote(out: ParsedPaste, level: PasteNote['level'], code: NoteCode, text: string): void {
  out.notes.push({ level, code, text });
}

/** The paste cut to `MAX_ANALYSED_CHARS`, without a byte-order mark, with `\n` line ends; the cut is noted. */
function startReading(input: string): { text: string; out: ParsedPaste } {
  const source = typeof input === 'string' ? input : '';
  const inputLength = source.length;
  const capped = inputLength > MAX_ANALYSED_CHARS;
  const text = (capped ? source.slice(0, MAX_ANALYSED_CHARS) : source)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const out = emptyResult(text, inputLength, Math.min(inputLength, MAX_ANALYSED_CHARS), capped);
  if (capped) {
    addNote(
      out,
      'warning',
      'capped',
      `The paste is ${formatSize(inputLength)}; only the first ${formatSize(MAX_ANALYSED_CHARS)} were read. Paste just the error (status line, headers and body) for a complete reading.`,
    );
  }
  return { text, out };
}

function markEmpty(out: ParsedPaste): ParsedPaste {
  out.kind = 'empty';
  addNote(
    out,
    'info',
    'empty',
    'The paste is empty: paste the error message, response or SDK exception you got.',
  );
  return out;
}

function noteBinary(out: ParsedPaste, text: string): void {
  if (binaryShare(text) > 0.05) {
    addNote(
      out,
      'warning',
      'binary',
      'The paste contains many control characters; it looks like binary data (a compressed or encoded body), not text.',
    );
  }
}

/**
 * A status written just before a body on the same line, with nothing but a dash or colon between:
 * `togetherai:model  ->  400 {"error": …}`. Once the body is cut out the number ends the line,
 * where it would be indistinguishable from any other trailing number.
 */
const STATUS_BEFORE_BODY = /(?:^|[\s>([])([45]\d\d)[ \t]*[-:]?[ \t]*$/;

function statusBeforeBody(text: string, lit: Literal): number | undefined {
  const lineStart = text.lastIndexOf('\n', lit.start - 1) + 1;
  const m = STATUS_BEFORE_BODY.exec(text.slice(lineStart, lit.start));
  return m ? Number(m[1]) : undefined;
}

/** Step 1: the text outside the literals, the literals that may be bodies; headers dumps go to `headers`. */
function splitLiterals(
  text: string,
  headers: Record<string, string>,
): { outside: string; bodies: Literal[]; failedAt: number[]; statusBeforeBody?: number } {
  const { literals, failedAt } = findLiterals(text);
  let outside = '';
  let cursor = 0;
  for (const lit of literals) {
    outside += `${text.slice(cursor, lit.start)} `;
    cursor = lit.end;
  }
  outside += text.slice(cursor);

  const bodies: Literal[] = [];
  let leadStatus: number | undefined;
  for (const lit of literals) {
    const block = lit.truncated ? undefined : asHeaderBlock(lit.value);
    if (block) Object.assign(headers, block);
    else {
      bodies.push(lit);
      leadStatus ??= statusBeforeBody(text, lit);
    }
  }
  return { outside, bodies, failedAt, statusBeforeBody: leadStatus };
}

/** What the lines outside the literals said, beyond what they wrote into the result. */
interface LineFacts {
  statusLine?: { status: number; text?: string };
  textStatus?: number;
  sseEvents: string[];
  sawSseData: boolean;
  freeTextLines: number;
  proseLines: string[];
  /** The words after a status written at the start of a line or after "Error:" (`429 Rate limit reached…`). */
  statusMessages: string[];
  /** A status written just before a body on the same line (`->  400 {…}`). */
  statusBeforeBody?: number;
}

/** The line to read, or undefined for one to skip (blank, or a request header in `curl -v` output). */
function cleanLine(rawLine: string): string | undefined {
  const line = rawLine.trim().slice(0, MAX_LINE);
  if (!line) return undefined;
  if (line.startsWith('> ')) return undefined;
  return line.startsWith('< ') ? line.slice(2).trim() : line;
}

function collectPackages(line: string, packages: Set<string>): void {
  PACKAGE_PATH.lastIndex = 0;
  let pm: RegExpExecArray | null;
  while ((pm = PACKAGE_PATH.exec(line)) !== null && packages.size < 20) {
    if (pm[1]) packages.add(pm[1].replace(/\\/g, '/'));
  }
}

/** An HTTP/1 or HTTP/2 status line, or an SSE `event:`/`data:` line. True when the line was one. */
function readFramingLine(line: string, facts: LineFacts): boolean {
  let m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b\s*(.*)$/i.exec(line);
  if (m) {
    const status = Number(m[1]);
    if (isHttpStatus(status) && !facts.statusLine)
      facts.statusLine = { status, text: m[2]?.trim() || undefined };
    return true;
  }
  if ((m = /^:status:?\s*(\d{3})\b/.exec(line))) {
    if (!facts.statusLine) facts.statusLine = { status: Number(m[1]) };
    return true;
  }
  if ((m = /^event:\s*(\S{1,80})/.exec(line))) {
    facts.sseEvents.push(m[1] ?? '');
    return true;
  }
  if (/^data:/.test(line)) {
    facts.sawSseData = true;
    return true;
  }
  return false;
}

/** botocore's `An error occurred (...)` and gRPC status words. True only for a gRPC `details = "..."` line. */
function readAwsAndGrpc(line: string, out: ParsedPaste): boolean {
  let m: RegExpExecArray | null;
  if ((m = BOTOCORE.exec(line)) && !out.aws) {
    out.aws = {
      errorCode: m[1] ?? '',
      operation: m[2],
      message: m[3]?.trim() || undefined,
      source: 'botocore',
    };
  }
  if ((m = /StatusCode\.([A-Z_]{2,40})\b/.exec(line)) && GRPC_STATUS_NAMES.includes(m[1] ?? '')) {
    out.grpc = { ...out.grpc, name: m[1] ?? '' };
  }
  if ((m = /rpc error: code = (\w{2,40}) desc = (.*)$/.exec(line))) {
    const name = grpcNameFromCamel(m[1] ?? '');
    if (name) out.grpc = { name, message: m[2]?.trim() || undefined };
  }
  if ((m = /^details\s*=\s*"(.*)"$/.exec(line)) && out.grpc) {
    out.grpc.message = m[1];
    return true;
  }
  return false;
}

/** An SDK exception line, kept in `out.sdkLines`. True when the line was one. */
function readSdkLine(line: string, out: ParsedPaste): boolean {
  const sdk = parseSdkLine(line);
  if (!sdk) return false;
  if (out.aws?.source === 'botocore' && line.includes('An error occurred (')) {
    sdk.message = out.aws.message;
  }
  if (sdk.message?.startsWith('<')) sdk.message = undefined;
  if (out.sdkLines.length < 20) out.sdkLines.push(sdk);
  return true;
}

/** A `Name: value` response header; a repeated header joins its values. True when the line was one. */
function readHeaderLine(line: string, headers: Record<string, string>): boolean {
  const m = /^([A-Za-z][A-Za-z0-9_-]{0,79})\s*:\s?(.*)$/.exec(line);
  if (!m || !isHeaderName(m[1] ?? '') || m[1]?.toLowerCase() === 'status') return false;
  const name = (m[1] ?? '').toLowerCase();
  const value = (m[2] ?? '').trim().slice(0, 500);
  headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  return true;
}

/** `429 Too Many Requests` on its own, or a status in words (`status code 429`). True when one was taken. */
function readStatusWords(line: string, facts: LineFacts): boolean {
  let m = /^(\d{3})\s+([A-Za-z][A-Za-z' -]{1,60})$/.exec(line);
  if (m) {
    const status = Number(m[1]);
    if (isReasonPhrase(status, m[2] ?? '') && !facts.statusLine) {
      facts.statusLine = { status, text: m[2]?.trim() };
      return true;
    }
  }
  if (facts.textStatus === undefined && (m = LEAD_STATUS.exec(line) ?? ERROR_STATUS.exec(line))) {
    const status = Number(m[1]);
    if (isHttpStatus(status)) {
      facts.textStatus = status;
      keepStatusMessage(m[2] ?? '', facts);
      countFreeText(line, facts);
      return true;
    }
  }
  if (facts.textStatus === undefined && !/<\/?[a-z][^>]*>/i.test(line)) {
    // (HTML pages are read by readHtml.) A status followed by its own reason phrase anywhere in the line:
    // `"HTTP/1.1 422 Unprocessable Entity"`, `[400] Bad Request`, `(api.anthropic.com | 504: Gateway time-out)`.
    for (const hit of line.matchAll(
      /(?:^|[^\w.])([1-5]\d\d)\]?[:\s]\s*([A-Za-z][A-Za-z' -]{2,40})/g,
    )) {
      const status = Number(hit[1]);
      if (isHttpStatus(status) && isReasonPhrase(status, hit[2] ?? '')) {
        facts.textStatus = status;
        return true;
      }
    }
  }
  // The JS SDKs' `Class: 429 {...}` form later in a line: `Error processing X: OpenAIError: 408 {...}`.
  if (facts.textStatus === undefined && (m = CLASS_STATUS.exec(line))) {
    const status = Number(m[1]);
    if (isHttpStatus(status)) {
      facts.textStatus = status;
      return true;
    }
  }
  if (facts.textStatus === undefined && (m = STATUS_IN_TEXT.exec(line))) {
    const status = Number(m[1]);
    if (isHttpStatus(status)) {
      facts.textStatus = status;
      return true;
    }
  }
  return false;
}

/** `429 Rate limit reached…`, `"Your team … limit."`: the words after a status, and their first sentence. */
function keepStatusMessage(rest: string, facts: LineFacts): void {
  const text = rest
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .trim();
  if (!/^[A-Za-z]/.test(text) || facts.statusMessages.length >= 4) return;
  facts.statusMessages.push(text.slice(0, 500));
  const first = /^(.{2,120}?)[.!](?:\s|$)/.exec(text)?.[1];
  if (first && first !== text) facts.statusMessages.push(first);
}

/** Counts a line of words (not a stack frame) and keeps the first few sentences. */
function countFreeText(line: string, facts: LineFacts): void {
  if (/[A-Za-z]{2}/.test(line) && !/^at\s/.test(line) && !/^File "/.test(line)) {
    facts.freeTextLines++;
    if (facts.proseLines.length < 3 && isProse(line)) facts.proseLines.push(line.slice(0, 500));
  }
}

/** One line, tried as framing, AWS/gRPC, an SDK exception, a header, a status in words, then free text. */
function readLine(line: string, out: ParsedPaste, facts: LineFacts): void {
  if (readFramingLine(line, facts)) return;
  if (readAwsAndGrpc(line, out)) return;
  if (readSdkLine(line, out)) {
    // `Error: … OpenAIError: 408 {…}`: the first class read carries no status, a later one may.
    if (out.sdkLines[out.sdkLines.length - 1]?.status === undefined) {
      const m = CLASS_STATUS.exec(line);
      if (m && facts.textStatus === undefined && isHttpStatus(Number(m[1])))
        facts.textStatus = Number(m[1]);
    }
    return;
  }
  if (readHeaderLine(line, out.headers)) return;
  if (readStatusWords(line, facts)) return;
  countFreeText(line, facts);
}

/** Step 2: every line outside the literals; packages, SSE events, headers and SDK lines go into `out`. */
function readLines(outside: string, out: ParsedPaste): LineFacts {
  const facts: LineFacts = {
    sseEvents: [],
    sawSseData: false,
    freeTextLines: 0,
    proseLines: [],
    statusMessages: [],
  };
  const packages = new Set<string>();
  for (const rawLine of outside.split('\n')) {
    const line = cleanLine(rawLine);
    if (line === undefined) continue;
    collectPackages(line, packages);
    readLine(line, out, facts);
  }
  out.packages = [...packages];
  if (facts.sseEvents.length > 0 || facts.sawSseData) out.sse = { events: facts.sseEvents };
  return facts;
}

/** Step 3: Python prints the exception that surfaced last; else the first with a status, else the first. */
function bestSdkLine(lines: readonly SdkErrorLine[]): SdkErrorLine | undefined {
  return (
    [...lines].reverse().find((l) => l.module !== undefined) ??
    lines.find((l) => l.status !== undefined) ??
    lines[0]
  );
}

/** Step 4: AWS's `x-amzn-errortype` and gRPC's `grpc-status`/`grpc-message` headers. */
function readHeaderFacts(out: ParsedPaste): void {
  const amznType = out.headers['x-amzn-errortype'];
  if (amznType && !out.aws) {
    const code = amznType.split(':')[0]?.trim();
    if (code) out.aws = { errorCode: code, source: 'header' };
  }
  const grpcStatus = out.headers['grpc-status'];
  if (grpcStatus !== undefined && /^\d{1,2}$/.test(grpcStatus.trim())) {
    const number = Number(grpcStatus.trim());
    const name = GRPC_STATUS_NAMES[number];
    if (name && number !== 0) {
      out.grpc = {
        ...out.grpc,
        name,
        number,
        message: out.headers['grpc-message'] ?? out.grpc?.message,
      };
    }
  }
}

/** Step 5: in an HTML page only literals that look like an error and are not script may be the body. */
function bodyCandidates(bodies: Literal[], html: ParsedPaste['html']): Literal[] {
  return html
    ? bodies.filter((lit) => lit.dialect !== 'javascript' && errorishScore(lit.value) > 0)
    : bodies;
}

/** The first of the literals with the highest `errorishScore`. */
function mostErrorish(candidates: readonly Literal[]): Literal | undefined {
  let chosen: Literal | undefined;
  let best = -1;
  for (const lit of candidates) {
    const score = errorishScore(lit.value);
    if (score > best) {
      best = score;
      chosen = lit;
    }
  }
  return chosen;
}

/** Step 6, a body found: the chosen literal (its first object if a list) becomes `out.body`, with notes on how it was read. */
function takeBody(out: ParsedPaste, chosen: Literal, candidateCount: number): void {
  let body = chosen.value;
  if (Array.isArray(body)) {
    const first = body.find(isRecord);
    if (first !== undefined) {
      addNote(
        out,
        'info',
        'array-body',
        'The body is a list; read its first object (streamed Google errors come wrapped this way).',
      );
      body = first;
    }
  }
  // A printed SDK error object, `{status, headers: {...}, error: {...}}`: its headers are the response's.
  const nested = isRecord(body) ? asHeaderBlock(body.headers) : undefined;
  if (nested) for (const [k, v] of Object.entries(nested)) out.headers[k] ??= v;
  out.body = body;
  out.bodyFormat = chosen.dialect;
  out.bodyTruncated = chosen.truncated;
  noteDialect(out, chosen.dialect);
  if (chosen.truncated) {
    addNote(
      out,
      'warning',
      'truncated',
      `The body is cut off (truncated): it ends before its closing brackets. Decoded the fields that were complete${describeShape(body) ? `, ${describeShape(body)}` : ''}; the last value may be incomplete.`,
    );
  }
  if (candidateCount > 1) {
    addNote(
      out,
      'info',
      'several-bodies',
      `Found ${candidateCount} JSON objects; used the one that looks most like an error.`,
    );
  }
}

function noteDialect(out: ParsedPaste, dialect: LiteralDialect): void {
  if (dialect === 'python') {
    addNote(
      out,
      'info',
      'python-repr',
      'Read the body as a Python dict, the way the Python SDKs print it (single quotes, None/True/False).',
    );
  } else if (dialect === 'javascript') {
    addNote(
      out,
      'info',
      'js-inspect',
      'Read the body as a JavaScript object, the way Node prints it (unquoted keys, single quotes).',
    );
  }
}

/** Step 6, no body: fields picked out by pattern from one that would not parse, into `out.recovered`; returns every code seen. */
function recoverBody(out: ParsedPaste, text: string, failedAt: readonly number[]): string[] {
  if (failedAt.length === 0 && !/["'](?:type|code|message)["']\s*:/.test(text)) return [];
  const found = recoverFields(text.slice(failedAt[0] ?? 0));
  out.recovered = found.first;
  const keys = Object.entries(out.recovered);
  if (keys.length > 0) {
    addNote(
      out,
      'warning',
      'recovered',
      `The body is not valid JSON (it may be truncated or edited); picked out these fields by pattern: ${keys
        .map(([k, v]) => `${k} = ${clip(v, 60)}`)
        .join(', ')}.`,
    );
  } else if (failedAt.length > 0) {
    addNote(
      out,
      'warning',
      'invalid-json',
      'There is a "{" but no readable JSON object after it; the body could not be read.',
    );
  }
  return found.codes;
}

function noteStream(out: ParsedPaste): void {
  if (!out.sse || out.body === undefined) return;
  const events = out.sse.events;
  addNote(
    out,
    'info',
    'sse',
    `This is a server-sent events stream${events.length ? ` (events: ${[...new Set(events)].slice(0, 5).join(', ')})` : ''}: the error arrived inside the stream, often after HTTP 200.`,
  );
}

type BodyReading = ReturnType<typeof readBody>;

function addCode(codes: CodeSignal[], value: string | undefined, from: string): void {
  if (!value || !isCodeLike(value)) return;
  const v = value.includes('#') ? value.slice(value.lastIndexOf('#') + 1) : value;
  if (!codes.some((c) => normalizeCode(c.value) === normalizeCode(v)))
    codes.push({ value: v, source: from });
}

function addMessage(messages: MessageSignal[], value: string | undefined, from: string): void {
  if (value && value.trim() && !messages.some((m) => m.text === value))
    messages.push({ text: value.slice(0, 2000), source: from });
}

/** Step 7, codes: the body's, then the SDK line's, AWS, gRPC, `x-error-code`, recovered fields; no repeats. */
function collectCodes(
  out: ParsedPaste,
  reading: BodyReading | undefined,
  recoveredCodes: readonly string[],
): CodeSignal[] {
  const codes: CodeSignal[] = [];
  for (const c of reading?.codes ?? []) addCode(codes, c.value, c.source);
  addCode(codes, out.sdk?.statusName, 'sdk line');
  if (out.aws)
    addCode(
      codes,
      out.aws.errorCode,
      out.aws.source === 'header' ? 'x-amzn-errortype header' : 'botocore message',
    );
  if (out.grpc) addCode(codes, out.grpc.name, 'gRPC status');
  addCode(codes, out.headers['x-error-code'], 'x-error-code header');
  for (const value of recoveredCodes) addCode(codes, value, 'recovered field');
  return codes;
}

/** Step 7, messages: the body's, the SDK lines', AWS, gRPC, headers, recovered, prose beside an error, the HTML page's. */
function collectMessages(
  out: ParsedPaste,
  reading: BodyReading | undefined,
  lines: LineFacts,
): MessageSignal[] {
  const messages: MessageSignal[] = [...(reading?.messages ?? [])];
  for (const line of out.sdkLines) addMessage(messages, line.message, 'sdk line');
  for (const text of lines.statusMessages) addMessage(messages, text, 'text after the status');
  addMessage(messages, out.aws?.message, 'botocore message');
  addMessage(messages, out.grpc?.message, 'gRPC message');
  addMessage(messages, out.headers['x-error-message'], 'x-error-message header');
  addMessage(messages, out.recovered.message ?? out.recovered.msg, 'message (recovered)');
  if (out.sdkLines.length > 0 || lines.statusLine !== undefined || lines.textStatus !== undefined) {
    for (const line of lines.proseLines) addMessage(messages, line, 'text line');
  }
  if (out.html) {
    addMessage(messages, out.html.title, 'HTML title');
    if (out.html.heading !== out.html.title) addMessage(messages, out.html.heading, 'HTML heading');
  }
  return messages;
}

function recoveredStatus(recovered: Record<string, string>): number | undefined {
  const value = recovered.code ?? recovered.status;
  return value !== undefined && /^[1-5]\d\d$/.test(value) ? Number(value) : undefined;
}

/** Step 8: status line, then SDK line, then words, then the HTML page, then the body. */
function pickStatus(out: ParsedPaste, lines: LineFacts, reading: BodyReading | undefined): void {
  const sdkStatus = out.sdkLines.find((l) => l.status !== undefined)?.status;
  const statuses: [number | undefined, StatusSource, string | undefined][] = [
    [lines.statusLine?.status, 'status-line', lines.statusLine?.text],
    [sdkStatus, 'sdk', undefined],
    [lines.textStatus, 'text', undefined],
    [lines.statusBeforeBody, 'text', undefined],
    [out.html?.status, 'html', undefined],
    [reading?.status?.value, 'body', undefined],
    // A body that would not parse (a line break inside a string): its `code` field, when it is a status.
    [recoveredStatus(out.recovered), 'body', undefined],
  ];
  for (const [status, from, words] of statuses) {
    if (status !== undefined && isHttpStatus(status)) {
      out.status = status;
      out.statusSource = from;
      out.statusText = words || REASON_PHRASES[status];
      break;
    }
  }
}

/** Says when the status came from the body, or when the body reports another one. */
function noteBodyStatus(out: ParsedPaste, reading: BodyReading | undefined): void {
  if (out.statusSource === 'body' && reading?.status) {
    addNote(
      out,
      'info',
      'status-from-body',
      `No HTTP status line; took status ${reading.status.value} from the body (${reading.status.source}).`,
    );
  } else if (reading?.status && out.status !== undefined && reading.status.value !== out.status) {
    addNote(
      out,
      'info',
      'status-mismatch',
      out.status === 200
        ? `The response is HTTP 200 but the body reports ${reading.status.value} (${reading.status.source}): an error inside a successful response or stream.`
        : `The HTTP status is ${out.status} but the body reports ${reading.status.value} (${reading.status.source}); matched on ${out.status}.`,
    );
  }
}

function isStructured(out: ParsedPaste): boolean {
  return (
    out.body !== undefined ||
    out.sdkLines.length > 0 ||
    out.aws !== undefined ||
    out.grpc !== undefined ||
    Object.keys(out.recovered).length > 0 ||
    out.status !== undefined ||
    Object.keys(out.headers).length > 0
  );
}

/** Step 9: an HTML page, something structured, plain words (matched as a message), or nothing readable. */
function classify(out: ParsedPaste, text: string, freeTextLines: number): void {
  if (out.html && out.body === undefined) {
    out.kind = 'html';
    noteHtmlPage(out, out.html);
  } else if (isStructured(out)) {
    out.kind = 'structured';
  } else if (freeTextLines > 0 && /[A-Za-z]{3}/.test(text) && text.trim().length <= 2000) {
    out.kind = 'text';
    addMessage(out.messages, clip(text, 500), 'pasted text');
    addNote(
      out,
      'info',
      'free-text',
      'No status line, headers, JSON body or SDK exception line found; matching the words as an error message.',
    );
  } else {
    out.kind = 'unrecognised';
    addNote(
      out,
      'warning',
      'nothing-found',
      'Found nothing that looks like an API error: no HTTP status, headers, JSON body or SDK exception line. Paste the full error your code printed.',
    );
  }
}

function noteHtmlPage(out: ParsedPaste, html: NonNullable<ParsedPaste['html']>): void {
  const what = [
    html.title ? `titled "${clip(html.title, 60)}"` : undefined,
    html.server ? `served by ${html.server}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  addNote(
    out,
    'warning',
    'html',
    `This is an HTML error page${what ? ` (${what})` : ''}, not a JSON error from the API. Something in front of the API (a CDN, proxy, gateway or load balancer) answered${out.status ? ` with ${out.status}` : ''}, so only the status and page text can be matched.`,
  );
}

/** A one-line summary of what a structured or HTML paste held. */
function noteFound(out: ParsedPaste): void {
  if (out.kind !== 'structured' && out.kind !== 'html') return;
  const found: string[] = [];
  if (out.status !== undefined)
    found.push(`HTTP status ${out.status}${out.statusText ? ` ${out.statusText}` : ''}`);
  const headerCount = Object.keys(out.headers).length;
  if (headerCount) found.push(`${headerCount} header${headerCount === 1 ? '' : 's'}`);
  if (out.body !== undefined)
    found.push(`a ${out.bodyTruncated ? 'truncated ' : ''}body ${describeShape(out.body)}`);
  if (out.sdk) found.push(`the exception ${out.sdk.qualifiedName}`);
  if (out.aws) found.push(`AWS error ${out.aws.errorCode}`);
  if (out.grpc) found.push(`gRPC status ${out.grpc.name}`);
  const named = out.codes.filter((c) => c.value !== String(out.status)).map((c) => c.value);
  if (named.length) {
    found.push(`code${named.length === 1 ? '' : 's'} ${named.slice(0, 4).join(', ')}`);
  }
  if (found.length) addNote(out, 'info', 'found', `Found ${found.join('; ')}.`);
}

export function parsePaste(input: string): ParsedPaste {
  const { text, out } = startReading(input);
  if (text.trim() === '') return markEmpty(out);
  noteBinary(out, text);

  // 1. Object literals: the body, a headers dump, SSE data lines.
  const { outside, bodies, failedAt, statusBeforeBody } = splitLiterals(text, out.headers);
  // 2. Lines outside the literals.
  const lines = readLines(outside, out);
  lines.statusBeforeBody = statusBeforeBody;
  // 3. The best exception line.
  out.sdk = bestSdkLine(out.sdkLines);
  // 4. Header-borne facts.
  readHeaderFacts(out);
  // 5. HTML pages. Their CSS and scripts hold braces that are no error body.
  const html = readHtml(outside, out.headers);
  if (html) out.html = html;
  const candidates = bodyCandidates(bodies, html);
  // 6. The body: the literal that looks most like an error, else fields picked out by pattern.
  const chosen = mostErrorish(candidates);
  if (chosen) takeBody(out, chosen, candidates.length);
  const recoveredCodes = chosen || html ? [] : recoverBody(out, text, failedAt);
  noteStream(out);
  // 7. Signals: codes and messages from everywhere.
  const reading = out.body !== undefined ? readBody(out.body) : undefined;
  out.codes = collectCodes(out, reading, recoveredCodes);
  out.messages = collectMessages(out, reading, lines);
  // 8. Status, and whether the body agrees.
  pickStatus(out, lines, reading);
  noteBodyStatus(out, reading);
  // 9. What kind of paste this is, and a summary of what was found.
  classify(out, text, lines.freeTextLines);
  noteFound(out);
  return out;
}
