/** Sets the page title for a view. */
import { useEffect } from 'react';

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · LLM Error Explorer` : 'LLM Error Explorer';
  }, [title]);
}
