/**
 * Real pastes: errors as people posted them in public GitHub issues, each with
 * the thread's URL and the catalog entry a careful reader would pick. Secrets,
 * account and organisation ids are masked; everything else is as posted (cut to
 * the error lines, stack frames shortened where they only repeat). `expected`
 * is `providerId/entryId`, or null when no entry fits and "no match" or
 * "unsure" is the right answer. `alsoRight` lists other entries a careful
 * reader would accept as equally right (same provider, same meaning).
 */
export type PasteForm =
  | 'python-sdk'
  | 'ts-sdk'
  | 'gateway'
  | 'bare-status'
  | 'json-body'
  | 'plain-text'
  | 'headers'
  | 'stream'
  | 'html'
  | 'grpc'
  | 'cli';

export interface CorpusItem {
  id: string;
  url: string;
  paste: string;
  expected: string | null;
  alsoRight?: string[];
  forms: PasteForm[];
  /** Why this answer, when it is not obvious. */
  note?: string;
}

export const CORPUS: readonly CorpusItem[] = [
  // ---------------------------------------------------------------- OpenAI
  {
    id: 'openai-py-429-tokens',
    url: 'https://github.com/rotemweiss57/gpt-newspaper/issues/10',
    paste: `    raise self._make_status_error_from_response(err.response) from None
openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4 in organization org-********** on tokens per min (TPM): Limit 10000, Used 9348, Requested 5086. Please try again in 26.604s. Visit https://platform.openai.com/account/rate-limits to learn more.', 'type': 'tokens', 'param': None, 'code': 'rate_limit_exceeded'}}`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['python-sdk'],
  },
  {
    id: 'openai-bare-429-tpm',
    url: 'https://github.com/continuedev/continue/issues/10502',
    paste: `429 Rate limit reached for gpt-4.1 in organization org-XXXXXXXXXXXXXXXXXXXXXXXX on tokens per min (TPM): Limit 30000, Used 28039, Requested 3906. Please try again in 3.89s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['bare-status', 'plain-text'],
  },
  {
    id: 'openai-legacy-py-tpm',
    url: 'https://github.com/FoundationAgents/MetaGPT/issues/523',
    paste: `openai.error.RateLimitError: Rate limit reached for gpt-4 in organization org-XXXXXXXXXXXXXXXXXXXXXXXX on tokens per min (TPM): Limit 10000, Used 8554, Requested 3082. Please try again in 9.816s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['python-sdk', 'plain-text'],
  },
  {
    id: 'openai-json-429-tokens',
    url: 'https://github.com/Pythagora-io/gpt-pilot/issues/17',
    paste: `There was a problem with request to openai API:
API responded with status code: 429. Response text: {
    "error": {
        "message": "Rate limit reached for 10KTPM-200RPM in organization org-WyXXXXXXXXX on tokens per min. Limit: 10000 / min. Please try again in 6ms. Contact us through our help center at help.openai.com if you continue to have issues.",
        "type": "tokens",
        "param": null,
        "code": "rate_limit_exceeded"
    }
}`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['json-body'],
  },
  {
    id: 'openai-node-429-tokens',
    url: 'https://github.com/openai/codex/issues/88',
    paste: `e [Error]: Rate limit reached for gpt-4o in organization org-XXXXXXXXXXXXXXXXXXXXXXXX on tokens per min (TPM): Limit 10000, Used 6630, Requested 3787. Please try again in 2.502s. Visit https://platform.openai.com/account/rate-limits to learn more. You can increase your rate limit by adding a payment method to your account at https://platform.openai.com/account/billing.
    at e.a [as iterator] (file:///usr/local/lib/node_modules/@openai/codex/dist/cli.js:582:1514)
    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)
    at async ky.run (file:///usr/local/lib/node_modules/@openai/codex/dist/cli.js:599:2785) {
  status: undefined,
  headers: undefined,
  request_id: undefined,
  error: {
    type: 'tokens',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for gpt-4o in organization org-XXXXXXXXXXXXXXXXXXXXXXXX on tokens per min (TPM): Limit 10000, Used 6630, Requested 3787. Please try again in 2.502s. Visit https://platform.openai.com/account/rate-limits to learn more. You can increase your rate limit by adding a payment method to your account at https://platform.openai.com/a`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['ts-sdk', 'stream'],
    note: 'Node inspect output of an error raised inside a stream (status undefined), cut off mid-message.',
  },
  {
    id: 'openai-py-429-insufficient_quota',
    url: 'https://github.com/OpenBMB/ChatDev/issues/399',
    paste: `openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`,
    expected: 'openai/429-insufficient_quota',
    forms: ['python-sdk'],
  },
  {
    id: 'openai-json-insufficient_quota',
    url: 'https://github.com/ChatGPTNextWeb/NextChat/issues/3123',
    paste: `{
  "error": {
    "message": "You exceeded your current quota, please check your plan and billing details.",
    "type": "insufficient_quota",
    "param": null,
    "code": "insufficient_quota"
  }
}`,
    expected: 'openai/429-insufficient_quota',
    forms: ['json-body'],
  },
  {
    id: 'openai-legacy-insufficient_quota',
    url: 'https://github.com/PJLab-ADG/LimSim/issues/25',
    paste: `openai.error.RateLimitError: You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.`,
    expected: 'openai/429-insufficient_quota',
    forms: ['python-sdk', 'plain-text'],
  },
  {
    id: 'litellm-openai-insufficient_quota',
    url: 'https://github.com/OpenHands/OpenHands/issues/998',
    paste: `ERROR:
OpenAIException - Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}
Traceback (most recent call last):
  File "/home/user/.cache/pypoetry/virtualenvs/opendevin-py3.11/lib/python3.11/site-packages/litellm/llms/openai.py", line 414, in completion
    raise e
  File "/home/user/.cache/pypoetry/virtualenvs/opendevin-py3.11/lib/python3.11/site-packages/openai/_utils/_utils.py", line 275, in wrapper
    return func(*args, **kwargs)`,
    expected: 'openai/429-insufficient_quota',
    forms: ['gateway', 'python-sdk'],
  },
  {
    id: 'openai-py-401-invalid_api_key',
    url: 'https://github.com/popjane/free_chatgpt_api/issues/3',
    paste: `openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: sk-PMafP***************************************E873. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}`,
    expected: 'openai/401-invalid_api_key',
    forms: ['python-sdk'],
  },
  {
    id: 'openai-bare-401',
    url: 'https://github.com/continuedev/continue/issues/9634',
    paste: `401 Incorrect API key provided: sk-proj-****************************************MxYA. You can find your API key at https://platform.openai.com/account/api-keys.`,
    expected: 'openai/401-invalid_api_key',
    forms: ['bare-status', 'plain-text'],
  },
  {
    id: 'openai-legacy-401',
    url: 'https://github.com/Significant-Gravitas/AutoGPT/issues/4014',
    paste: `openai.error.AuthenticationError: Incorrect API key provided: your-ope*******-key. You can find your API key at https://platform.openai.com/account/api-keys`,
    expected: 'openai/401-invalid_api_key',
    forms: ['python-sdk', 'plain-text'],
  },
  {
    id: 'openai-py-502-cloudflare-html',
    url: 'https://github.com/n3d1117/chatgpt-telegram-bot/issues/637',
    paste: `openai.InternalServerError: <html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>cloudflare</center>`,
    expected: null,
    forms: ['python-sdk', 'html'],
    note: 'A proxy page inside the OpenAI SDK line. OpenAI has no 502 entry; no other provider may be named with confidence.',
  },
  {
    id: 'openai-legacy-502-cf_bad_gateway',
    url: 'https://github.com/stanfordnlp/dspy/pull/203',
    paste: `openai.error.APIError: Bad gateway. {"error":{"code":502,"message":"Bad gateway.","param":null,"type":"cf_bad_gateway"}} 502 {'error': {'code': 502, 'message': 'Bad gateway.', 'param': None, 'type': 'cf_bad_gateway'}} {'Date': 'Wed, 01 Nov 2023 09:23:59 GMT', 'Content-Type': 'application/json', 'Content-Length': '84', 'Connection': 'keep-alive', 'X-Frame-Options': 'SAMEORIGIN', 'Referrer-Policy': 'same-origin', 'Cache-Control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0', 'Expires': 'Thu, 01 Jan 1970 00:00:01 GMT', 'Server': 'cloudflare', 'CF-RAY': '81f306648c6ab0ed-ATL', 'alt-svc': 'h3=":443"; ma=86400'}`,
    expected: null,
    forms: ['python-sdk', 'headers'],
    note: "Cloudflare's JSON 502 in front of OpenAI; OpenAI has no 502 entry.",
  },
  // ---------------------------------------------------------------- Anthropic
  {
    id: 'anthropic-cli-529-json',
    url: 'https://github.com/anthropics/claude-code/issues/5184',
    paste: `API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 1/10)
  ⎿  API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 2/10)`,
    expected: 'anthropic/529-overloaded_error',
    forms: ['cli', 'json-body'],
  },
  {
    id: 'anthropic-cli-529-plain',
    url: 'https://github.com/anthropics/claude-code/issues/61365',
    paste: `API Error: 529 Overloaded. This is a server-side issue, usually temporary — try again in a moment. If it persists, check status.claude.com.`,
    expected: 'anthropic/529-overloaded_error',
    forms: ['cli', 'plain-text'],
  },
  {
    id: 'anthropic-cli-529-bare',
    url: 'https://github.com/anthropics/claude-code/issues/68948',
    paste: ` API Error: 529 Overloaded`,
    expected: 'anthropic/529-overloaded_error',
    alsoRight: ['bedrock/529-overloaded_error'],
    forms: ['bare-status', 'plain-text'],
    note: '529 with "Overloaded" is Anthropic\'s wording (Bedrock relays the same error).',
  },
  {
    id: 'anthropic-ts-529-inspect',
    url: 'https://github.com/anthropics/anthropic-sdk-typescript/issues/616',
    paste: `status: 529,
  headers: {
    'cache-control': 'no-store, no-cache',
    'cf-cache-status': 'DYNAMIC',
    'cf-ray': '8e695a03eed4f9fd-SJC',
    connection: 'keep-alive',
    'content-length': '75',
    'content-type': 'application/json',
    date: 'Fri, 22 Nov 2024 13:44:10 GMT',
    'request-id': 'req_01RCc7MbLyQNtGKzBTv8VCep',
    server: 'cloudflare',
    via: '1.1 google',
    'x-robots-tag': 'none',
    'x-should-retry': 'true'
  },
  request_id: 'req_01RCc7MbLyQNtGKzBTv8VCep',
  error: {
    type: 'error',
    error: { type: 'overloaded_error', message: 'Overloaded' }
  }

  InternalServerError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
    at APIError.generate (webpack-internal:///(rsc)/./node_modules/@anthropic-ai/sdk/error.mjs:75:20)
    at Anthropic.makeStatusError (webpack-internal:///(rsc)/./node_modules/@anthropic-ai/sdk/core.mjs:304:65)`,
    expected: 'anthropic/529-overloaded_error',
    forms: ['ts-sdk', 'headers'],
  },
  {
    id: 'anthropic-py-stream-overloaded',
    url: 'https://github.com/anthropics/anthropic-sdk-python/issues/688',
    paste: `anthropic.APIStatusError: {'type': 'error', 'error': {'details': None, 'type': 'overloaded_error', 'message': 'Overloaded'}}`,
    expected: 'anthropic/stream-error-overloaded_error',
    forms: ['python-sdk', 'stream'],
    note: 'APIStatusError without a status is what the Python SDK raises for an error event inside a stream.',
  },
  {
    id: 'litellm-anthropic-overloaded',
    url: 'https://github.com/SWE-agent/mini-swe-agent/issues/184',
    paste: `  File "/opt/miniconda3/envs/swea13/lib/python3.13/site-packages/litellm/litellm_core_utils/exception_mapping_utils.py", line 485, in
exception_type
    raise InternalServerError(
    ...<3 lines>...
    )
litellm.exceptions.InternalServerError: litellm.InternalServerError: AnthropicError -
{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`,
    expected: 'anthropic/529-overloaded_error',
    alsoRight: ['anthropic/stream-error-overloaded_error'],
    forms: ['gateway', 'python-sdk'],
  },
  {
    id: 'litellm-anthropic-429',
    url: 'https://github.com/OpenHands/OpenHands/issues/4957',
    paste: `01:57:01 - openhands:ERROR: retry_mixin.py:47 - litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"Number of tokens has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase."}}. Attempt #3 | You can customize retry values in the configuration.`,
    expected: 'anthropic/429-rate_limit_error',
    forms: ['gateway'],
  },
  {
    id: 'anthropic-cli-429-rate-limited',
    url: 'https://github.com/anthropics/claude-code/issues/81402',
    paste: `Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"},"request_id":"req_011CdBp6diwVhNmSZmaw4Xjm"}
    at generate (B:/~BUN/root/src/entrypoints/cli.js:11:53135)
    at makeRequest (B:/~BUN/root/src/entrypoints/cli.js:50:4943)`,
    expected: 'anthropic/429-rate_limit_error',
    forms: ['ts-sdk'],
  },
  {
    id: 'anthropic-cli-500-api_error',
    url: 'https://github.com/anthropics/claude-code/issues/4248',
    paste: `Error: 500 {"type":"error","error":{"type":"api_error","message":"Overloaded"}}
    at u4.generate (file:///home/user/.npm-global/lib/node_modules/@anthropic-ai/claude-code/cli.js:1317:6672)
    at mT.makeStatusError (file:///home/user/.npm-global/lib/node_modules/@anthropic-ai/claude-code/cli.js:1334:2101)`,
    expected: 'anthropic/500-api_error',
    forms: ['ts-sdk'],
    note: 'Status 500 with type api_error; the message says Overloaded but the status and type decide.',
  },
  {
    id: 'anthropic-openai-compat-429',
    url: 'https://github.com/FoundationAgents/OpenManus/issues/746',
    paste: `OpenAI API error: Error code: 429 - {'error': {'code': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 20,000 input tokens per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.', 'type': 'invalid_request_error', 'param': None}}`,
    expected: 'anthropic/429-rate_limit_error',
    forms: ['gateway'],
    note: "Anthropic's OpenAI-compatible endpoint: the docs link names Anthropic.",
  },
  {
    id: 'anthropic-text-429-ai-sdk',
    url: 'https://github.com/stackblitz/bolt.new/issues/8589',
    paste: `Failed after 3 attempts. Last error: This request would exceed the rate limit for your organization (a22cf6e6-a940-4fff-8c4c-1580816ac7be) of 1,000,000 input tokens per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.`,
    expected: 'anthropic/429-rate_limit_error',
    forms: ['plain-text'],
  },
  {
    id: 'anthropic-text-429-monthly-spend',
    url: 'https://github.com/earendil-works/pi/issues/9849',
    paste: `429 rate_limit_error: This request would exceed your account's monthly spend limit. Please try again later.`,
    expected: 'anthropic/429-enforced_spend_limit_reached',
    forms: ['bare-status', 'plain-text'],
    note: 'Worded like the rate-limit 429 ("would exceed your account\'s rate limit") and typed rate_limit_error, but the limit is the monthly spend cap: waiting minutes does not help. The reporter saw it on every retry.',
  },
  // ---------------------------------------------------------------- Gemini / Vertex AI
  {
    id: 'gemini-json-429',
    url: 'https://github.com/googleapis/python-genai/issues/1446',
    paste: `{'error': {'code': 429, 'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', 'status': 'RESOURCE_EXHAUSTED'}}`,
    expected: 'gemini/429-resource_exhausted',
    forms: ['json-body'],
  },
  {
    id: 'gemini-py-503',
    url: 'https://github.com/google-gemini/gemini-cli/issues/12831',
    paste: `google.genai.errors.ServerError: 503 UNAVAILABLE. 
{
    'error': {
        'code': 503, 
        'message': 'The model is overloaded. Please try again later.', 
        'status': 'UNAVAILABLE'
    }
}`,
    expected: 'gemini/503-unavailable',
    forms: ['python-sdk'],
  },
  {
    id: 'gemini-cli-503',
    url: 'https://github.com/google-gemini/gemini-cli/issues/7392',
    paste: ` [API Error: got status: UNAVAILABLE.            
  {"error":{"code":503,"message":"The model is    
  overloaded. Please try again                    
  later.","status":"UNAVAILABLE"}}]  `,
    expected: 'gemini/503-unavailable',
    alsoRight: ['vertex-ai/503-unavailable'],
    forms: ['cli', 'json-body'],
  },
  {
    id: 'gemini-py-503-client',
    url: 'https://github.com/google-gemini/cookbook/issues/425',
    paste: `Error with Client #685962: 503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded. Please try again later.', 'status': 'UNAVAILABLE'}} gemini 2.0`,
    expected: 'gemini/503-unavailable',
    alsoRight: ['vertex-ai/503-unavailable'],
    forms: ['python-sdk'],
  },
  {
    id: 'gemini-cli-429-nested',
    url: 'https://github.com/gke-labs/gemini-for-kubernetes-development/issues/1215',
    paste: `Attempt 2 failed with status 429. Retrying with backoff... _ApiError: {"error":{"message":"{\\n  \\"error\\": {\\n    \\"code\\": 429,\\n    \\"message\\": \\"You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \\",\\n    \\"status\\": \\"RESOURCE_EXHAUSTED\\",\\n    \\"details\\": [\\n      {\\n        \\"@type\\": \\"type.googleapis.com/google.rpc.Help\\",\\n        \\"links\\": [\\n          {\\n            \\"description\\": \\"Learn more about Gemini API quotas\\",\\n            \\"url\\": \\"https://ai.google.dev/gemini-api/docs/rate-limits\\"\\n          }\\n        ]\\n      }\\n    ]\\n  }\\n}\\n","code":429,"status":"Too Many Requests"}}
    at throwErrorIfNotOK (file:///usr/local/lib/node_modules/@google/gemini-cli/bundle/chunk-7LQRUKPT.js:267184:24)`,
    expected: 'gemini/429-resource_exhausted',
    forms: ['ts-sdk', 'cli'],
  },
  {
    id: 'vertex-cli-429',
    url: 'https://github.com/google-gemini/gemini-cli/issues/14831',
    paste: `✕ [API Error: [{
    "error": {
      "code": 429,
      "message": "Resource exhausted. Please try again later. Please refer to
  https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
      "errors": [
        {
          "message": "Resource exhausted. Please try again later. Please refer to
  https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.",
          "domain": "global",
          "reason": "rateLimitExceeded"
        }
      ],
      "status": "RESOURCE_EXHAUSTED"
    }
  }
  ]]`,
    expected: 'vertex-ai/429-resource_exhausted',
    forms: ['cli', 'json-body'],
  },
  {
    id: 'vertex-api-core-429',
    url: 'https://github.com/GoogleCloudPlatform/Open_Data_QnA/issues/61',
    paste: `google.api_core.exceptions.ResourceExhausted: 429 Quota exceeded for aiplatform.googleapis.com/generate_content_requests_per_minute_per_project_per_base_model with base model: gemini-pro. Please submit a quota increase request. https://cloud.google.com/vertex-ai/docs/generative-ai/quotas-genai.`,
    expected: 'vertex-ai/429-resource_exhausted',
    forms: ['python-sdk', 'plain-text'],
  },
  {
    id: 'gemini-grpc-429',
    url: 'https://github.com/google/generative-ai-docs/issues/438',
    paste: `429 Resource has been exhausted (e.g. check quota).
grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:
	status = StatusCode.RESOURCE_EXHAUSTED
	details = "Resource has been exhausted (e.g. check quota)."
	debug_error_string = "UNKNOWN:Error received from peer ipv4: ########:443 {created_time:"2024-05-26T04:18:56.862289+00:00", grpc_status:8, grpc_message:"Resource has been exhausted (e.g. check quota)."}"`,
    expected: 'gemini/429-resource_exhausted',
    alsoRight: ['vertex-ai/429-resource_exhausted'],
    forms: ['grpc'],
    note: 'google.generativeai over gRPC; Gemini API and Vertex AI share this wording.',
  },
  {
    id: 'litellm-vertexexception-gemini-api',
    url: 'https://github.com/crewAIInc/crewAI/issues/3434',
    paste: `ERROR:root:LiteLLM call failed: litellm.RateLimitError: litellm.RateLimitError: VertexAIException - {
  "error": {
    "code": 429,
    "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
    "status": "RESOURCE_EXHAUSTED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
        "violations": [
          {
            "quotaMetric": "generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count",
            "quotaId": "GenerateContentPaidTierInputTokensPerModelPerMinute",
            "quotaDimensions": {
              "location": "global",
              "model": "gemini-2.5-pro"
            },
            "quotaValue": "2000000"
          }
        ]
      }
    ]
  }
}`,
    expected: 'gemini/429-resource_exhausted',
    forms: ['gateway', 'json-body'],
    note: 'LiteLLM calls it VertexAIException, but the host generativelanguage.googleapis.com and the ai.google.dev link are the Gemini API.',
  },
  {
    id: 'gemini-quota-metric-text',
    url: 'https://github.com/home-assistant/core/issues/132832',
    paste: `Failed to perform the action script/camera_front_door_snapshot_ai_notification. Error generating content: 429 Quota exceeded for quota metric 'Generate Content API requests per minute' and limit 'GenerateContent request limit per minute for a region' of service 'generativelanguage.googleapis.com' for consumer 'project_number:***********'. [reason: "RATE_LIMIT_EXCEEDED" domain: "googleapis.com" metadata { key: "service" value: "generativelanguage.googleapis.com" } metadata { key: "quota_metric" value: "generativelanguage.googleapis.com/generate_content_requests" }`,
    expected: 'gemini/429-resource_exhausted',
    forms: ['plain-text'],
  },
  {
    id: 'vertex-gateway-400-failed-precondition',
    url: 'https://github.com/yym68686/uni-api/issues/41',
    paste:
      "2024-11-11 20:47:14,424 - uni-api - ERROR - Error 400 with provider vertex API key: None: [{'error': {'code': 400, 'message': 'Project `*********` is not allowed to use Publisher Model `projects/*****-*****-********-m8/locations/asia-southeast1/publishers/anthropic/models/claude-3-sonnet@20240229`', 'status': 'FAILED_PRECONDITION'}}]",
    expected: 'vertex-ai/400-failed_precondition',
    forms: ['gateway', 'json-body'],
    note: 'Claude on Vertex AI before the model was enabled in Model Garden.',
  },
  // ---------------------------------------------------------------- Bedrock
  {
    id: 'bedrock-py-throttling',
    url: 'https://github.com/i-dot-ai/caddy-chatbot/issues/97',
    paste: `botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again.`,
    expected: 'bedrock/429-throttlingexception',
    forms: ['python-sdk'],
  },
  {
    id: 'bedrock-py-throttling-tokens-day',
    url: 'https://github.com/minorun365/agent-book/issues/29',
    paste: `  File "/usr/local/python/3.12.1/lib/python3.12/site-packages/botocore/client.py", line 1078, in _make_api_call
    raise error_class(parsed_response, operation_name)
botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many tokens per day, please wait before trying again.`,
    expected: 'bedrock/429-throttlingexception',
    forms: ['python-sdk'],
  },
  {
    id: 'bedrock-py-stream-throttling',
    url: 'https://github.com/aws-samples/aws-genai-llm-chatbot/issues/220',
    paste: `<class 'botocore.exceptions.EventStreamError'>:An error occurred (throttlingException) when calling the InvokeModelWithResponseStream operation: Too many requests, please wait before trying again. You have sent too many requests. Wait before trying again.`,
    expected: 'bedrock/429-throttlingexception',
    forms: ['python-sdk', 'stream'],
  },
  {
    id: 'bedrock-js-throttling-metadata',
    url: 'https://github.com/posit-dev/positron/issues/7844',
    paste: `{
	"name": "ThrottlingException",
	"$fault": "client",
	"$metadata": {
		"httpStatusCode": 429,
		"requestId": "<REQUEST_ID>",
		"attempts": 3,
		"totalRetryDelay": 787
	}
}`,
    expected: 'bedrock/429-throttlingexception',
    forms: ['ts-sdk', 'json-body'],
  },
  {
    id: 'bedrock-py-accessdenied',
    url: 'https://github.com/dirkpetersen/our-chat/issues/3',
    paste: `  File "/usr/lib/python3/dist-packages/botocore/client.py", line 1009, in _make_api_call
    raise error_class(parsed_response, operation_name)
botocore.errorfactory.AccessDeniedException: An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.`,
    expected: 'bedrock/403-accessdeniedexception',
    forms: ['python-sdk'],
  },
  {
    id: 'bedrock-py-validation-on-demand',
    url: 'https://github.com/terricain/aioboto3/issues/352',
    paste: `    | botocore.errorfactory.ValidationException: An error occurred (ValidationException) when calling the InvokeModelWithResponseStream operation: Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    expected: 'bedrock/400-validationexception',
    forms: ['python-sdk'],
  },
  {
    id: 'bedrock-text-accessdenied-converse',
    url: 'https://github.com/andrewyng/aisuite/issues/174',
    paste: `An error occurred (AccessDeniedException) when calling the Converse operation: You don't have access to the model with the specified model ID.`,
    expected: 'bedrock/403-accessdeniedexception',
    forms: ['plain-text'],
  },
  // ---------------------------------------------------------------- Groq
  {
    id: 'groq-py-429',
    url: 'https://github.com/crewAIInc/crewAI/issues/494',
    paste: `groq.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for model \`llama3-70b-8192\` in organization \`org_123\` on tokens per minute (TPM): Limit 5000, Used 5747, Requested ~4251. Please try again in 59.977s. Visit https://console.groq.com/docs/rate-limits for more information.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}`,
    expected: 'groq/429-rate_limit_exceeded',
    forms: ['python-sdk'],
  },
  {
    id: 'groq-openai-client-429',
    url: 'https://github.com/danielmiessler/Fabric/issues/364',
    paste: `Error: Error code: 429 - {'error': {'message': 'Rate limit reached for model \`llama3-70b-8192\` in organization \`org_01hrsvc1b8ey0anvbgha0xckf2\` on tokens per minute (TPM): Limit 7000, Used 0, Requested ~12903. Please try again in 50.597142857s. Visit https://console.groq.com/docs/rate-limits for more information.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}`,
    expected: 'groq/429-rate_limit_exceeded',
    forms: ['python-sdk'],
    note: 'No SDK prefix: the docs link console.groq.com settles it.',
  },
  {
    id: 'litellm-groq-429',
    url: 'https://github.com/openinterpreter/openinterpreter/issues/408',
    paste: `litellm.exceptions.RateLimitError: litellm.RateLimitError: RateLimitError: OpenAIException - Error code: 429 - {'error': {'message': 'Rate
limit reached for model \`llama-3.3-70b-versatile\` in organization \`org_01hs26sgxde6dva0eke39336sv\` on tokens per minute (TPM): Limit 6000,
Used 3513, Requested 3166. Please try again in 6.780999999s. Visit https://console.groq.com/docs/rate-limits for more information.',
'type': 'tokens', 'code': 'rate_limit_exceeded'}}`,
    expected: 'groq/429-rate_limit_exceeded',
    forms: ['gateway'],
  },
  {
    id: 'groq-ai-sdk-413',
    url: 'https://github.com/elizaOS/eliza/issues/4040',
    paste: `(AI_APICallError) Request too large for model \`llama-3.1-8b-instant\` in organization \`xxxx\` service tier \`on_demand\` on tokens per minute (TPM): Limit 6000, Requested 6294, please reduce your message size and try again. Visit https://console.groq.com/docs/rate-limits for more information.`,
    expected: 'groq/413-rate_limit_exceeded',
    forms: ['ts-sdk', 'plain-text'],
  },
  {
    id: 'groq-ai-sdk-retry-429',
    url: 'https://github.com/elizaOS/eliza/issues/4040',
    paste: `RetryError [AI_RetryError]: Failed after 3 attempts. Last error: Rate limit reached for model \`llama-3.1-8b-instant\` in organization \`org_01j5b4pz9jff492fq686vypsx6\` service tier \`on_demand\` on tokens per \\
minute (TPM): Limit 6000, Used 5034, Requested 1443. Please try again in 4.77s. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing
    at _retryWithExponentialBackoff (file:///opt/agent/node_modules/ai/dist/index.mjs:283:13)`,
    expected: 'groq/429-rate_limit_exceeded',
    forms: ['ts-sdk', 'plain-text'],
  },
  // ---------------------------------------------------------------- DeepSeek
  {
    id: 'deepseek-bare-402',
    url: 'https://github.com/continuedev/continue/issues/9942',
    paste: `402 Insufficient Balance`,
    expected: 'deepseek/402-insufficient_balance',
    forms: ['bare-status'],
  },
  {
    id: 'deepseek-anthropic-endpoint-401',
    url: 'https://github.com/FullStackPlayer/claude-code-launcher/issues/3',
    paste: `  ⎿  401 {"error":{"message":"Authentication Fails, Your api key: ****_KEY is
     invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}
     Retrying in 5 seconds… (attempt 5/10) · API_TIMEOUT_MS=600000ms, try increasing it`,
    expected: 'deepseek/401-authentication_fails',
    forms: ['cli', 'json-body'],
    note: "Claude Code pointed at DeepSeek's Anthropic-compatible endpoint: Anthropic's CLI and type name, DeepSeek's wording and body.",
  },
  // ---------------------------------------------------------------- Mistral
  {
    id: 'mistral-ts-sdkerror-429',
    url: 'https://github.com/raycast/extensions/issues/31107',
    paste: `SDKError: API error occurred: Status 429
Body: {"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300","raw_status_code":429}
    at /Users/user/.config/raycast/extensions/09a195e9/ask.js:5:2425
    at process.processTicksAndRejections (node:internal/process/task_queues:103:5)`,
    expected: 'mistral/429-rate_limit_error',
    forms: ['ts-sdk'],
  },
  {
    id: 'mistral-cline-429',
    url: 'https://github.com/cline/cline/issues/9085',
    paste: `{"message":"API error occurred: Status 429 Content-Type application/json Body \\n{\\"object\\":\\"error\\",\\"message\\":\\"Rate limit exceeded\\",\\"type\\":\\"rate_limited\\",\\"param\\":null,\\"code\\":\\"1300\\"}","status":429,"modelId":"devstral-2512","providerId":"mistral"}`,
    expected: 'mistral/429-rate_limit_error',
    forms: ['gateway', 'json-body'],
  },
  {
    id: 'mistral-pydantic-429',
    url: 'https://github.com/pydantic/pydantic-ai/issues/1885',
    paste: `pydantic_ai.exceptions.ModelHTTPError: status_code: 429, model_name: mistral-medium-latest, body: {"message":"Requests rate limit exceeded"}`,
    expected: 'mistral/429-rate_limit_error',
    forms: ['gateway', 'python-sdk'],
  },
  // ---------------------------------------------------------------- Cohere
  {
    id: 'cohere-py-429',
    url: 'https://github.com/e-p-armstrong/verustoolkit/issues/1',
    paste: `cohere.errors.too_many_requests_error.TooManyRequestsError: status_code: 429`,
    expected: 'cohere/429-per-minute-request-limit',
    alsoRight: ['cohere/429-trial-key-call-limit', 'cohere/429-trial-token-rate-limit'],
    forms: ['python-sdk', 'bare-status'],
    note: 'The class and module name Cohere; which of its three 429s the paste cannot say.',
  },
  {
    id: 'cohere-py-401-invalid-token',
    url: 'https://github.com/wandb/edu/issues/155',
    paste: `cohere.errors.unauthorized_error.UnauthorizedError: status_code: 401, body: {'message': 'invalid api token'}`,
    expected: 'cohere/401-unauthorized',
    forms: ['python-sdk'],
  },
  {
    id: 'cohere-py-404-model',
    url: 'https://github.com/cohere-ai/cohere-python/issues/590',
    paste: `[09:00:41] [INFO] [dku.utils]  -   File "/opt/dataiku/code-env/lib/python3.9/site-packages/cohere/embed_jobs/client.py", line 174, in create
[09:00:41] [INFO] [dku.utils]  -     raise ApiError(status_code=_response.status_code, body=_response_json)
[09:00:41] [INFO] [dku.utils]  - cohere.core.api_error.ApiError: status_code: 404, body: {'message': "model 'packed-embed-multilingual-light-v3.0-bulkjob' not found, make sure the correct model ID was us`,
    expected: 'cohere/404-not-found',
    forms: ['python-sdk'],
    note: 'An embed job through the Python SDK; cut off where the excerpt ends.',
  },
  {
    id: 'cohere-http-400-invalid-request',
    url: 'https://github.com/continuedev/continue/issues/3881',
    paste: `Error streaming diff: Error: HTTP 400 Bad Request from https://api.cohere.ai/v1/chat

{"message":"invalid request: provided raw prompt is invalid, you message must contain valid chat turns."}`,
    expected: 'cohere/400-invalid-request',
    forms: ['json-body'],
  },
  // ---------------------------------------------------------------- OpenRouter
  {
    id: 'openrouter-bare-402',
    url: 'https://github.com/continuedev/continue/issues/10298',
    paste: `402 This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 4000. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account`,
    expected: 'openrouter/402-payment_required',
    forms: ['bare-status', 'plain-text'],
  },
  {
    id: 'openrouter-json-402',
    url: 'https://github.com/babikov/doka-site/issues/7',
    paste: `OpenAI API 402: {"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 65536 tokens, but can only afford 10114. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account","code":402,"metadata":{"provider_name":null}},"user_id":"user_"}`,
    expected: 'openrouter/402-payment_required',
    forms: ['json-body'],
  },
  {
    id: 'openrouter-cli-402-anthropic-model',
    url: 'https://github.com/continuedev/continue/issues/10705',
    paste: `402 This request requires more credits, or fewer max_tokens. You requested up to 8192 tokens, but can only afford 1775. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account`,
    expected: 'openrouter/402-payment_required',
    forms: ['bare-status', 'gateway'],
    note: 'Posted for Anthropic: Claude Sonnet 4.6 through OpenRouter; the gateway answered.',
  },
  {
    id: 'openrouter-py-402-credits',
    url: 'https://github.com/open-assistant-org/open-assistant/issues/80',
    paste: `APIStatusError: Error code: 402 - {'error': {'message': 'Insufficient credits. Add more using https://openrouter.ai/settings/credits', 'code': 402, 'metadata': {'limit_source': 'openrouter_credits', 'remedy_hint': 'Add credits at https://openrouter.ai/settings/credits, or lower max_tokens / prompt size to fit your remaining balance.'}}}`,
    expected: 'openrouter/402-payment_required',
    forms: ['python-sdk', 'gateway'],
  },
  // ---------------------------------------------------------------- Together
  {
    id: 'together-dict-429',
    url: 'https://github.com/togethercomputer/MoA/issues/27',
    paste: `{'error': {'message': 'You have been rate limited. Your rate limit is 60 queries per minute. Please navigate to https://api.together.xyz/settings/billing to upgrade to a paid plan.', 'type': 'credit_limit', 'param': None, 'code': None}}`,
    expected: 'together/429-rate_limit',
    forms: ['json-body'],
  },
  {
    id: 'together-py-402-credit-limit',
    url: 'https://github.com/expectedparrot/edsl/issues/2098',
    paste: `{'message': "Error code: 402 - {'id': 'o3LiXw4-62bZhn-96040daf687810ab', 'error': {'message': 'Credit limit exceeded. Please navigate to https://api.together.xyz/settings/billing to add credit or upgrade your plan.', 'type': 'credit_limit', 'param': None, 'code': None}}"}`,
    expected: 'together/402-payment_required',
    forms: ['python-sdk', 'gateway'],
    note: 'type credit_limit, which Together also sends with its free-tier 429; the status 402 and the wording make it the payment entry.',
  },
  {
    id: 'together-langchain-401-invalid-key',
    url: 'https://github.com/harshitv804/LawGPT/issues/4',
    paste: `ValueError: Together received an invalid payload: { "error": { "message": "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key" } }`,
    expected: 'together/401-authentication_error',
    forms: ['json-body', 'python-sdk'],
    note: "OpenAI's invalid_api_key wording, but the key page named is Together's.",
  },
  {
    id: 'together-400-non-serverless',
    url: 'https://github.com/HeyPuter/puter/issues/3168',
    paste: `ERROR togetherai:mistralai/mistral-small-24b-instruct-2501  ->  400 {"id":"okkMWqL-2kFHot-a023f60e9b77ff7e","error":{"message":"Unable to access non-serverless model mistralai/Mistral-Small-24B-Instruct-2501. Please visit https://api.together.ai/models/mistralai/Mistral-Small-24B-Instruct-2501 to create and start a new dedicated endpoint for the model.","type":"invalid_request_error","param":null,"code":"model_not_available"}}`,
    expected: 'together/400-invalid_request_error',
    alsoRight: ['together/404-not-found'],
    forms: ['gateway', 'json-body'],
    note: 'A model offered only on dedicated endpoints: sent as a 400 invalid_request_error, while its meaning (model not available) is the one Together gives its 404.',
  },
  // ---------------------------------------------------------------- Fireworks
  {
    id: 'fireworks-404-model',
    url: 'https://github.com/warpdotdev/warp/issues/15107',
    paste: `Response stream finished unexpectedly with internal error: Fireworks API error: POST "https://api.fireworks.ai/inference/v1/chat/completions": 404 Not Found {"message":"Model not found, inaccessible, and/or not deployed","param":"model","code":"NOT_FOUND","type":"error"}`,
    expected: 'fireworks/404-not_found',
    forms: ['json-body'],
  },
  {
    id: 'fireworks-dict-429-usage-limits',
    url: 'https://github.com/GordeyZuev/LEAP/issues/6',
    paste: `{'error': 'Too Many Requests', 'message': 'You have exceeded your usage limits. Please try again later or contact Fireworks to explore dedicated capacity.'}`,
    expected: 'fireworks/429-too-many-requests',
    forms: ['json-body'],
    note: 'No status in the paste, but "Too Many Requests" is the 429 reason phrase and "try again later" a rate limit, not the 402 billing limit.',
  },
  {
    id: 'fireworks-langchain-401-apikey',
    url: 'https://github.com/langchain-ai/langchain/issues/15239',
    paste: String.raw`[llm/error] [1:llm:Fireworks] [761ms] LLM run errored with error:
"AuthenticationError({'fault': {'faultstring': 'Invalid ApiKey', 'detail': {'errorcode': 'oauth.v2.InvalidApiKey'}}})Traceback (most recent call last):\n\n\n  File \"C:\\Users\\akidra\\AppData\\Roaming\\Python\\Python311\\site-packages\\langchain_community\\llms\\fireworks.py\", line 100, in _generate\n    response = completion_with_retry_batching(\n`,
    expected: 'fireworks/401-unauthorized',
    alsoRight: ['fireworks/403-forbidden'],
    forms: ['python-sdk', 'gateway'],
    note: "LangChain's run log names Fireworks; the fireworks-ai client of the time raised AuthenticationError on an API-gateway fault body. No status: Fireworks' docs call a 403 a problem with the key too.",
  },
  // ---------------------------------------------------------------- Hugging Face
  {
    id: 'huggingface-text-402',
    url: 'https://github.com/huggingface/agents-course/issues/386',
    paste: `You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.`,
    expected: 'huggingface/402-monthly-credits-exceeded',
    forms: ['plain-text'],
  },
  {
    id: 'huggingface-legacy-503-loading',
    url: 'https://github.com/huggingface/transformers/issues/23793',
    paste: `{'error': 'Model deepset/roberta-base-squad2 is currently loading', 'estimated_time': 20.0}`,
    expected: 'huggingface/503-model-loading',
    forms: ['json-body'],
    note: 'The legacy serverless Inference API while a model loads, printed as a Python dict, with no status.',
  },
  {
    id: 'huggingface-tgi-overloaded',
    url: 'https://github.com/philschmid/easyllm/issues/34',
    paste: `[/usr/local/lib/python3.10/dist-packages/huggingface_hub/inference/_client.py](https://localhost:8080/#) in text_generation(self, prompt, details, stream, model, do_sample, max_new_tokens, best_of, repetition_penalty, return_full_text, seed, stop_sequences, temperature, top_k, top_p, truncate, typical_p, watermark, decoder_input_details)
OverloadedError: Model is overloaded`,
    expected: 'huggingface/429-overloaded',
    forms: ['python-sdk'],
    note: "The traceback frame as posted and the issue's title, which is the exception line (Llama-2-70b-chat on the Inference API).",
  },
  // ---------------------------------------------------------------- Azure OpenAI
  {
    id: 'azure-json-404-deployment',
    url: 'https://github.com/chatboxai/chatbox/issues/861',
    paste: `{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}`,
    expected: 'azure-openai/404-deploymentnotfound',
    forms: ['json-body'],
  },
  {
    id: 'litellm-azure-404',
    url: 'https://github.com/rashadphz/farfalle/issues/79',
    paste: `500: AzureException NotFoundError - Error code: 404 - {'error': {'code': 'DeploymentNotFound', 'message': 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'}}`,
    expected: 'azure-openai/404-deploymentnotfound',
    forms: ['gateway'],
  },
  {
    id: 'azure-dotnet-404',
    url: 'https://github.com/MicrosoftDocs/azure-docs/issues/114013',
    paste: `An error occurred: The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.
Status: 404 (Not Found)
ErrorCode: DeploymentNotFound`,
    expected: 'azure-openai/404-deploymentnotfound',
    forms: ['plain-text'],
  },
  {
    id: 'azure-text-deployment',
    url: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/391',
    paste: `Error: The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.`,
    expected: 'azure-openai/404-deploymentnotfound',
    forms: ['plain-text'],
  },
  // ---------------------------------------------------------------- Perplexity
  {
    id: 'perplexity-json-400',
    url: 'https://github.com/lobehub/lobehub/issues/3280',
    paste: `  "error": {
    "message": "Invalid model 'pplx-7b-chat'. Permitted models can be found in the documentation at https://docs.perplexity.ai/docs/model-cards.",
    "type": "invalid_model",
    "code": 400
  },
  "endpoint": "https://api.perplexity.ai",
  "provider": "perplexity"
}`,
    expected: 'perplexity/400-invalid_model',
    forms: ['json-body'],
  },
  {
    id: 'perplexity-text-400',
    url: 'https://github.com/openclaw/openclaw/issues/4804',
    paste: `Perplexity API error (400): {"error":{"message":"Invalid model 'perplexity/sonar-pro'. Permitted models can be found in the documentation at https://docs.perplexity.ai/getting-started/models.","type":"invalid_model","code":400}}`,
    expected: 'perplexity/400-invalid_model',
    forms: ['json-body'],
  },
  {
    id: 'perplexity-plain-400',
    url: 'https://github.com/eyaltoledano/claude-task-master/issues/13',
    paste: `Perplexity error: 400 Invalid model 'sonar-small-online'. Permitted models can be found in the documentation at https://docs.perplexity.ai/guides/model-cards.`,
    expected: 'perplexity/400-invalid_model',
    forms: ['plain-text'],
  },
  {
    id: 'perplexity-search-401-invalid-key',
    url: 'https://github.com/openclaw/openclaw/issues/36182',
    paste: `2026-03-05T13:18:39.314+00:00 [tools] web_search failed: Perplexity Search API error (401): {"error":{"message":"Invalid API key provided. You can find your API key at https://www.perplexity.ai/settings/api.","type":"invalid_api_key","code":401}}`,
    expected: 'perplexity/401-authentication',
    forms: ['json-body'],
    note: "An OpenRouter key sent to Perplexity's own Search API, which refused it.",
  },
  // ---------------------------------------------------------------- xAI
  {
    id: 'xai-bare-429-credits',
    url: 'https://github.com/continuedev/continue/issues/10373',
    paste: `429 "Your team 16f2151a-40f4-4a80-8ad0-cae00c27e8dd has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit."`,
    expected: 'xai/403-credits-or-spending-limit',
    forms: ['bare-status'],
    note: "The catalog's message word for word; the catalog lists it under 403, this paste came with 429.",
  },
  {
    id: 'xai-bare-403-new-team',
    url: 'https://github.com/continuedev/continue/issues/12670',
    paste: `403 "Your newly created team doesn't have any credits or licenses yet. You can purchase those on https://console.x.ai/team/481c7584-ab46-4974-b86b-a4978384e229."`,
    expected: 'xai/403-team-no-credits',
    forms: ['bare-status'],
  },
  {
    id: 'xai-grpc-permission-denied',
    url: 'https://github.com/pajeronda/xai_conversation/issues/7',
    paste: `2025-12-23 18:37:23.261 ERROR (MainThread) [custom_components.xai_conversation] Failed to fetch xAI model data: <AioRpcError of RPC that terminated with:
	status = StatusCode.PERMISSION_DENIED
	details = "Your newly created team doesn't have any credits or licenses yet. You can purchase those on https://console.x.ai/team/a9456ea3-d029-4929-92e6-32c8a3dcb3fd."`,
    expected: 'xai/grpc-permission_denied',
    alsoRight: ['xai/403-team-no-credits'],
    forms: ['grpc'],
  },
  {
    id: 'xai-py-403-dict',
    url: 'https://github.com/griptape-ai/griptape-nodes-engine/issues/1079',
    paste: `Error code: 403 - {'code': 'The caller does not have permission to execute the specified operation', 'error': "Your newly created teams doesn't have any credits yet. You can purchase credits on https://console.x.ai/team/c853730f-fe0f-4537-b8a2-0e6e33c8342d."}`,
    expected: 'xai/403-team-no-credits',
    forms: ['python-sdk'],
  },
  // ---------------------------------------------------------------- Cerebras
  {
    id: 'cerebras-json-429',
    url: 'https://github.com/nminaya/grammar-nazi-bot/issues/958',
    paste: `System.InvalidOperationException: Unsuccessful Cerebras API response TooManyRequests
 ---> System.Exception: {"message":"Requests per minute limit exceeded - too many requests sent.","type":"too_many_requests_error","param":"quota","code":"request_quota_exceeded"}`,
    expected: 'cerebras/429-request_quota_exceeded',
    forms: ['json-body'],
  },
  {
    id: 'cerebras-text-429-tpm',
    url: 'https://github.com/continuedev/continue/issues/9800',
    paste: `"Tokens per minute limit exceeded - too many tokens processed."`,
    expected: 'cerebras/429-tokens-per-minute-exceeded',
    forms: ['plain-text'],
  },
  {
    id: 'cerebras-dotnet-404-model',
    url: 'https://github.com/nminaya/grammar-nazi-bot/issues/933',
    paste: `System.InvalidOperationException: Unsuccessful Cerebras API response NotFound
 ---> System.Exception: {"message":"Model does not exist or you do not have access to it.","type":"not_found_error","param":"model","code":"model_not_found"}`,
    expected: 'cerebras/404-not-found',
    forms: ['json-body'],
    note: 'The docs expect a 400 for an unknown model; this response came as 404 NotFound.',
  },
  // ---------------------------------------------------------------- Replicate
  {
    id: 'replicate-429-throttled',
    url: 'https://github.com/nodetool-ai/nodetool/issues/5196',
    paste: `429 Too Many Requests
{"detail":"Request was throttled. Your rate limit for creating predictions is
reduced to 6 requests per minute with a burst of 1 requests while you have less
than $5.0 in credit. Your rate limit resets in ~5s.","status":429,"retry_after":5}`,
    expected: 'replicate/429-throttled',
    forms: ['bare-status', 'json-body'],
  },
  {
    id: 'replicate-py-401-details',
    url: 'https://github.com/replicate/comfyui-replicate/issues/7',
    paste: `HTTP Request: POST https://api.replicate.com/v1/predictions "HTTP/1.1 401 Unauthorized"
!!! Exception during processing !!! ReplicateError Details:
title: Unauthenticated
status: 401
detail: You did not pass a valid authentication token`,
    expected: 'replicate/401-unauthenticated',
    forms: ['python-sdk', 'plain-text'],
    note: 'replicate-python prints the problem-details fields one per line.',
  },
  // ---------------------------------------------------------------- Humanloop
  {
    id: 'humanloop-py-401-credentials',
    url: 'https://github.com/humanloop/humanloop-python/pull/62',
    paste: `humanloop.core.api_error.ApiError: status_code: 401, body: {'detail': 'Could not validate credentials.'}

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/Users/oleh/humanloop/playground/test-sdk/letscallhllocally.py", line 9, in <module>
    xx = humanloop.prompts.call(path="/Oleh's space/Customer Support bot.prompt")
humanloop.error.HumanloopRuntimeError`,
    expected: 'humanloop/401-authentication',
    forms: ['python-sdk'],
    note: 'Posted in a review of the SDK; the body is a plain detail string, not the documented detail object.',
  },
  // ---------------------------------------------------------------- More statuses, forms and gateways
  {
    id: 'anthropic-cli-504-gateway',
    url: 'https://github.com/anthropics/claude-code/issues/6781',
    paste: `  ⎿  API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 1 seconds… (attempt 1/10)
  ⎿  API Error (api.anthropic.com | 504: Gateway time-out) · Retrying in 1 seconds… (attempt 2/10)`,
    expected: 'anthropic/504-timeout_error',
    forms: ['cli', 'bare-status'],
    note: "Anthropic's host and 504: its timeout_error entry (the body was a gateway page, summarised by the CLI).",
  },
  {
    id: 'anthropic-ts-headers-only',
    url: 'https://github.com/anthropics/anthropic-sdk-typescript/issues/357',
    paste: `{
    'anthropic-ratelimit-requests-limit': '5',
    'anthropic-ratelimit-requests-remaining': '0',
    'anthropic-ratelimit-requests-reset': '2024-03-26T20:00:00Z',
    'anthropic-ratelimit-tokens-limit': '25000',
    'anthropic-ratelimit-tokens-remaining': '16000',
    'anthropic-ratelimit-tokens-reset': '2024-03-26T20:00:00Z',
    'cf-cache-status': 'DYNAMIC',
    'cf-ray': '86a9b96cdac90359-MIA',
    connection: 'keep-alive',
    'content-length': '305',
    'content-type': 'application/json',
    date: 'Tue, 26 Mar 2024 19:59:59 GMT',
    'request-id': 'req_01T5fCVnYdf9X5ZW6KayReBK',
    server: 'cloudflare',
    via: '1.1 google',
    'x-cloud-trace-context': 'ae6af598607da922ea75fbb21d9c3bd6',
    'x-should-retry': 'true'
  }`,
    expected: 'anthropic/429-rate_limit_error',
    forms: ['headers', 'ts-sdk'],
    note: 'Headers only, from a 429: anthropic-ratelimit-* name Anthropic, requests-remaining 0 says which limit ran out.',
  },
  {
    id: 'openai-node-headers-429',
    url: 'https://github.com/openai/openai-node/issues/1477',
    paste: `{
  "status": 429,
  "headers": {
    "alt-svc": "h3=\\":443\\"; ma=86400",
    "cf-cache-status": "DYNAMIC",
    "cf-ray": "[redacted]",
    "connection": "keep-alive",
    "content-length": "354",
    "content-type": "application/json",
    "date": "Mon, 21 Apr 2025 19:13:46 GMT",
    "openai-organization": "[redacted]",
    "openai-processing-ms": "5977",
    "openai-version": "2020-10-01",
    "server": "cloudflare",
    "set-cookie": "[redacted]",
    "strict-transport-security": "max-age=31536000; includeSubDomains; preload",
    "x-content-type-options": "nosniff",
    "x-request-id": "[redacted]"
  },
  "request_id": "[redacted]",`,
    expected: 'openai/429-rate_limit_exceeded',
    forms: ['headers', 'ts-sdk'],
    note: "Status and headers only (the issue is about the rate-limit message that follows). openai-organization, openai-processing-ms and openai-version are OpenAI's own headers.",
  },
  {
    id: 'gemini-cli-499-cancelled',
    url: 'https://github.com/google-gemini/gemini-cli/issues/20309',
    paste: `✕ [API Error: [{
    "error": {
      "code": 499,
      "message": "The operation was cancelled.",
      "errors": [
        {
          "message": "The operation was cancelled.",
          "domain": "global",
          "reason": "backendError"
        }
      ],
      "status": "CANCELLED"
    }
  }
  ]]`,
    expected: 'gemini/499-cancelled',
    alsoRight: ['vertex-ai/499-cancelled'],
    forms: ['cli', 'json-body'],
    note: "Google's error model; nothing in it tells the Gemini API from Vertex AI, and both entries say the same.",
  },
  {
    id: 'gemini-langchain-504-grpc',
    url: 'https://github.com/google-gemini/deprecated-generative-ai-python/issues/368',
    paste: `Error embedding content: 504 Deadline Exceeded
grpc._channel._InactiveRpcError: <_InactiveRpcError of RPC that terminated with:
	status = StatusCode.DEADLINE_EXCEEDED
	details = "Deadline Exceeded"
	debug_error_string = "UNKNOWN:Error received from peer  {created_time:"2024-05-31T10:56:34.7789233+00:00", grpc_status:4, grpc_message:"Deadline Exceeded"}"
>

During handling of the above exception, another exception occurred:

google.api_core.exceptions.DeadlineExceeded: 504 Deadline Exceeded

The above exception was the direct cause of the following exception:

langchain_google_genai._common.GoogleGenerativeAIError: Error embedding content: 504 Deadline Exceeded`,
    expected: 'gemini/504-deadline_exceeded',
    forms: ['gateway', 'python-sdk', 'grpc'],
    note: 'langchain_google_genai (GoogleGenerativeAI) calls the Gemini API; google.api_core is shared by both Google SDKs.',
  },
  {
    id: 'gemini-api-core-504',
    url: 'https://github.com/google-gemini/deprecated-generative-ai-python/issues/294',
    paste: `google.api_core.exceptions.DeadlineExceeded: 504 Deadline Exceeded`,
    expected: 'gemini/504-deadline_exceeded',
    alsoRight: ['vertex-ai/504-deadline_exceeded'],
    forms: ['python-sdk', 'bare-status'],
    note: 'google.api_core raises this for the Gemini API (google.generativeai) and for Vertex AI alike.',
  },
  {
    id: 'gemini-bare-504-deadline-expired',
    url: 'https://github.com/interviewstreet/hiring-agent/issues/284',
    paste: `❌ Error calling LLM for projects section: 504 Deadline expired before operation could complete.`,
    expected: 'gemini/504-deadline_exceeded',
    alsoRight: ['vertex-ai/504-deadline_exceeded'],
    forms: ['bare-status', 'plain-text'],
    note: "Google's DEADLINE_EXCEEDED wording; Gemini API and Vertex AI share it.",
  },
  {
    id: 'gemini-cli-503-double-wrapped',
    url: 'https://github.com/google-gemini/gemini-cli/issues/15745',
    paste: String.raw`✕ [API Error: {"error":{"message":"{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"The model is overloaded. Please try
  again later.\",\n    \"status\": \"UNAVAILABLE\"\n  }\n}\n","code":503,"status":"Service Unavailable"}}]`,
    expected: 'gemini/503-unavailable',
    alsoRight: ['vertex-ai/503-unavailable'],
    forms: ['cli', 'json-body'],
  },
  {
    id: 'bedrock-py-404-resource-not-found',
    url: 'https://github.com/truera/trulens/issues/779',
    paste: `bedrock request failed <class 'botocore.errorfactory.ResourceNotFoundException'>=An error occurred (ResourceNotFoundException) when calling the InvokeModel operation: Could not resolve the foundation model from the provided model identifier.. Retries remaining=3.`,
    expected: 'bedrock/404-resourcenotfoundexception',
    forms: ['python-sdk'],
  },
  {
    id: 'bedrock-botocore-debug-headers',
    url: 'https://github.com/aws-samples/amazon-bedrock-workshop/issues/58',
    paste: `2023-09-29 09:01:11,154 botocore.parsers [DEBUG] Response headers: {'Date': 'Fri, 29 Sep 2023 16:01:11 GMT', 'Content-Type': 'application/json', 'Content-Length': '71', 'Connection': 'keep-alive', 'x-amzn-RequestId': 'd6c4953c-76db-4eb4-bb6c-cf162fa9320d', 'x-amzn-ErrorType': 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock.build/'}
2023-09-29 09:01:11,155 botocore.parsers [DEBUG] Response body:
b'{"message":"The requested operation is not recognized by the service."}'`,
    expected: 'bedrock/400-validationexception',
    forms: ['headers', 'python-sdk'],
    note: 'x-amzn-ErrorType names the exception; no status is printed.',
  },
  {
    id: 'litellm-groq-400-tool-use',
    url: 'https://github.com/huggingface/smolagents/issues/1119',
    paste: ` Error in generating tool call with model:
litellm.BadRequestError: GroqException - {"error":{"message":"Failed to call a 
function. Please adjust your prompt. See 'failed_generation' for more 
details.","type":"invalid_request_error","code":"tool_use_failed","failed_genera
tion":"web_search{\\"query\\": \\"SPFMV and SPCSV in the Pearl Of Africa 2016\\", 
\\"filter_year\\": 2016}\\u003c/function\\u003e"}}`,
    expected: 'groq/400-bad-request',
    forms: ['gateway'],
  },
  {
    id: 'groq-ts-400-with-headers',
    url: 'https://github.com/groq/groq-typescript/issues/28',
    paste: `{
  status: 400,
  headers: {
    "alt-svc": "h3=\\":443\\"; ma=86400",
    "cache-control": "private, max-age=0, no-store, no-cache, must-revalidate",
    "cf-cache-status": "DYNAMIC",
    "cf-ray": "8828f41b9aba80aa-BOM",
    connection: "keep-alive",
    "content-length": "485",
    "content-type": "application/json",
    date: "Sun, 12 May 2024 08:14:11 GMT",
    server: "cloudflare",
    "set-cookie": "__cf_bm=ccxrHjgy0_PUYCffImbz6rYU7nDeB9ExZdr7BeaeQeY-1715501651-1.0.1.1-aXswIp5azR1XrH9WQMjvnTIDTEh7t30bFwHM5e8DVxfvgJW9T5OeluW5RL5TMMJJHLselQgF9jyNsxTGhujeow; path=/; expires=Sun, 12-May-24 08:44:11 GMT; domain=.groq.com; HttpOnly; Secure; SameSite=None",
    vary: "Origin",
    via: "1.1 google",
    "x-ratelimit-limit-requests": "14400",
    "x-ratelimit-limit-tokens": "6000",
    "x-ratelimit-remaining-requests": "14399",
    "x-ratelimit-remaining-tokens": "5843",
    "x-ratelimit-reset-requests": "6s",
    "x-ratelimit-reset-tokens": "1.57s",
    "x-request-id": "req_01hxnxvkfjf6ttkqzfpw23ng08",
  },
  error: {
    error: {
      message: "Failed to call a function. Please adjust your prompt. See 'failed_generation' for more details.",
      type: "invalid_request_error",
      code: "tool_use_failed",`,
    expected: 'groq/400-bad-request',
    forms: ['ts-sdk', 'headers'],
    note: 'Only the cookie domain (.groq.com) names Groq; the x-ratelimit-* headers are the OpenAI-style set.',
  },
  {
    id: 'mistral-openai-sdk-422',
    url: 'https://github.com/crewAIInc/crewAI/issues/60',
    paste: `    raise self._make_status_error_from_response(err.response) from None openai.UnprocessableEntityError: Error code: 422 - {'object': 'error', 'message': {'detail': [{'type': 'extra_forbidden', 'loc': ['body', 'n'], 'msg': 'Extra inputs are not permitted', 'input': 1, 'url': 'https://errors.pydantic.dev/2.6/v/extra_forbidden'}]}, 'type': 'invalid_request_error', 'param': None, 'code': None}`,
    expected: 'mistral/422-validation-error',
    forms: ['python-sdk', 'gateway'],
    note: "The OpenAI SDK pointed at Mistral: the {object: 'error', message: {detail: [...]}} body is Mistral's validation error.",
  },
  {
    id: 'mistral-dart-422',
    url: 'https://github.com/nomtek/mistralai_client_dart/issues/44',
    paste: `Unhandled exception:
MistralAIClientException: Request POST https://api.mistral.ai/v1/chat/completions failed with status code: 422, body: {"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","messages",0,"user","name"],"msg":"Extra inputs are not permitted","input":null},{"type":"extra_forbidden","loc":["body","messages",0,"user","tool_calls"],"msg":"Extra inputs are not permitted","input":null}]},"type":"invalid_request_error","param":null,"code":null}`,
    expected: 'mistral/422-validation-error',
    forms: ['json-body'],
  },
  {
    id: 'mistral-text-422',
    url: 'https://github.com/zeroclaw-labs/zeroclaw/issues/2693',
    paste: `⚠️ Error: All providers/models failed. Attempts:
provider=mistral model=mistral-large-latest attempt 1/3: non_retryable; error=Mistral API error (422 Unprocessable Entity): {"detail":[{"type":"extra_forbidden","loc":["body","messages",6,"assistant","tool_calls",0,"name"],"msg":"Extra inputs are not permitted","input":null},{"...`,
    expected: 'mistral/422-validation-error',
    forms: ['gateway', 'json-body'],
  },
  {
    id: 'deepseek-py-422-httpx',
    url: 'https://github.com/LeapLabTHU/cooragent/issues/49',
    paste: `INFO:httpx:HTTP Request: POST https://api.deepseek.com/chat/completions "HTTP/1.1 422 Unprocessable Entity"
openai.UnprocessableEntityError: Failed to deserialize the JSON body into the target type: response_format: response_format.type`,
    expected: 'deepseek/422-invalid_parameters',
    forms: ['python-sdk'],
    note: "The httpx log line and the issue's title (the exception line), both from the report.",
  },
  {
    id: 'deepseek-400-reasoning-content',
    url: 'https://github.com/JohnnyZ93/oai-compatible-copilot/issues/202',
    paste: `Reason: OAI Compatible API error: [400] Bad Request {"error":{"message":"The reasoning_content in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}} URL: https://api.deepseek.com/chat/completions`,
    expected: 'deepseek/400-invalid_format',
    forms: ['gateway', 'json-body'],
  },
  {
    id: 'openrouter-400-provider-returned-error',
    url: 'https://github.com/farion1231/cc-switch/issues/464',
    paste: String.raw`PI Error: 400 {"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\"error\":{\"code\":\"400\",\"message\":\"Param
     Incorrect\",\"param\":\"messages[2] assistant content must contain at least one
     part\",\"type\":\"\"}}","provider_name":"Xiaomi"}}}`,
    expected: 'openrouter/400-invalid_request',
    forms: ['gateway', 'json-body'],
    note: "OpenRouter's envelope around an upstream provider's 400 (metadata.raw, metadata.provider_name).",
  },
  {
    id: 'openrouter-404-via-truefoundry',
    url: 'https://github.com/truefoundry/models/pull/826',
    paste: `openai.NotFoundError: Error code: 404 - {'status': 'failure', 'message': 'openrouter error: No endpoints available matching your guardrail restrictions and data policy. Configure: https://openrouter.ai/settings/privacy', 'error': {'message': 'openrouter error: No endpoints available matching your guardrail restrictions and data policy. Configure: https://openrouter.ai/settings/privacy', 'type': 'APIErr`,
    expected: 'openrouter/404-not_found',
    forms: ['gateway', 'python-sdk'],
    note: "A gateway (TrueFoundry) relaying OpenRouter's 404; cut off where the excerpt ends.",
  },
  {
    id: 'huggingface-422-template',
    url: 'https://github.com/huggingface/api-inference-community/issues/461',
    paste: ` HfHubHTTPError: 422 Client Error: Unprocessable Entity for url: https://api-inference.huggingface.co/models/meta-llama/Llama-3.2-1B/v1/chat/completions (Request ID: 5eeZAvRFCQ6rwl5FZp-Tc)

Template error: template not found`,
    expected: 'huggingface/422-validation',
    forms: ['python-sdk'],
  },
  // ---------------------------------------------------------------- No entry fits
  {
    id: 'none-generic-429-retry',
    url: 'https://github.com/tashfeenahmed/freellmapi/issues/1206',
    paste: `exceeded retry limit, last status: 429 Too Many Requests, request id: cd0cb454-5912-491c-aafc-0531bb9689ca`,
    expected: null,
    forms: ['bare-status'],
    note: 'A bare 429 from an unnamed service: any provider could have sent it.',
  },
  {
    id: 'none-ollama-503',
    url: 'https://github.com/ollama/ollama/issues/15934',
    paste: `Ollama error 503 Service Unavailable: {"error":"Server overloaded, please retry shortly (ref: aaa65c70-cfa0-446b-86f1-4ab0e2deb9e4)"}`,
    expected: null,
    forms: ['json-body'],
    note: 'Ollama is not in the catalogs; the shape {"error": "<string>"} alone must not name Hugging Face.',
  },
  {
    id: 'none-watsonx-429',
    url: 'https://github.com/IBM/unitxt/issues/1215',
    paste: `{
    "errors": [
        {
            "code": "rate_limit_reached_requests",
            "message": "Rate limit of 8 requests per 1s was reached for instance id <INSTANCE_ID> (user <USER_ID>, plan v2-standard)",
            "more_info": "https://cloud.ibm.com/apidocs/watsonx-ai"
        }
    ],
    "trace": "1a29827ea1b6c65ae7f7376487c3c7fe",
    "status_code": 429
}`,
    expected: null,
    forms: ['json-body'],
    note: 'IBM watsonx is not in the catalogs.',
  },
  {
    id: 'none-deepgram-402',
    url: 'https://github.com/deepgram/deepgram-js-sdk/issues/353',
    paste: `          statusCode: 402,
          statusMessage: 'Payment Required',
            servername: 'api.deepgram.com',
            _host: 'api.deepgram.com',`,
    expected: null,
    forms: ['ts-sdk'],
    note: 'Deepgram (speech), not in the catalogs.',
  },
  {
    id: 'none-mistral-520-cloudflare',
    url: 'https://github.com/mistralai/mistral-vibe/issues/681',
    paste: `Error: API error from mistral (model: mistral-vibe-cli-latest): LLM backend error [mistral]
  status: 520
  reason: <none>
  request_id: N/A
  endpoint: https://api.mistral.ai
  model: mistral-vibe-cli-latest
  provider_message: N/A
  body_excerpt: <!DOCTYPE html> <!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]--> <!--[if IE 7]>    <html class="no-js ie7 oldie" lang="en-US"> <![endif]--> <!--[if IE 8]>    <html class="no-js ie8 oldie" lang="en-US"> <![endif]--> <!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]--> <head>  <title>mistral.ai | 520: Web server is returning an unknown error</title> <me…`,
    expected: null,
    forms: ['cli', 'html'],
    note: "Cloudflare's 520 page in front of Mistral. Mistral has no 520 entry; Fireworks' 520 must not be named.",
  },
  {
    id: 'none-azure-408-timeout',
    url: 'https://github.com/Ironclad/rivet/pull/344',
    paste: `Error: Error processing ChatNode: OpenAIError: 408 {"error":{"code":"Timeout","message":"The operation was timeout."}}`,
    expected: null,
    forms: ['ts-sdk', 'json-body'],
    note: 'Reported against Azure OpenAI deployments, which have no 408 entry; the paste names no provider, so the 408s of OpenRouter, Fireworks, Cerebras or Bedrock must not be named.',
  },
  {
    id: 'huggingface-py-503-router',
    url: 'https://github.com/huggingface/huggingface_hub/issues/2913',
    paste: `HfHubHTTPError: 503 Server Error: Service Temporarily Unavailable for url: https://router.huggingface.co/hf-inference/models/mistralai/Mistral-7B-v0.1`,
    expected: 'huggingface/503-service-temporarily-unavailable',
    forms: ['python-sdk', 'bare-status'],
    note: 'The router\'s 503, not the legacy serverless API\'s "is currently loading" one (until 2026-11-30 Hugging Face had no 503 entry and no match was right).',
  },
  {
    id: 'none-moonshot-engine-overloaded',
    url: 'https://github.com/MoonshotAI/MoonshotAI-Cookbook/issues/16',
    paste: `error: {"error":{"message":"The engine is currently overloaded, please try again later","type":"engine_overloaded_error"}}`,
    expected: null,
    forms: ['json-body'],
    note: "Moonshot (Kimi) is not in the catalogs. The wording is OpenAI's (and W&B's), the type is neither's: unsure is right.",
  },
  {
    id: 'none-doubao-422',
    url: 'https://github.com/bytedance/deer-flow/issues/1979',
    paste: `LLM request failed: Error code: 422 - {'type': 'error', 'error': {'type': 'unprocessable_entity_error', 'message': 'output new_sensitive (1027)', 'http_code': '422'}, 'request_id': '0624f8243a97cfe7e44ce87aa7e72c88'}`,
    expected: null,
    forms: ['python-sdk'],
    note: "A Doubao model behind an Anthropic-shaped endpoint, not in the catalogs; Humanloop's code name alone must not name Humanloop.",
  },
];
