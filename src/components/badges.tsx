/** Badges for retry advice and category (colour, icon and text), and the secondary-source mark. */
import { categoryLabels, retryAdviceLabels } from '../core/catalog/labels';
import type { Category, RetryAdvice } from '../core/catalog/schema';

/**
 * Retry advice: colour plus an icon plus text, never colour alone. Colour and icon come from
 * `.badge[data-advice]` in index.css (the icon with empty alternative text), so the badge is one
 * element with one text node.
 */
export function AdviceBadge({ advice }: { advice: RetryAdvice }) {
  return (
    <span className="badge" data-advice={advice}>
      {retryAdviceLabels[advice]}
    </span>
  );
}

export function CategoryBadge({ category }: { category: Category }) {
  return (
    <span className="badge badge-category" data-category={category}>
      {categoryLabels[category]}
    </span>
  );
}

export function SecondaryOnlyBadge() {
  return (
    <span
      className={`badge bg-yellow-50 text-yellow-900 ring-yellow-400 dark:bg-yellow-950 dark:text-yellow-200 dark:ring-yellow-700`}
      title="Every source for this entry is a third-party summary; not confirmed against the provider's own docs."
    >
      Secondary source only
    </span>
  );
}
