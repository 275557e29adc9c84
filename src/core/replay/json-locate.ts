/** Finds where JSON text goes wrong (offset and a short reason), since engines word it differently. */

export interface JsonSyntaxLocation {
  /** 0-based character offset of the first problem. */
  readonly offset: number;
  readonly reason: string;
}

/**
 * A small strict JSON scanner (RFC 8259). Returns `null` for valid JSON, else the first place it
 * breaks. Used only to point at the problem; `JSON.parse` still does the parsing.
 */
export function locateJsonError(text: string): JsonSyntaxLocation | null {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason } satisfies JsonSyntaxLocation;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const describeHere = () =>
    i >= text.length ? 'the text ends' : `unexpected ${JSON.stringify(text.charAt(i))}`;
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`${describeHere()} (expected a value)`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('the string is not closed');
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text.charAt(i + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail('bad escape in a string');
      } else if (c < ' ') fail('a control character (such as a line break) inside a string');
      else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`${describeHere()} (expected a value)`);
    else i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 200) fail('nested too deeply');
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail(`${describeHere()} (expected a property name in quotes)`);
        string();
        ws();
        if (text.charAt(i) !== ':') fail(`${describeHere()} (expected ":")`);
        i++;
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === '}') {
          i++;
          return;
        }
        fail(`${describeHere()} (expected "," or "}")`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === ']') {
          i++;
          return;
        }
        fail(`${describeHere()} (expected "," or "]")`);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    number();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`${describeHere()} after the end of the value`);
    return null;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as JsonSyntaxLocation;
    throw e;
  }
}
