/** A code or response block with a copy button. */
import { CopyButton } from './copy-button';

export function CodeBlock({
  code,
  label,
  copyLabel = 'Copy',
}: {
  code: string;
  label: string;
  copyLabel?: string;
}) {
  return (
    <figure className="relative">
      <figcaption className="sr-only">{label}</figcaption>
      <div className="absolute top-2 right-2">
        <CopyButton text={code} label={copyLabel} />
      </div>
      <pre className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 pr-24 font-mono text-xs leading-relaxed text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
