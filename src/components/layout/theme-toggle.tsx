/** Header button that cycles the colour theme: system, light, dark (kept in localStorage). */
import { useEffect, useSyncExternalStore } from 'react';

type Theme = 'system' | 'light' | 'dark';
const order: Theme[] = ['system', 'light', 'dark'];

/** The choice when storage is blocked: it still applies for this visit. */
let unsaved: Theme | null = null;
const listeners = new Set<() => void>();

function readTheme(): Theme {
  if (unsaved) return unsaved;
  try {
    const t = localStorage.getItem('theme');
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // Another tab changed the theme.
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function apply(theme: Theme) {
  const dark =
    theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}

function saveTheme(theme: Theme) {
  try {
    if (theme === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', theme);
    unsaved = null;
  } catch {
    unsaved = theme;
  }
  apply(theme);
  for (const listener of listeners) listener();
}

export function ThemeToggle() {
  // Prerendered pages show "system" (theme.js has already applied the saved theme to the page);
  // the button catches up with the saved choice right after hydration.
  const theme = useSyncExternalStore(subscribe, readTheme, () => 'system' as const);
  useEffect(() => {
    apply(theme);
    if (theme !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => apply('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);
  const next = order[(order.indexOf(theme) + 1) % order.length]!;
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      onClick={() => saveTheme(next)}
      aria-label={`Theme: ${theme}. Switch to ${next}.`}
    >
      {theme === 'dark' ? '☾ Dark' : theme === 'light' ? '☀ Light' : '◐ System'}
    </button>
  );
}
