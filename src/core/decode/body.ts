/**
 * What an error body says, read generically: the code-like fields (type, code,
 * status, reason...), the human messages, an HTTP status repeated in the body,
 * and the body's shape as a set of key paths. The same functions read pasted
 * bodies and catalog examples, so the two can be compared field by field.
 */

/** A code-like value found in the paste, and where. */
export interface CodeSignal {
  value: string;
  /** A JSON path such as `error.type`, or where else it came from (`sdk line`, `x-amzn-errortype`). */
  source: string;
}

export interface MessageSignal {
  text: string;
  source: string;
}

/** Keys whose short values name the error (compared lower-case). */
const CODE_KEYS = new Set([
  'type',
  'code',
  'status',
  'error_type',
  'errortype',
  'error_code',
  'errorcode',
  'reason',
  '__type',
  'finish_reason',
]);

/** Keys whose values are human messages (compared lower-case). */
const MESSAGE_KEYS = new Set([
  'message',
  'msg',
  'error',
  'detail',
  'details',
  'title',
  'description',
  'error_description',
  'errormessage',
  'error_message',
  'originalmessage',
  'raw',
  // Apigee and SOAP faults: {"fault": {"faultstring": "Invalid ApiKey", "detail": {"errorcode": …}}}
  'faultstring',
]);

/** Keys that can carry the HTTP status again (compared lower-case). */
const STATUS_KEYS = new Set([
  'code',
  'status',
  'status_code',
  'statuscode',
  'httpstatuscode',
  'http_status',
  'raw_status_code',
]);

/** Values that only say "this is an error"; they tell no error apart. */
const NON_CODES = new Set(['error', 'errors', 'failed', 'null', 'none', 'true', 'false', '']);

const MAX_NODES = 2000;
const MAX_DEPTH = 8;
const MAX_CODE_LENGTH = 80;
const MAX_MESSAGE_LENGTH = 2000;
/** Shape signatures look this deep; deeper detail varies from one error to the next. */
export const SHAPE_DEPTH = 3;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `a.b`, `a[].b`: the path notation used in reasons and signatures. */
function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function isCodeLike(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_CODE_LENGTH &&
    !/\s/.test(value) &&
    !NON_CODES.has(value.toLowerCase())
  );
}

/** Lower-case, `-` and `_` alike, so `invalid-argument` meets `INVALID_ARGUMENT`. */
export function normalizeCode(value: string): string {
  return value.trim().toLowerCase().replace(/-/g, '_');
}

export interface BodyReading {
  codes: CodeSignal[];
  messages: MessageSignal[];
  /** The first HTTP-status-looking number in the body, shallowest first. */
  status?: { value: number; source: string };
  /** Every scalar at a code key, by path (null included), for field-by-field comparison. */
  fields: Map<string, string | null>;
}

function isHttpStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 100 && n <= 599;
}

/** Walks a body breadth-first (shallow fields first), bounded in nodes and depth. */
export function readBody(body: unknown): BodyReading {
  const codes: CodeSignal[] = [];
  const messages: MessageSignal[] = [];
  const fields = new Map<string, string | null>();
  let status: BodyReading['status'];
  const queue: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  let visited = 0;
  for (let i = 0; i < queue.length && visited < MAX_NODES; i++) {
    const item = queue[i];
    if (!item) break;
    const { value, path, depth } = item;
    visited++;
    if (Array.isArray(value)) {
      if (depth >= MAX_DEPTH) continue;
      for (const child of value.slice(0, 50))
        queue.push({ value: child, path: `${path}[]`, depth: depth + 1 });
      continue;
    }
    if (!isRecord(value) || depth >= MAX_DEPTH) continue;
    for (const [key, child] of Object.entries(value)) {
      const lower = key.toLowerCase();
      const childPath = join(path, key);
      if (CODE_KEYS.has(lower)) {
        if (typeof child === 'string') {
          fields.set(childPath, child);
          if (isCodeLike(child)) codes.push({ value: child, source: childPath });
        } else if (typeof child === 'number' && Number.isFinite(child)) {
          fields.set(childPath, String(child));
          codes.push({ value: String(child), source: childPath });
        } else if (child === null) {
          fields.set(childPath, null);
        }
      }
      // The AWS SDK for JavaScript prints `{ name: 'ThrottlingException', $metadata: {...} }`.
      if (lower === 'name' && typeof child === 'string' && /^[A-Z]\w{2,80}Exception$/.test(child)) {
        codes.push({ value: child, source: childPath });
      }
      if (STATUS_KEYS.has(lower) && status === undefined) {
        const n =
          typeof child === 'number'
            ? child
            : typeof child === 'string' && /^\d{3}$/.test(child) && lower !== 'code'
              ? Number(child)
              : Number.NaN;
        if (isHttpStatus(n)) status = { value: n, source: childPath };
      }
      if (MESSAGE_KEYS.has(lower) && typeof child === 'string' && child.trim() !== '') {
        messages.push({ text: child.slice(0, MAX_MESSAGE_LENGTH), source: childPath });
      }
      if (child !== null && typeof child === 'object') {
        queue.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return { codes, messages, status, fields };
}

/**
 * The body's shape: every key path down to `SHAPE_DEPTH` (arrays as `[]`), plus
 * `path#number` for numeric leaves, so `{"error":{"code":429}}` and
 * `{"error":{"code":"429"}}` are close but not equal.
 */
export function shapeSignature(body: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown, path: string, depth: number) => {
    if (out.size > 400) return;
    if (Array.isArray(value)) {
      if (depth >= SHAPE_DEPTH) return;
      const first = value.find((v) => v !== null && typeof v === 'object');
      if (first !== undefined) walk(first, `${path}[]`, depth + 1);
      return;
    }
    if (!isRecord(value)) {
      if (typeof value === 'number' && path) out.add(`${path}#number`);
      return;
    }
    if (depth >= SHAPE_DEPTH) return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = join(path, key);
      out.add(childPath);
      walk(child, childPath, depth + 1);
    }
  };
  walk(body, '', 0);
  return out;
}

/** Jaccard similarity of two sets: |A∩B| / |A∪B|. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A short sketch of a body's shape for sentences: `{type, error: {type, message}, request_id}`. */
export function describeShape(body: unknown, depth = 0): string {
  if (Array.isArray(body)) {
    const first = body[0];
    return depth >= 2 || first === undefined ? '[…]' : `[${describeShape(first, depth + 1)}]`;
  }
  if (!isRecord(body)) return '';
  const keys = Object.keys(body);
  const parts = keys.slice(0, 6).map((key) => {
    const child = body[key];
    if (depth < 1 && child !== null && typeof child === 'object') {
      const inner = describeShape(child, depth + 1);
      return inner ? `${key}: ${inner}` : key;
    }
    return key;
  });
  if (keys.length > 6) parts.push('…');
  return `{${parts.join(', ')}}`;
}
