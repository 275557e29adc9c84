/** The presets grouped for the picker, and a policy's name (the parameters are in the core). */

import { CUSTOM_ID } from '../core/retry/policy-params';
import { PRESETS, getPreset, type RetryPreset } from '../core/retry/presets';

export type PresetGroupId = 'llm' | 'library' | 'cloud' | 'gateway' | 'recipe';

export const presetGroups: readonly { readonly id: PresetGroupId; readonly label: string }[] = [
  { id: 'llm', label: 'LLM SDKs' },
  { id: 'library', label: 'Retry libraries' },
  { id: 'cloud', label: 'Cloud and gRPC' },
  { id: 'gateway', label: 'Gateways' },
  { id: 'recipe', label: 'Seed recipes' },
];

export function presetGroup(preset: RetryPreset): PresetGroupId {
  switch (preset.kind) {
    case 'gateway':
      return 'gateway';
    case 'recipe':
      return 'recipe';
    case 'protocol':
    case 'article':
      return 'cloud';
    case 'sdk':
      return /^(aws|botocore)/.test(preset.id) ? 'cloud' : 'llm';
    case 'library':
      return preset.id === 'google-api-core' ? 'cloud' : 'library';
  }
}

export function groupedPresets(): { id: PresetGroupId; label: string; presets: RetryPreset[] }[] {
  return presetGroups.map((g) => ({
    ...g,
    presets: PRESETS.filter((p) => presetGroup(p) === g.id),
  }));
}

export function policyLabel(presetId: string): string {
  return presetId === CUSTOM_ID ? 'Custom policy' : (getPreset(presetId)?.label ?? presetId);
}
