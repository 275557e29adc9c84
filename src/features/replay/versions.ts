/**
 * The installed SDK versions, for the client picker. Each package's own `version` module is a
 * single string, so the page shows them without loading the SDKs (the worker loads those).
 */
import { VERSION as anthropicVersion } from '@anthropic-ai/sdk/version';
import { VERSION as openaiVersion } from 'openai/version';

export const sdkVersions = { openai: openaiVersion, anthropic: anthropicVersion } as const;
