/**
 * A link into the retry simulator, for other views ("how would the Cerebras SDK handle this
 * 503?"). Tiny on purpose: it imports nothing, so linking costs no simulator code.
 *
 *   <Link {...simulatorLink({ preset: 'cerebras-node', sequence: '503, 503, 200' })}>…</Link>
 *
 * `preset` is a retry preset id (see the simulator's picker); `sequence` is a scripted server
 * such as `503, 429 ra=7, 200`. With a sequence the link opens the response-sequence view.
 */
export interface SimulatorLinkOptions {
  readonly preset?: string;
  readonly sequence?: string;
}

export function simulatorLink(options: SimulatorLinkOptions = {}): {
  to: '/simulate';
  search: { preset?: string; sequence?: string; view?: string };
} {
  const search: { preset?: string; sequence?: string; view?: string } = {};
  if (options.preset) search.preset = options.preset;
  if (options.sequence) {
    search.sequence = options.sequence;
    search.view = 'sequence';
  }
  return { to: '/simulate', search };
}
