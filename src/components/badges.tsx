/** Badges for retry advice and category (colour, icon and text), and the secondary-source mark. */
import { categoryLabels, retryAdviceLabels } from '../core/catalog/labels';
import type { Category, RetryAdvice } from '../core/catalog/schema';

const adviceStyles: Record<RetryAdvice, string> = {
  retry_backoff:
    'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  honour_retry_after:
    'bg-teal-100 text-teal-900 ring-teal-300 dark:bg-teal-950 dark:text-teal-200 dark:ring-teal-800',
  fix_then_retry:
    'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  do_not_retry:
    'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800',
  contact_support:
    'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800',
};

const adviceIcons: Record<RetryAdvice, string> = {
  retry_backoff: '↻',
  honour_retry_after: '⏱',
  fix_then_retry: '✎',
  do_not_retry: '⊘',
  contact_support: '☎',
};

const badge =
  'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap';

/** Retry advice: colour plus an icon plus text, never colour alone. */
export function AdviceBadge({ advice }: { advice: RetryAdvice }) {
  return (
    <span className={`${badge} ${adviceStyles[advice]}`} data-advice={advice}>
      <span aria-hidden="true">{adviceIcons[advice]}</span>
      {retryAdviceLabels[advice]}
    </span>
  );
}

export function CategoryBadge({ category }: { category: Category }) {
  return (
    <span
      className={`${badge} bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600`}
      data-category={category}
    >
      {categoryLabels[category]}
    </span>
  );
}

export function SecondaryOnlyBadge() {
  return (
    <span
      className={`${badge} bg-yellow-50 text-yellow-900 ring-yellow-400 dark:bg-yellow-950 dark:text-yellow-200 dark:ring-yellow-700`}
      title="Every source for this entry is a third-party summary; not confirmed against the provider's own docs."
    >
      Secondary source only
    </span>
  );
}
