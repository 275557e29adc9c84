/** Tests of the picker's preset groups. */

import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/retry/presets';
import { groupedPresets } from './preset-groups';

describe('preset groups', () => {
  it('puts every preset in exactly one group, in the picker order', () => {
    const groups = groupedPresets();
    expect(groups.map((g) => g.label)).toEqual([
      'LLM SDKs',
      'Retry libraries',
      'Cloud and gRPC',
      'Gateways',
      'Seed recipes',
    ]);
    const ids = groups.flatMap((g) => g.presets.map((p) => p.id));
    expect(ids.sort()).toEqual(PRESETS.map((p) => p.id).sort());
    const group = (id: string) => groups.find((g) => g.presets.some((p) => p.id === id))?.id;
    expect(group('openai-node')).toBe('llm');
    expect(group('tenacity-seed')).toBe('recipe');
    expect(group('botocore-standard')).toBe('cloud');
    expect(group('grpc-a6-example')).toBe('cloud');
    expect(group('google-api-core')).toBe('cloud');
    expect(group('p-retry')).toBe('library');
    expect(group('litellm-router')).toBe('gateway');
  });
});
