/** The frame around every page: skip link, header (views, theme toggle), `/` to search. */
import { useEffect } from 'react';
import { Link, Outlet, useRouter } from '@tanstack/react-router';
import { ThemeToggle } from './theme-toggle';
import { requestSearchFocus, searchInputId } from '../../lib/dom-ids';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` focuses the search box from anywhere, going home first when needed. */
function useSlashToSearch() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key !== '/' ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isEditable(event.target)
      )
        return;
      event.preventDefault();
      const input = document.getElementById(searchInputId);
      if (input) {
        input.focus();
        return;
      }
      requestSearchFocus();
      void router.navigate({ to: '/' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router]);
}

export function AppShell() {
  useSlashToSearch();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-slate-50/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link
            to="/"
            className="text-base font-bold text-slate-900 no-underline hover:no-underline dark:text-white"
          >
            <span
              aria-hidden="true"
              className="mr-1 rounded bg-red-700 px-1.5 py-0.5 font-mono text-white"
            >
              !
            </span>
            LLM Error Explorer
          </Link>
          <nav aria-label="Main" className="flex gap-4 text-sm">
            <Link
              to="/"
              activeOptions={{ exact: true, includeSearch: false }}
              activeProps={{ className: 'font-semibold' }}
            >
              Browse
            </Link>
            <Link to="/compare" activeProps={{ className: 'font-semibold' }}>
              Compare
            </Link>
            <Link to="/decode" activeProps={{ className: 'font-semibold' }}>
              Decode
            </Link>
            <Link to="/simulate" activeProps={{ className: 'font-semibold' }}>
              Simulate
            </Link>
            <Link to="/replay" activeProps={{ className: 'font-semibold' }}>
              Replay
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
            <span className="hidden fine-pointer:sm:inline">
              Press{' '}
              <kbd className="rounded border border-slate-300 px-1 font-mono dark:border-slate-600">
                /
              </kbd>{' '}
              to search
            </span>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 py-4 text-center text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Every fact cites its source and the date it was seen. Meanings are paraphrased; check the
        linked docs before you rely on them.
      </footer>
    </div>
  );
}
