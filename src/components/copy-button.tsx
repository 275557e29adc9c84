/**
 * A button that copies text and says so. `text` may be a function, called on press, for text that
 * is costly to build and seldom copied (the compare page's Markdown and CSV).
 */
import { useEffect, useState } from 'react';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, permissions): fall back to a hidden textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({
  text,
  label = 'Copy',
  className = '',
}: {
  text: string | (() => string);
  label?: string;
  className?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={`rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 ${className}`}
      onClick={() =>
        void copyText(typeof text === 'function' ? text() : text).then((ok) =>
          setState(ok ? 'copied' : 'failed'),
        )
      }
    >
      {label}
      <span aria-live="polite" className="ml-1">
        {state === 'copied' ? '✓ Copied' : state === 'failed' ? '✗ Copy failed' : ''}
      </span>
    </button>
  );
}
