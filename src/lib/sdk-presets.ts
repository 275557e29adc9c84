/**
 * Which simulator preset models each official SDK a catalog lists. Kept here (a few strings)
 * so the error page can link to the simulator without loading the presets themselves; a test
 * checks every id against the real preset list and its package.
 */
const byPackage: Record<string, { python?: string; other?: string }> = {
  openai: { python: 'openai-python', other: 'openai-node' },
  anthropic: { python: 'anthropic-python' },
  '@anthropic-ai/sdk': { other: 'anthropic-ts-1.12' },
  'google-genai': { python: 'google-python-genai' },
  '@google/genai': { other: 'google-js-genai' },
  'google-api-core': { python: 'google-api-core' },
  botocore: { python: 'botocore-standard' },
  '@aws-sdk/client-bedrock-runtime': { other: 'aws-sdk-js-v3' },
  mistralai: { python: 'mistral-python' },
  '@mistralai/mistralai': { other: 'mistral-ts-default' },
  groq: { python: 'groq-python' },
  'groq-sdk': { other: 'groq-ts' },
  'cerebras-cloud-sdk': { python: 'cerebras-python' },
  '@cerebras/cerebras_cloud_sdk': { other: 'cerebras-node' },
};

export function presetForSdk(sdk: { name: string; language: string }): string | undefined {
  const entry = byPackage[sdk.name];
  if (!entry) return undefined;
  return /python/i.test(sdk.language) ? entry.python : entry.other;
}

/** The simulator's scripted-server line for an error: the error twice, then a success. */
export function sequenceFor(entry: {
  status: number | null;
  category: string;
  example: { headers: Record<string, string> };
}): string | undefined {
  const headers = Object.fromEntries(
    Object.entries(entry.example.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  let step: string;
  if (entry.status !== null && entry.status >= 400) {
    step = String(entry.status);
    const ra = headers['retry-after'];
    if (ra && /^\d+(\.\d+)?$/.test(ra.trim())) step += ` ra=${ra.trim()}`;
    const raMs = headers['retry-after-ms'];
    if (raMs && /^\d+(\.\d+)?$/.test(raMs.trim())) step += ` ra-ms=${raMs.trim()}`;
  } else if (entry.category === 'timeout') step = 'timeout';
  else if (entry.category === 'connection') step = 'conn';
  else return undefined;
  return `${step}, ${step}, 200`;
}
