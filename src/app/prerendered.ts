/** Which prerendered HTML the browser may hydrate rather than render anew. */

/** `/a/b/` and `/a/b` are one page. */
export function normalizePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/**
 * True when the HTML in #root was rendered for this very view: same path, and no search
 * parameters (prerendered pages are the default views; a search could change what they show).
 */
export function isPrerenderedFor(
  prerenderedPath: string | undefined,
  location: { pathname: string; search: string },
): boolean {
  if (prerenderedPath === undefined || location.search !== '') return false;
  let pathname: string;
  try {
    pathname = decodeURIComponent(location.pathname);
  } catch {
    return false;
  }
  return normalizePath(pathname) === normalizePath(prerenderedPath);
}
