/** A private realm-like global for the replay clock's tests, so the runner's own timers stay real. */
export function realm(): typeof globalThis {
  return {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    setImmediate: globalThis.setImmediate,
    Date: globalThis.Date,
    performance: globalThis.performance,
  } as unknown as typeof globalThis;
}
