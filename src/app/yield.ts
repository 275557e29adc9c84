/**
 * Ends the current task so the browser can paint and answer input before the next step of
 * start-up (a long start-up task is what Total Blocking Time counts). `scheduler.yield()` where
 * Chromium has it (the continuation runs ahead of other queued tasks), else a zero timeout.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
