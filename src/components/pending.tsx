/** The view shown while a route is loading. */
export function PendingPage() {
  return (
    <p role="status" className="animate-pulse text-slate-600 dark:text-slate-400">
      Loading catalogs…
    </p>
  );
}
