/**
 * A route's search params as what they are in this app: optional strings (see
 * `app/search-serialization.ts`), checked without a validator library, since every route file,
 * and so the home page, loads them. Like the zod object it replaces: known keys are kept, unknown
 * ones dropped, and a known key holding anything but a string is refused.
 */
export type StringParams<K extends string> = { [P in K]?: string | undefined };

export interface StringParamsSchema<K extends string> {
  /** The known keys. */
  readonly shape: Readonly<Record<K, true>>;
  /** The known params; throws when the input is not an object or a value is not a string. */
  readonly parse: (input: unknown) => StringParams<K>;
  readonly safeParse: (
    input: unknown,
  ) => { success: true; data: StringParams<K> } | { success: false; error: Error };
}

export function stringParams<const K extends string>(keys: readonly K[]): StringParamsSchema<K> {
  const parse = (input: unknown): StringParams<K> => {
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      throw new TypeError('search params must be an object');
    const out: StringParams<K> = {};
    for (const key of keys) {
      if (!Object.hasOwn(input, key)) continue;
      const value = (input as Record<string, unknown>)[key];
      if (value !== undefined && typeof value !== 'string')
        throw new TypeError(`search param "${key}" must be a string`);
      out[key] = value;
    }
    return out;
  };
  return {
    shape: Object.fromEntries(keys.map((k) => [k, true])) as Record<K, true>,
    parse,
    safeParse: (input) => {
      try {
        return { success: true, data: parse(input) };
      } catch (error) {
        return { success: false, error: error as Error };
      }
    },
  };
}
