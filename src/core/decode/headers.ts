/**
 * Explains the response headers that matter when an LLM API call fails:
 * retry hints, the rate-limit dialects of the providers, request ids and
 * error-bearing headers. Pure: "now" is passed in, never read from the clock.
 */
import { GRPC_STATUS_NAMES } from './http';

export type HeaderKind =
  'retry' | 'rate-limit' | 'request-id' | 'error' | 'content' | 'server' | 'provider';

export interface HeaderExplanation {
  /** Lower-case header name. */
  name: string;
  value: string;
  kind: HeaderKind;
  /** A sentence for people, e.g. "retry after 7 s" or "daily request limit, resets in 6m0s". */
  text: string;
  /** For retry hints: how long the server asks you to wait, in seconds. */
  waitSeconds?: number;
  /** For rate-limit resets: seconds until the window resets, when known. */
  resetSeconds?: number;
}

export interface ExplainHeadersOptions {
  /** When the response arrived (a Date or epoch ms); used for HTTP dates and reset timestamps. */
  now?: Date | number;
  /**
   * The provider, when known, for header names providers read differently:
   * Groq's `x-ratelimit-*-requests` count per day, OpenAI's per minute.
   */
  providerId?: string;
}

export type HeaderInput =
  Readonly<Record<string, string | number | undefined>> | readonly (readonly [string, string])[];

/** Providers whose unsuffixed `x-ratelimit-*-requests` / `-tokens` headers have a fixed window. */
const WINDOWS_BY_PROVIDER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  groq: { requests: 'day', tokens: 'minute' },
};

const WINDOW_WORDS: Readonly<Record<string, string>> = {
  second: 'per-second',
  sec: 'per-second',
  minute: 'per-minute',
  min: 'per-minute',
  hour: 'hourly',
  day: 'daily',
  month: 'monthly',
};

const REQUEST_ID_HEADERS: Readonly<Record<string, string>> = {
  'x-request-id': 'request id',
  'request-id': 'request id',
  'openai-request-id': 'request id',
  'x-amzn-requestid': 'AWS request id',
  'x-amzn-request-id': 'AWS request id',
  'x-amz-request-id': 'AWS request id',
  'apim-request-id': 'Azure API Management request id',
  'x-ms-request-id': 'Azure request id',
  'x-ms-client-request-id': 'Azure client request id',
  'x-generation-id': 'OpenRouter generation id',
  'x-cloud-trace-context': 'Google Cloud trace id',
  'x-goog-request-id': 'Google request id',
  'x-trace-id': 'trace id',
};

/** Go-style durations as OpenAI and Groq send them: `6m0s`, `1.5s`, `20ms`, `2m59.56s`. */
export function parseDurationSeconds(text: string): number | undefined {
  const value = text.trim();
  if (value === '' || value.length > 40) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value);
  const unit = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/y;
  let total = 0;
  let at = 0;
  while (at < value.length) {
    unit.lastIndex = at;
    const m = unit.exec(value);
    if (!m) return undefined;
    const n = Number(m[1]);
    const scale =
      m[2] === 'h'
        ? 3600
        : m[2] === 'm'
          ? 60
          : m[2] === 's'
            ? 1
            : m[2] === 'ms'
              ? 1e-3
              : m[2] === 'ns'
                ? 1e-9
                : 1e-6;
    total += n * scale;
    at = unit.lastIndex;
  }
  return total;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 7 → "7 s", 0.25 → "250 ms", 360 → "6 min", 5400 → "1 h 30 min". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'an unknown time';
  const s = Math.max(0, seconds);
  if (s < 1 && s > 0) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${round1(s)} s`;
  if (s < 7200) {
    const min = Math.floor(s / 60);
    const rest = Math.round(s - min * 60);
    return rest ? `${min} min ${rest} s` : `${min} min`;
  }
  if (s < 172_800) {
    const h = Math.floor(s / 3600);
    const min = Math.round((s - h * 3600) / 60);
    return min ? `${h} h ${min} min` : `${h} h`;
  }
  const days = s / 86_400;
  if (days > 36_500) return 'more than 100 years';
  return `${round1(days)} days`;
}

function toEpochMs(now: Date | number | undefined): number | undefined {
  if (now === undefined) return undefined;
  const ms = typeof now === 'number' ? now : now.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** An HTTP date or RFC 3339 timestamp, as epoch ms. */
function parseTimestamp(value: string): number | undefined {
  const v = value.trim();
  if (!/[a-z]{3}|\d{4}-\d{2}-\d{2}/i.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : undefined;
}

/** `Retry-After`: seconds, or an HTTP date read against `now`. */
export function parseRetryAfter(
  value: string,
  now?: Date | number,
): { seconds?: number; at?: number } | undefined {
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) return { seconds: Number(v) };
  const at = parseTimestamp(v);
  if (at === undefined) return undefined;
  const nowMs = toEpochMs(now);
  return nowMs === undefined ? { at } : { at, seconds: Math.max(0, (at - nowMs) / 1000) };
}

function sdkCapNote(seconds: number): string {
  if (seconds > 120) {
    return ": longer than any SDK will wait (OpenAI's honours up to 120 s, Anthropic's, Groq's and Cerebras' up to 60 s); they give up or fall back to their own backoff";
  }
  if (seconds > 60) {
    return ': longer than the Anthropic, Groq and Cerebras SDKs honour (60 s); they fall back to their own backoff';
  }
  return '';
}

function explainRetryAfter(
  name: string,
  value: string,
  nowMs: number | undefined,
): HeaderExplanation {
  const parsed = parseRetryAfter(value, nowMs);
  if (!parsed) {
    return {
      name,
      value,
      kind: 'retry',
      text: `retry-after value "${value}" is neither seconds nor a date`,
    };
  }
  if (parsed.at !== undefined) {
    const when = new Date(parsed.at).toUTCString();
    if (parsed.seconds === undefined)
      return { name, value, kind: 'retry', text: `retry at ${when}` };
    if (parsed.seconds === 0) {
      return {
        name,
        value,
        kind: 'retry',
        text: `retry now: the retry time (${when}) has passed`,
        waitSeconds: 0,
      };
    }
    return {
      name,
      value,
      kind: 'retry',
      text: `retry after ${formatSeconds(parsed.seconds)} (at ${when})${sdkCapNote(parsed.seconds)}`,
      waitSeconds: parsed.seconds,
    };
  }
  const seconds = parsed.seconds ?? 0;
  return {
    name,
    value,
    kind: 'retry',
    text:
      seconds === 0
        ? 'retry now (retry-after is 0)'
        : `retry after ${formatSeconds(seconds)}${sdkCapNote(seconds)}`,
    waitSeconds: seconds,
  };
}

function explainRetryAfterMs(name: string, value: string): HeaderExplanation {
  const ms = Number(value.trim());
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || !Number.isFinite(ms)) {
    return {
      name,
      value,
      kind: 'retry',
      text: `${name} value "${value}" is not a number of milliseconds`,
    };
  }
  const seconds = ms / 1000;
  return {
    name,
    value,
    kind: 'retry',
    text: `retry after ${ms} ms${ms >= 1000 ? ` (${formatSeconds(seconds)})` : ''}${sdkCapNote(seconds)}`,
    waitSeconds: seconds,
  };
}

interface RateLimitName {
  field: 'limit' | 'remaining' | 'reset' | 'used';
  resource: string[];
  window?: string;
}

const FIELDS = new Set(['limit', 'remaining', 'reset', 'used']);

/** `x-ratelimit-reset-tokens-minute` → field reset, resource [tokens], window minute. */
function parseRateLimitName(name: string): RateLimitName | undefined {
  const m = /^(?:x-ratelimit|ratelimit|anthropic-ratelimit|x-tokenlimit)(?:-(.*))?$/.exec(name);
  if (!m) return undefined;
  const parts = (m[1] ?? '').split('-').filter(Boolean);
  let field: string | undefined;
  if (parts.length === 0) return undefined;
  if (FIELDS.has(parts[0] ?? '')) field = parts.shift();
  else if (FIELDS.has(parts[parts.length - 1] ?? '')) field = parts.pop();
  if (!field) return undefined;
  let window: string | undefined;
  const last = parts[parts.length - 1];
  if (last && WINDOW_WORDS[last]) {
    window = last;
    parts.pop();
  }
  return { field: field as RateLimitName['field'], resource: parts, window };
}

function resourceWords(resource: readonly string[]): string {
  const words = resource.map((p) =>
    p === 'req' || p === 'requests' ? 'request' : p === 'tokens' ? 'token' : p,
  );
  if (words.length === 0) return '';
  // tokens-prompt → prompt-token; input-tokens → input-token; project-tokens → project token.
  if (words[0] === 'token' && words.length === 2)
    return `${words[1] === 'generated' ? 'generated' : words[1]}-token`;
  if (words[words.length - 1] === 'token' && words.length === 2) {
    return words[0] === 'input' || words[0] === 'output'
      ? `${words[0]}-token`
      : `${words[0]} token`;
  }
  return words.join(' ');
}

function limitPhrase(rl: RateLimitName, providerId: string | undefined): string {
  const base = resourceWords(rl.resource);
  const implied =
    rl.window ??
    (providerId && rl.resource.length === 1
      ? WINDOWS_BY_PROVIDER[providerId]?.[rl.resource[0] ?? '']
      : undefined);
  const window = implied ? WINDOW_WORDS[implied] : undefined;
  const noun = base ? `${base} limit` : 'rate limit';
  return window ? `${window} ${noun}` : noun;
}

function explainReset(
  name: string,
  value: string,
  phrase: string,
  nowMs: number | undefined,
): HeaderExplanation {
  const v = value.trim();
  const numeric = /^\d+(?:\.\d+)?$/.test(v) ? Number(v) : undefined;
  // Epoch seconds or milliseconds (generic X-RateLimit-Reset).
  if (numeric !== undefined && numeric > 1e9) {
    const at = numeric > 1e12 ? numeric : numeric * 1000;
    // Beyond what a Date can hold (±8.64e15 ms): say so rather than fail.
    if (!Number.isFinite(at) || at > 8.64e15) {
      return { name, value, kind: 'rate-limit', text: `${phrase}; the reset time is out of range` };
    }
    const iso = new Date(at).toISOString();
    if (nowMs === undefined)
      return { name, value, kind: 'rate-limit', text: `${phrase}, resets at ${iso}` };
    const seconds = Math.max(0, (at - nowMs) / 1000);
    return {
      name,
      value,
      kind: 'rate-limit',
      text: `${phrase}, resets in ${formatSeconds(seconds)} (at ${iso})`,
      resetSeconds: seconds,
    };
  }
  const duration = parseDurationSeconds(v);
  if (duration !== undefined) {
    const shown = numeric !== undefined ? formatSeconds(duration) : v;
    return {
      name,
      value,
      kind: 'rate-limit',
      text: `${phrase}, resets in ${shown}`,
      resetSeconds: duration,
    };
  }
  const at = parseTimestamp(v);
  if (at !== undefined) {
    if (nowMs === undefined)
      return { name, value, kind: 'rate-limit', text: `${phrase}, resets at ${v}` };
    const seconds = Math.max(0, (at - nowMs) / 1000);
    return {
      name,
      value,
      kind: 'rate-limit',
      text:
        seconds === 0
          ? `${phrase}, reset time ${v} has passed`
          : `${phrase}, resets in ${formatSeconds(seconds)} (at ${v})`,
      resetSeconds: seconds,
    };
  }
  return {
    name,
    value,
    kind: 'rate-limit',
    text: `${phrase}, resets at "${v}" (format not recognised)`,
  };
}

function explainRateLimit(
  name: string,
  value: string,
  nowMs: number | undefined,
  providerId: string | undefined,
): HeaderExplanation | undefined {
  if (name === 'x-ratelimit-tokens-query-cost') {
    return {
      name,
      value,
      kind: 'rate-limit',
      text: `this request counted ${value} tokens against the token limit`,
    };
  }
  if (name === 'ratelimit-policy' || name === 'x-ratelimit-policy') {
    return { name, value, kind: 'rate-limit', text: `rate-limit policy: ${value}` };
  }
  if (name === 'ratelimit')
    return { name, value, kind: 'rate-limit', text: `rate-limit state: ${value}` };
  const rl = parseRateLimitName(name);
  if (!rl) return undefined;
  const phrase = limitPhrase(rl, providerId);
  const v = value.trim();
  switch (rl.field) {
    case 'limit':
      return { name, value, kind: 'rate-limit', text: `${phrase}: ${v}` };
    case 'remaining':
      return {
        name,
        value,
        kind: 'rate-limit',
        text:
          Number(v) <= 0 && /^-?\d+$/.test(v)
            ? `${phrase}: ${v} remaining, this limit is used up`
            : `${phrase}: ${v} remaining`,
      };
    case 'used':
      return { name, value, kind: 'rate-limit', text: `${phrase}: ${v} used` };
    case 'reset':
      return explainReset(name, value, phrase, nowMs);
  }
}

function explainContentType(name: string, value: string): HeaderExplanation {
  const v = value.toLowerCase();
  const text = v.includes('text/html')
    ? 'the body is an HTML page: usually a proxy, CDN or gateway answered, not the API itself'
    : v.includes('text/event-stream')
      ? 'the body is a server-sent events stream: errors can arrive inside it after HTTP 200'
      : v.includes('problem+json')
        ? 'the body is an RFC 7807 problem document (type, title, status, detail)'
        : v.includes('json')
          ? 'the body is JSON'
          : `the body is ${value}`;
  return { name, value, kind: 'content', text };
}

function explainOne(
  rawName: string,
  value: string,
  nowMs: number | undefined,
  providerId: string | undefined,
): HeaderExplanation | undefined {
  const name = rawName.trim().toLowerCase();
  const v = value.trim();
  switch (name) {
    case 'retry-after':
      return explainRetryAfter(name, v, nowMs);
    case 'retry-after-ms':
    case 'x-amz-retry-after':
      return explainRetryAfterMs(name, v);
    case 'x-should-retry':
      return {
        name,
        value,
        kind: 'retry',
        text:
          v.toLowerCase() === 'true'
            ? 'the server tells SDKs to retry this request'
            : v.toLowerCase() === 'false'
              ? 'the server tells SDKs not to retry this request'
              : `x-should-retry is "${v}" (expected true or false)`,
      };
    case 'x-amzn-errortype':
      return { name, value, kind: 'error', text: `AWS error type ${v.split(':')[0] ?? v}` };
    case 'grpc-status': {
      const n = Number(v);
      const label = Number.isInteger(n) ? GRPC_STATUS_NAMES[n] : undefined;
      return {
        name,
        value,
        kind: 'error',
        text: label ? `gRPC status ${n} (${label})` : `gRPC status ${v}`,
      };
    }
    case 'grpc-message':
      return { name, value, kind: 'error', text: `gRPC message: ${decodeURIComponentSafe(v)}` };
    case 'x-error-code':
      return { name, value, kind: 'error', text: `error code ${v}` };
    case 'x-error-message':
      return { name, value, kind: 'error', text: `error message: ${v}` };
    case 'content-type':
      return explainContentType(name, v);
    case 'server':
      return { name, value, kind: 'server', text: `served by ${v}` };
    case 'cf-ray':
      return {
        name,
        value,
        kind: 'request-id',
        text: `Cloudflare ray id ${v}: the response passed through Cloudflare`,
      };
    case 'anthropic-organization-id':
      return { name, value, kind: 'provider', text: `Anthropic organization ${v}` };
    case 'anthropic-workspace-id':
      return { name, value, kind: 'provider', text: `Anthropic workspace ${v}` };
    case 'openai-organization':
      return { name, value, kind: 'provider', text: `OpenAI organization ${v}` };
    case 'openai-project':
      return { name, value, kind: 'provider', text: `OpenAI project ${v}` };
    case 'openai-processing-ms':
      return { name, value, kind: 'provider', text: `the API spent ${v} ms on the request` };
  }
  const idLabel = REQUEST_ID_HEADERS[name];
  if (idLabel)
    return {
      name,
      value,
      kind: 'request-id',
      text: `${idLabel} ${v}: quote it if you contact support`,
    };
  return explainRateLimit(name, v, nowMs, providerId);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** One explanation per header this module knows, in the order given; unknown headers are left out. */
export function explainHeaders(
  headers: HeaderInput,
  options: ExplainHeadersOptions = {},
): HeaderExplanation[] {
  const nowMs = toEpochMs(options.now);
  const pairs: (readonly [string, string])[] = Array.isArray(headers)
    ? (headers as readonly (readonly [string, string])[]).slice()
    : Object.entries(headers as Readonly<Record<string, string | number | undefined>>)
        .filter((e): e is [string, string | number] => e[1] !== undefined)
        .map(([k, v]) => [k, String(v)] as const);
  const out: HeaderExplanation[] = [];
  for (const [name, value] of pairs.slice(0, 500)) {
    const explained = explainOne(name, String(value).slice(0, 1000), nowMs, options.providerId);
    if (explained) out.push(explained);
  }
  return out;
}

/** How long the server asks you to wait: `retry-after-ms` first, then `Retry-After`. */
export function retryAfterSeconds(headers: HeaderInput, now?: Date | number): number | undefined {
  const found = explainHeaders(headers, { now }).filter(
    (h) => h.kind === 'retry' && h.waitSeconds !== undefined,
  );
  const ms = found.find((h) => h.name === 'retry-after-ms');
  return (ms ?? found.find((h) => h.name === 'retry-after'))?.waitSeconds;
}
