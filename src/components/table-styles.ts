/** Shared table class names. */
export const th = 'py-1.5 pr-3 font-semibold';
export const td = 'py-1.5 pr-3 align-top';
export const tr = 'border-b border-slate-200 dark:border-slate-800';
export const headRow = 'border-b border-slate-300 dark:border-slate-700';
export const tableClass = 'w-full border-collapse text-left text-sm';
export const captionClass = 'pb-2 text-left font-semibold';
