/**
 * What in a paste names a provider outright: its API or docs host, its name as
 * gateways print it (LiteLLM's `AnthropicException`, "Perplexity API error"),
 * and the SDK that is its own. A person reads these first; they outrank the
 * wording and body shape that many providers share. Hosts and names are the
 * providers' public ones (see each catalog's docsUrl and sources).
 */
export interface ProviderHints {
  /** Host names (or host suffixes) of the API, console and docs. */
  hosts: readonly string[];
  /** Words that name the provider; matched case-insensitively as whole words. */
  names: readonly string[];
  /** SDK keys (as `sdkKey` normalises them) that are this provider's own. */
  homeSdks: readonly string[];
  /** Model-name prefixes only this provider (and resellers) serve. */
  models?: readonly string[];
}

export const PROVIDER_HINTS: Readonly<Record<string, ProviderHints>> = {
  openai: {
    hosts: ['api.openai.com', 'platform.openai.com', 'help.openai.com'],
    names: ['OpenAI'],
    homeSdks: ['openai'],
  },
  anthropic: {
    hosts: [
      'api.anthropic.com',
      'docs.anthropic.com',
      'console.anthropic.com',
      'status.claude.com',
      'anthropic.com',
      'docs.claude.com',
    ],
    names: ['Anthropic', 'AnthropicException', 'AnthropicError', 'Claude Code'],
    homeSdks: ['anthropic', 'anthropicaisdk'],
  },
  'azure-openai': {
    hosts: ['openai.azure.com', 'cognitiveservices.azure.com', 'learn.microsoft.com'],
    names: ['Azure', 'AzureException', 'AzureOpenAI', 'Azure OpenAI'],
    homeSdks: [],
  },
  bedrock: {
    hosts: ['bedrock-runtime', 'amazonaws.com', 'repost.aws'],
    names: ['Bedrock', 'BedrockException'],
    homeSdks: ['botocore', 'boto3', 'awssdkclientbedrockruntime'],
  },
  cerebras: {
    hosts: ['api.cerebras.ai', 'inference-docs.cerebras.ai', 'cloud.cerebras.ai'],
    names: ['Cerebras', 'CerebrasException'],
    homeSdks: ['cerebrascloudsdk', 'cerebras', 'cerebrascerebrascloudsdk'],
  },
  cohere: {
    hosts: ['api.cohere.com', 'api.cohere.ai', 'docs.cohere.com', 'dashboard.cohere.com'],
    names: ['Cohere', 'CohereException'],
    homeSdks: ['cohere'],
  },
  deepseek: {
    hosts: ['api.deepseek.com', 'platform.deepseek.com', 'api-docs.deepseek.com'],
    names: ['DeepSeek', 'DeepseekException'],
    homeSdks: [],
  },
  fireworks: {
    hosts: ['api.fireworks.ai', 'fireworks.ai'],
    names: ['Fireworks', 'Fireworks_aiException', 'FireworksException'],
    homeSdks: ['fireworks'],
  },
  gemini: {
    hosts: ['generativelanguage.googleapis.com', 'ai.google.dev', 'aistudio.google.com', 'ai.dev'],
    names: ['Gemini API', 'GoogleGenerativeAI', 'AI Studio'],
    homeSdks: ['googlegenai', 'googlegenerativeai'],
  },
  groq: {
    hosts: ['api.groq.com', 'console.groq.com'],
    names: ['Groq', 'GroqException'],
    homeSdks: ['groq', 'groqsdk'],
  },
  huggingface: {
    hosts: ['huggingface.co', 'router.huggingface.co', 'hf.co'],
    names: ['Hugging Face', 'HuggingFace', 'Inference Providers', 'HuggingfaceException'],
    homeSdks: ['huggingfacehub'],
  },
  humanloop: {
    hosts: ['api.humanloop.com', 'humanloop.com'],
    names: ['Humanloop'],
    homeSdks: ['humanloop'],
  },
  mistral: {
    hosts: ['api.mistral.ai', 'console.mistral.ai', 'docs.mistral.ai', 'help.mistral.ai'],
    names: ['Mistral', 'MistralException', 'MistralAPIStatusException'],
    homeSdks: ['mistralai', 'mistralaimistralai'],
    models: ['mistral-', 'devstral', 'codestral', 'magistral'],
  },
  openrouter: {
    hosts: ['openrouter.ai'],
    names: ['OpenRouter', 'OpenrouterException'],
    homeSdks: ['openrouter'],
  },
  perplexity: {
    hosts: ['api.perplexity.ai', 'docs.perplexity.ai'],
    names: ['Perplexity', 'PerplexityException'],
    homeSdks: ['perplexityai', 'perplexityaiperplexityai'],
    models: ['sonar', 'pplx-'],
  },
  replicate: {
    hosts: ['api.replicate.com', 'replicate.com', 'replicate.delivery'],
    names: ['Replicate', 'ReplicateException'],
    homeSdks: ['replicate'],
  },
  together: {
    hosts: ['api.together.xyz', 'api.together.ai', 'docs.together.ai', 'together.ai'],
    names: ['Together AI', 'TogetherAI', 'Together_aiException', 'TogetherException'],
    homeSdks: ['together'],
  },
  'vertex-ai': {
    hosts: ['aiplatform.googleapis.com', 'cloud.google.com/vertex-ai', 'console.cloud.google.com'],
    names: ['Vertex AI', 'VertexAI', 'Vertex'],
    homeSdks: ['googleapicore', 'googlecloudaiplatform', 'vertexai'],
  },
  wandb: {
    hosts: ['api.inference.wandb.ai', 'wandb.ai'],
    names: ['W&B Inference', 'Weights & Biases', 'wandb'],
    homeSdks: [],
  },
  xai: {
    hosts: ['api.x.ai', 'console.x.ai', 'docs.x.ai'],
    names: ['xAI', 'XAIException', 'Grok'],
    homeSdks: ['xaisdk', 'xai'],
    models: ['grok-'],
  },
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Mention {
  providerId: string;
  /** What was found, as written in the paste. */
  found: string;
  kind: 'host' | 'name' | 'model';
}

const compiled = Object.entries(PROVIDER_HINTS).map(([providerId, h]) => ({
  providerId,
  host: new RegExp(
    `(?:^|[^a-z0-9.-])((?:[a-z0-9-]+\\.)*(?:${h.hosts.map(escape).join('|')}))(?![a-z0-9-])`,
    'i',
  ),
  name: new RegExp(`(?:^|[^A-Za-z0-9_])(${h.names.map(escape).join('|')})(?![A-Za-z0-9_&])`, 'i'),
  model: h.models
    ? new RegExp(`(?:^|[^A-Za-z0-9_/-])(${h.models.map(escape).join('|')})[a-z0-9.-]*`, 'i')
    : undefined,
}));

/** Every provider the paste names by host, name or model, strongest kind first per provider. */
export function findMentions(text: string): Mention[] {
  const sample = text.slice(0, 20_000);
  const out: Mention[] = [];
  for (const c of compiled) {
    let m = c.host.exec(sample);
    if (m?.[1]) {
      out.push({ providerId: c.providerId, found: m[1], kind: 'host' });
      continue;
    }
    m = c.name.exec(sample);
    if (m?.[1]) {
      out.push({ providerId: c.providerId, found: m[1], kind: 'name' });
      continue;
    }
    m = c.model?.exec(sample) ?? null;
    if (m?.[0])
      out.push({ providerId: c.providerId, found: m[0].replace(/^[^A-Za-z]/, ''), kind: 'model' });
  }
  return out;
}

/** The providers whose own SDK this is (e.g. `groq` → Groq), if any. */
export function homeProviders(sdk: string): string[] {
  return Object.entries(PROVIDER_HINTS)
    .filter(([, h]) => h.homeSdks.includes(sdk))
    .map(([id]) => id);
}
