/**
 * Form-control classes shared by every view, so inputs, selects and buttons are restyled in one
 * place. The compact variants sit in toolbars and filter rows.
 */

/** Text inputs and selects in forms; `aria-invalid` turns the border red. */
export const inputClass =
  'w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 aria-[invalid=true]:border-rose-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-rose-400';
export const selectClass = inputClass;

export const buttonClass =
  'rounded border border-slate-400 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

/** The one action of a section (Run…). */
export const primaryButtonClass =
  'rounded border border-blue-800 bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60 dark:border-blue-300 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200';

/** Small buttons and button-like links in a toolbar (the compare page). */
export const toolbarButtonClass =
  'rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
