/**
 * Plain, readable query strings (`?q=529&retry=do_not_retry`): every value is
 * a string, and each route's zod schema turns it into what the view needs.
 */
export function parseSearch(searchStr: string): Record<string, string> {
  const params = new URLSearchParams(searchStr.startsWith('?') ? searchStr.slice(1) : searchStr);
  // fromEntries defines own properties, so `?__proto__=x` is a key like any other, never a
  // prototype (assignment would drop it silently). Later duplicates win.
  return Object.fromEntries(params) as Record<string, string>;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  // Commas are legal in a query string; keeping them readable makes shared links legible.
  // So are "@" and ":" (`sdk=openai-node@6.49.0`).
  const text = params.toString().replace(/%2C/gi, ',').replace(/%40/gi, '@');
  return text ? `?${text}` : '';
}
