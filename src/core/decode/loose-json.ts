/**
 * A forgiving reader for the object literals people paste: strict JSON, Python
 * reprs as the Python SDKs print them (`{'error': {'code': None}}`), and Node's
 * `util.inspect` output (`{ error: { message: 'x' } }`). In partial mode it also
 * returns what it could read from a literal that was cut off.
 *
 * Linear time: one pass, no backtracking, nesting capped at `MAX_DEPTH`.
 */

export type LiteralDialect = 'json' | 'python' | 'javascript';

export interface LooseParseResult {
  value: unknown;
  /** Index just past the literal (or the end of the text when it was cut off). */
  end: number;
  /** The text ended before the literal closed; `value` holds what was complete. */
  truncated: boolean;
  /** Which notation it was written in, judged from quotes, keys and literals. */
  dialect: LiteralDialect;
}

const MAX_DEPTH = 64;

class Eof extends Error {}
class Bad extends Error {}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
const isIdentStart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

const KEYWORDS: Record<string, { value: unknown; dialect: LiteralDialect }> = {
  null: { value: null, dialect: 'json' },
  true: { value: true, dialect: 'json' },
  false: { value: false, dialect: 'json' },
  None: { value: null, dialect: 'python' },
  True: { value: true, dialect: 'python' },
  False: { value: false, dialect: 'python' },
  Ellipsis: { value: null, dialect: 'python' },
  undefined: { value: null, dialect: 'javascript' },
  NaN: { value: null, dialect: 'javascript' },
  nan: { value: null, dialect: 'python' },
  Infinity: { value: null, dialect: 'javascript' },
  inf: { value: null, dialect: 'python' },
};

function setKey(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

class Reader {
  pos: number;
  python = false;
  javascript = false;
  /** The partial value built so far, per open container, for partial results. */
  constructor(
    readonly text: string,
    start: number,
    readonly limit: number,
  ) {
    this.pos = start;
  }

  peek(): number {
    if (this.pos >= this.limit) throw new Eof();
    return this.text.charCodeAt(this.pos);
  }

  skipSpace() {
    while (this.pos < this.limit) {
      const c = this.text.charCodeAt(this.pos);
      if (!isSpace(c)) return;
      this.pos++;
    }
  }

  /** `...` or `…`, an elision people type into pasted errors. */
  atEllipsis(): boolean {
    const t = this.text;
    if (t.charCodeAt(this.pos) === 0x2026) return true;
    return t.startsWith('...', this.pos);
  }

  skipEllipsis() {
    this.pos += this.text.charCodeAt(this.pos) === 0x2026 ? 1 : 3;
  }

  readString(quote: number): string {
    const t = this.text;
    if (quote !== 34) {
      if (quote === 39) this.python = true;
      else this.javascript = true;
    }
    this.pos++; // opening quote
    let out = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= this.limit) {
        out += t.slice(runStart, this.limit);
        this.partialString = out;
        throw new Eof();
      }
      const c = t.charCodeAt(this.pos);
      if (c === quote) {
        out += t.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === 10 && quote !== 96) {
        // With `wrapped`: a terminal or an issue form wrapped the line inside a string,
        // read as one space. A string that runs on for more lines is not a string.
        if (!this.wrapped || ++this.wraps > 8) throw new Bad();
        out += `${t.slice(runStart, this.pos).trimEnd()} `;
        this.pos++;
        while (this.pos < this.limit && /[ \t]/.test(t[this.pos] ?? '')) this.pos++;
        runStart = this.pos;
        continue;
      }
      if (c !== 92) {
        this.pos++;
        continue;
      }
      out += t.slice(runStart, this.pos);
      this.pos++;
      if (this.pos >= this.limit) {
        this.partialString = out;
        throw new Eof();
      }
      const e = t[this.pos] ?? '';
      this.pos++;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'v':
          out += '\v';
          break;
        case '0':
          out += '\0';
          break;
        case 'x':
          out += this.hexEscape(2);
          break;
        case 'u':
          out += this.hexEscape(4);
          break;
        case 'U':
          out += this.hexEscape(8);
          break;
        case '\n':
          break;
        default:
          // \\, \", \', \/ and unknown escapes (Python keeps the backslash for those).
          out += e === '\\' || e === '"' || e === "'" || e === '/' || e === '`' ? e : `\\${e}`;
      }
      runStart = this.pos;
    }
  }

  partialString: string | undefined;

  /** Line breaks met inside strings so far (see readString). */
  wraps = 0;
  /** Whether a line break inside a string is read as a space. */
  wrapped = false;

  hexEscape(digits: number): string {
    const hex = this.text.slice(this.pos, this.pos + digits);
    if (hex.length < digits) {
      this.pos = this.limit;
      throw new Eof();
    }
    if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Bad();
    this.pos += digits;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) throw new Bad();
    return digits === 4 ? String.fromCharCode(code) : String.fromCodePoint(code);
  }

  readIdentifier(): string {
    const start = this.pos;
    while (this.pos < this.limit && isIdentPart(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  readNumber(): number {
    const t = this.text;
    const start = this.pos;
    if (t.charCodeAt(this.pos) === 45 || t.charCodeAt(this.pos) === 43) this.pos++;
    while (this.pos < this.limit && isDigit(t.charCodeAt(this.pos))) this.pos++;
    if (this.pos < this.limit && t.charCodeAt(this.pos) === 46) {
      this.pos++;
      while (this.pos < this.limit && isDigit(t.charCodeAt(this.pos))) this.pos++;
    }
    const c = this.pos < this.limit ? t.charCodeAt(this.pos) : 0;
    if (c === 101 || c === 69) {
      this.pos++;
      const s = this.pos < this.limit ? t.charCodeAt(this.pos) : 0;
      if (s === 43 || s === 45) this.pos++;
      while (this.pos < this.limit && isDigit(t.charCodeAt(this.pos))) this.pos++;
    }
    if (this.pos >= this.limit) throw new Eof();
    const n = Number(t.slice(start, this.pos));
    if (Number.isNaN(n)) throw new Bad();
    return n;
  }

  readValue(depth: number, holder: { partial?: unknown }): unknown {
    if (depth > MAX_DEPTH) throw new Bad();
    this.skipSpace();
    const c = this.peek();
    if (c === 123) return this.readObject(depth, holder);
    if (c === 91) return this.readArray(depth, holder, 93);
    if (c === 40) {
      this.python = true;
      return this.readArray(depth, holder, 41);
    }
    if (c === 34 || c === 39 || c === 96) {
      this.partialString = undefined;
      try {
        return this.readString(c);
      } catch (error) {
        if (error instanceof Eof && this.partialString !== undefined) {
          holder.partial = this.partialString;
        }
        throw error;
      }
    }
    if (isDigit(c) || c === 45 || c === 43 || c === 46) {
      if (this.atEllipsis()) {
        this.skipEllipsis();
        return null;
      }
      return this.readNumber();
    }
    if (c === 0x2026) {
      this.skipEllipsis();
      return null;
    }
    if (isIdentStart(c)) {
      const word = this.readIdentifier();
      // String prefixes: b'..', u'..', r'..' (Python).
      if (/^[bBuUrR]{1,2}$/.test(word) && this.pos < this.limit) {
        const q = this.text.charCodeAt(this.pos);
        if (q === 34 || q === 39) {
          this.python = true;
          return this.readString(q);
        }
      }
      const keyword = KEYWORDS[word];
      if (keyword) {
        if (keyword.dialect === 'python') this.python = true;
        if (keyword.dialect === 'javascript') this.javascript = true;
        return keyword.value;
      }
      // A constructor name before a literal, as Node prints it: `Headers { ... }`.
      this.skipSpace();
      const next = this.peek();
      if (next === 123 || next === 91) {
        this.javascript = true;
        return this.readValue(depth + 1, holder);
      }
      throw new Bad();
    }
    throw new Bad();
  }

  readKey(): string {
    const c = this.peek();
    if (c === 34 || c === 39 || c === 96) return this.readString(c);
    if (isIdentStart(c)) {
      this.javascript = true;
      return this.readIdentifier();
    }
    if (isDigit(c) || c === 45) return String(this.readNumber());
    throw new Bad();
  }

  readObject(depth: number, holder: { partial?: unknown }): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    holder.partial = obj;
    this.pos++; // {
    for (;;) {
      this.skipSpace();
      let c = this.peek();
      if (c === 125) {
        this.pos++;
        return obj;
      }
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (this.atEllipsis()) {
        this.skipEllipsis();
        continue;
      }
      let key: string;
      try {
        key = this.readKey();
      } catch (error) {
        if (error instanceof Eof) this.partialString = undefined;
        throw error;
      }
      this.skipSpace();
      c = this.peek();
      if (c !== 58 && c !== 61) throw new Bad(); // ':' (or '=' in some loggers)
      this.pos++;
      const inner: { partial?: unknown } = {};
      try {
        setKey(obj, key, this.readValue(depth + 1, inner));
      } catch (error) {
        if (error instanceof Eof && inner.partial !== undefined) setKey(obj, key, inner.partial);
        throw error;
      }
      this.skipSpace();
      c = this.peek();
      if (c === 44) this.pos++;
      else if (c !== 125) throw new Bad();
    }
  }

  readArray(depth: number, holder: { partial?: unknown }, close: number): unknown[] {
    const arr: unknown[] = [];
    holder.partial = arr;
    this.pos++; // [ or (
    for (;;) {
      this.skipSpace();
      let c = this.peek();
      if (c === close) {
        this.pos++;
        return arr;
      }
      if (c === 44) {
        this.pos++;
        continue;
      }
      if (this.atEllipsis()) {
        this.skipEllipsis();
        continue;
      }
      const inner: { partial?: unknown } = {};
      try {
        arr.push(this.readValue(depth + 1, inner));
      } catch (error) {
        if (error instanceof Eof && inner.partial !== undefined) arr.push(inner.partial);
        throw error;
      }
      this.skipSpace();
      c = this.peek();
      if (c === 44) this.pos++;
      else if (c !== close) throw new Bad();
    }
  }

  dialect(): LiteralDialect {
    // Node's inspect output also uses single quotes, so its marks win.
    if (this.javascript) return 'javascript';
    if (this.python) return 'python';
    return 'json';
  }
}

/**
 * Reads one object or array literal starting at `start` (which must be `{`, `[`
 * or `(`). Returns undefined when the text there is not a literal. With
 * `partial`, a literal cut off by the end of the text comes back with
 * `truncated: true` and the members that were read. With `wrapped`, a line
 * break inside a string (a pasted line that a terminal wrapped) reads as a space.
 */
export function parseLooseLiteral(
  text: string,
  start = 0,
  options: { partial?: boolean; limit?: number; wrapped?: boolean } = {},
): LooseParseResult | undefined {
  const limit = Math.min(text.length, options.limit ?? text.length);
  const first = text.charCodeAt(start);
  if (first !== 123 && first !== 91 && first !== 40) return undefined;
  const reader = new Reader(text, start, limit);
  reader.wrapped = options.wrapped === true;
  const holder: { partial?: unknown } = {};
  try {
    const value = reader.readValue(0, holder);
    return { value, end: reader.pos, truncated: false, dialect: reader.dialect() };
  } catch (error) {
    if (error instanceof Eof && options.partial && holder.partial !== undefined) {
      return { value: holder.partial, end: limit, truncated: true, dialect: reader.dialect() };
    }
    if (error instanceof Eof || error instanceof Bad) return undefined;
    throw error;
  }
}
