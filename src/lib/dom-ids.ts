/** Ids shared between the shell (keyboard shortcuts) and the views that own the elements. */
export const searchInputId = 'error-search';

let searchFocusRequested = false;

/** The `/` shortcut on another page: ask the search box to take focus once it mounts. */
export function requestSearchFocus() {
  searchFocusRequested = true;
}

export function takeSearchFocusRequest(): boolean {
  const requested = searchFocusRequested;
  searchFocusRequested = false;
  return requested;
}

/** Marks each result link of the home page's search, for the arrow keys. */
export const resultLinkAttribute = 'data-result-link';
export const resultLinkSelector = `[${resultLinkAttribute}]`;
