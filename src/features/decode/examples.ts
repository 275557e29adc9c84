/** Sample pastes, one per kind of input the decoder reads. */
export const decodeExamples: { label: string; text: string }[] = [
  {
    label: 'Anthropic 529 (Python SDK)',
    text: `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}`,
  },
  {
    label: 'OpenAI insufficient_quota',
    text: `openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`,
  },
  {
    label: 'Rate limit with headers',
    text: `HTTP/1.1 429 Too Many Requests
retry-after: 7
x-ratelimit-limit-requests: 10000
x-ratelimit-remaining-requests: 0
x-ratelimit-reset-requests: 6m0s

{"error": {"message": "Rate limit reached for requests", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}`,
  },
  {
    label: 'Shared message (OpenAI or W&B?)',
    text: `503 The engine is currently overloaded, please try again later`,
  },
  {
    label: 'Bedrock throttling (botocore)',
    text: `botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 4): Too many requests, please wait before trying again.`,
  },
  {
    label: 'HTML 502 page',
    text: `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>`,
  },
];
