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
  /**
   * Response-header names (or name prefixes ending in `-`) only this provider
   * documents, e.g. OpenAI's `openai-processing-ms` (API reference, "Debugging
   * requests") or Anthropic's `anthropic-ratelimit-*` (docs, "Rate limits").
   */
  headers?: readonly string[];
  /**
   * True when the provider's name is also the name of a wire protocol that other
   * providers speak: clients print "OpenAI" (`OpenAIException`, "OpenAI API error")
   * for any OpenAI-compatible endpoint, so the name alone is weak evidence.
   */
  protocolName?: boolean;
  /** SDK keys used with this provider although they are not its own (shared libraries). */
  alsoSdks?: readonly string[];
}

export const PROVIDER_HINTS: Readonly<Record<string, ProviderHints>> = {
  openai: {
    hosts: ['api.openai.com', 'platform.openai.com', 'help.openai.com'],
    names: ['OpenAI'],
    homeSdks: ['openai'],
    headers: ['openai-organization', 'openai-processing-ms', 'openai-version', 'openai-project'],
    protocolName: true,
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
    headers: ['anthropic-ratelimit-', 'anthropic-organization-id'],
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
    // AWS's own response headers; Bedrock is the only AWS service in the catalogs.
    headers: ['x-amzn-errortype', 'x-amzn-bedrock-'],
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
    // LangChain's Gemini API package is langchain_google_genai (Vertex AI's is langchain_google_vertexai).
    homeSdks: ['googlegenai', 'googlegenerativeai', 'langchaingooglegenai'],
    // google-generativeai, the Gemini API's earlier Python SDK, raises google.api_core exceptions.
    alsoSdks: ['googleapicore'],
  },
  groq: {
    hosts: ['api.groq.com', 'console.groq.com', 'groq.com'],
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
    // google-api-core is shared by Google's Python clients (the Gemini API's too), so it is not Vertex AI's own.
    homeSdks: ['googlecloudaiplatform', 'vertexai', 'langchaingooglevertexai'],
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
  kind: 'host' | 'name' | 'model' | 'header';
  /** The name found is also a protocol's name (see `ProviderHints.protocolName`). */
  protocol?: boolean;
}

const compiled = Object.entries(PROVIDER_HINTS).map(([providerId, h]) => ({
  providerId,
  // A leading dot is allowed for cookie domains (`domain=.groq.com`).
  host: new RegExp(
    `(?:^|[^a-z0-9.-])\\.?((?:[a-z0-9-]+\\.)*(?:${h.hosts.map(escape).join('|')}))(?![a-z0-9-])`,
    'i',
  ),
  // Not inside a dotted identifier or path: `openai.RateLimitError` names the SDK, not the company.
  name: new RegExp(
    `(?:^|[^A-Za-z0-9_./])(${h.names.map(escape).join('|')})(?![A-Za-z0-9_&]|\\.[A-Za-z_])`,
    'i',
  ),
  protocol: h.protocolName === true,
  headers: h.headers ?? [],
  model: h.models
    ? new RegExp(`(?:^|[^A-Za-z0-9_/-])(${h.models.map(escape).join('|')})[a-z0-9.-]*`, 'i')
    : undefined,
}));

/** The first header name that is one of the provider's own, if any. */
function ownHeader(names: readonly string[], own: readonly string[]): string | undefined {
  return names.find((n) => own.some((o) => (o.endsWith('-') ? n.startsWith(o) : n === o)));
}

/**
 * Every provider the paste names by host, name, its own response headers or a
 * model, strongest kind first per provider. `headerNames` are the paste's
 * header names, lower-cased.
 */
export function findMentions(text: string, headerNames: readonly string[] = []): Mention[] {
  const sample = text.slice(0, 20_000);
  const out: Mention[] = [];
  for (const c of compiled) {
    let m = c.host.exec(sample);
    if (m?.[1]) {
      out.push({ providerId: c.providerId, found: m[1], kind: 'host' });
      continue;
    }
    const header = ownHeader(headerNames, c.headers);
    if (header) {
      out.push({ providerId: c.providerId, found: header, kind: 'header' });
      continue;
    }
    m = c.name.exec(sample);
    if (m?.[1]) {
      out.push({
        providerId: c.providerId,
        found: m[1],
        kind: 'name',
        ...(c.protocol ? { protocol: true } : {}),
      });
      continue;
    }
    m = c.model?.exec(sample) ?? null;
    if (m?.[0])
      out.push({ providerId: c.providerId, found: m[0].replace(/^[^A-Za-z]/, ''), kind: 'model' });
  }
  return out;
}

/** Every SDK key the hints know (own and shared), so a module path can resolve to it. */
export const HINTED_SDKS: ReadonlySet<string> = new Set(
  Object.values(PROVIDER_HINTS).flatMap((h) => [...h.homeSdks, ...(h.alsoSdks ?? [])]),
);

/** SDK keys used with this provider although the catalog does not list them. */
export function sharedSdks(providerId: string): readonly string[] {
  return PROVIDER_HINTS[providerId]?.alsoSdks ?? [];
}

/** The providers whose own SDK this is (e.g. `groq` → Groq), if any. */
export function homeProviders(sdk: string): string[] {
  return Object.entries(PROVIDER_HINTS)
    .filter(([, h]) => h.homeSdks.includes(sdk))
    .map(([id]) => id);
}
