/** Sets the page title for a view (the same words the prerender writes into the page's HTML). */
import { useEffect } from 'react';
import { documentTitle } from '../core/catalog/page-head';

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
}
