/**
 * Python source for the parts of a policy that libraries such as tenacity leave to the caller:
 * which exceptions are retried (status, `x-should-retry`, timeouts, connection errors) and how a
 * server hint (`Retry-After`, `retry-after-ms`) is read and judged. The code follows the retry
 * engine (`src/core/retry/policy.ts`, `hints.ts`) step by step.
 *
 * Exceptions are read by duck typing so that the same code works with the openai and anthropic
 * clients (`exc.status_code`, `exc.response.headers`), httpx and requests.
 */

import type { NumberSyntax, RetryAfterRule, RetryPolicy, StatusMatch } from '../retry/types';
import { pyNum, statusPairs } from './format';

export interface PyPiece {
  /** Top-level definitions, separated by blank lines by the caller. */
  readonly blocks: string[];
  /** Standard-library modules to import. */
  readonly modules: Set<string>;
}

/** `((408, 408), (500, 999))`. */
export function pyRanges(statuses: readonly StatusMatch[]): string {
  const pairs = statusPairs(statuses).map(([a, b]) => `(${a}, ${b})`);
  return pairs.length === 1 ? `(${pairs[0]},)` : `(${pairs.join(', ')})`;
}

const STATUS_CODE = `def _status_code(exc: BaseException) -> int | None:
    """The HTTP status carried by the exception (openai/anthropic APIStatusError, httpx, requests)."""
    status = getattr(exc, "status_code", None)
    if status is None:
        status = getattr(getattr(exc, "response", None), "status_code", None)
    return status if isinstance(status, int) else None`;

const HEADER = `def _header(exc: BaseException, name: str) -> str | None:
    """A response header of the exception (httpx and requests look names up case-insensitively)."""
    headers = getattr(getattr(exc, "response", None), "headers", None)
    value = headers.get(name) if headers is not None else None
    return value if isinstance(value, str) else None`;

const CLASS_NAMES = `def _class_names(exc: BaseException) -> str:
    return " ".join(cls.__name__ for cls in type(exc).__mro__)`;

const IS_TIMEOUT = `def _is_timeout(exc: BaseException) -> bool:
    """openai/anthropic APITimeoutError, httpx.TimeoutException, TimeoutError, ..."""
    return "Timeout" in _class_names(exc)`;

const IS_CONNECTION = `def _is_connection_error(exc: BaseException) -> bool:
    """APIConnectionError, httpx.ConnectError / NetworkError / TransportError, ConnectionError, ..."""
    names = _class_names(exc)
    return not _is_timeout(exc) and any(key in names for key in ("Connect", "Network", "Transport"))`;

const MATCHES = `def _matches(status: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= status <= high for low, high in ranges)`;

/** The predicate `_is_retryable(exc)` and the helpers it needs. */
export function pythonPredicate(policy: RetryPolicy, hintsCanGiveUp: boolean): PyPiece {
  const { retryOn } = policy;
  const blocks: string[] = [];
  const consts: string[] = [];
  if (retryOn.statuses !== 'any') {
    consts.push(`RETRY_STATUSES = ${pyRanges(retryOn.statuses)}`);
  }
  if (consts.length > 0) blocks.push(consts.join('\n'));
  blocks.push(STATUS_CODE, HEADER);
  const needsKinds = retryOn.timeouts || retryOn.connectionErrors || hasErrorOverrides(policy);
  if (needsKinds) blocks.push(CLASS_NAMES, IS_TIMEOUT, IS_CONNECTION);
  blocks.push(MATCHES);

  let noStatus: string;
  if (retryOn.timeouts && retryOn.connectionErrors) {
    noStatus = '_is_timeout(exc) or _is_connection_error(exc)';
  } else if (retryOn.timeouts) {
    noStatus = '_is_timeout(exc)';
  } else if (retryOn.connectionErrors) {
    noStatus = '_is_connection_error(exc)';
  } else {
    noStatus = 'False';
  }
  const lines = [
    'def _is_retryable(exc: BaseException) -> bool:',
    '    """Whether the policy retries this failure."""',
    '    status = _status_code(exc)',
    '    if status is None:',
    `        return ${noStatus}`,
  ];
  if (hintsCanGiveUp) {
    lines.push(
      '    if _hint_verdict(exc, status)[0] == "give-up":',
      '        return False  # the server asked for a wait the policy does not accept',
    );
  }
  if (retryOn.shouldRetryHeader) {
    lines.push(
      '    should_retry = _header(exc, "x-should-retry")',
      '    if should_retry == "true":',
      '        return True',
      '    if should_retry == "false":',
      '        return False',
    );
  }
  lines.push(
    retryOn.statuses === 'any'
      ? '    return not 200 <= status <= 299'
      : '    return _matches(status, RETRY_STATUSES)',
  );
  blocks.push(lines.join('\n'));
  return { blocks, modules: new Set() };
}

function hasErrorOverrides(policy: RetryPolicy): boolean {
  return (policy.backoffOverrides ?? []).some((o) => (o.errors ?? []).length > 0);
}

// ---------------------------------------------------------------------------------------------
// Server hints

const NUMBER_BRANCHES: Record<NumberSyntax, string[]> = {
  'py-float': [
    '    if syntax == "py-float":',
    '        try:',
    '            return float(raw)',
    '        except ValueError:',
    '            return math.nan',
  ],
  'py-int': [
    '    if syntax == "py-int":',
    '        try:',
    '            return float(int(raw))',
    '        except ValueError:',
    '            return math.nan',
  ],
  'js-parseFloat': [
    '    if syntax == "js-parseFloat":  # a numeric prefix, as JS parseFloat',
    '        match = re.match(r"\\s*([+-]?(?:Infinity|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?))", raw)',
    '        return float(match.group(1)) if match else math.nan',
  ],
  'js-parseInt': [
    '    if syntax == "js-parseInt":  # an integer prefix, as JS parseInt(value, 10)',
    '        match = re.match(r"\\s*([+-]?[0-9]+)", raw)',
    '        return float(int(match.group(1))) if match else math.nan',
  ],
  'js-integer': [
    '    if syntax == "js-integer":  # JS Number(value), which must be an integer',
    '        text = raw.strip()',
    '        if re.fullmatch(r"[+-]?(?:Infinity|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", text):',
    '            value = float(text)',
    '        elif re.fullmatch(r"0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+", text):',
    '            value = float(int(text, 0))',
    '        else:',
    '            return math.nan',
    '        return value if value.is_integer() else math.nan',
  ],
  'strict-int': [
    '    if syntax == "strict-int":  # an optional minus sign and digits only',
    '        return float(raw) if re.fullmatch(r"-?[0-9]+", raw) else math.nan',
  ],
};

function pyString(s: string): string {
  return JSON.stringify(s);
}

/**
 * Constants and functions that read and judge the hint: `_hint_verdict(exc, status)` returns
 * `("honour", ms)`, `("backoff", 0)`, `("give-up", 0)` or `("none", 0)`.
 */
export function pythonHints(rule: RetryAfterRule): PyPiece {
  const modules = new Set<string>(['math']);
  const syntaxes = [...new Set(rule.sources.map((s) => s.number))];
  if (syntaxes.some((s) => s.startsWith('js') || s === 'strict-int')) modules.add('re');
  const hasDates = rule.sources.some((s) => s.date);
  const dateSyntaxes = new Set(rule.sources.map((s) => s.date));
  if (hasDates) {
    modules.add('email.utils');
    modules.add('time');
  }

  const sources = rule.sources.map(
    (s) =>
      `    (${pyString(s.header)}, ${s.unit === 's' ? 1000 : 1}, ${pyString(s.number)}, ${
        s.date ? pyString(s.date) : 'None'
      }),`,
  );
  const consts = [
    '# Server hints: (header, ms per unit, number syntax, date syntax), in the order they are read.',
    'HINT_SOURCES = (',
    ...sources,
    ')',
  ];
  if (rule.statuses) consts.push(`HINT_STATUSES = ${pyRanges(rule.statuses)}`);
  consts.push(
    `HINT_MIN_MS, HINT_MIN_INCLUSIVE = ${pyNum(rule.minMs ?? 0)}, ${rule.minInclusive === false ? 'False' : 'True'}`,
    `HINT_MAX_MS, HINT_MAX_INCLUSIVE = ${pyNum(rule.maxMs ?? Number.POSITIVE_INFINITY)}, ${
      rule.maxInclusive === false ? 'False' : 'True'
    }`,
  );

  const parseNumber = [
    'def _parse_number(raw: str, syntax: str) -> float:',
    ...syntaxes.flatMap((s) => NUMBER_BRANCHES[s]),
    '    return math.nan',
  ].join('\n');

  const blocks = [consts.join('\n'), parseNumber];
  if (hasDates) {
    blocks.push(
      [
        'def _parse_date_ms(raw: str, syntax: str) -> float:',
        '    """Milliseconds until an HTTP date (RFC 2822, as email.utils reads it); NaN if invalid."""',
        '    try:',
        '        parsed = email.utils.parsedate_tz(raw)',
        '        if parsed is None:',
        '            return math.nan',
        '        delta_ms = (email.utils.mktime_tz(parsed) - time.time()) * 1000',
        '    except (TypeError, ValueError, IndexError, OverflowError):',
        '        return math.nan',
        ...(dateSyntaxes.has('py-trunc-s')
          ? [
              '    if syntax == "py-trunc-s":  # whole seconds',
              '        return math.trunc(delta_ms / 1000) * 1000.0',
            ]
          : []),
        ...(dateSyntaxes.has('js-ceil-nonneg')
          ? [
              '    if syntax == "js-ceil-nonneg":  # rounded up, 0 if past',
              '        return float(math.ceil(delta_ms)) if delta_ms > 0 else 0.0',
            ]
          : []),
        '    return delta_ms',
      ].join('\n'),
    );
  }

  const read = [
    'def _hint_ms(exc: BaseException) -> float | None:',
    '    """The requested delay in ms: None when no hint is set, NaN when it does not parse."""',
  ];
  if (rule.select === 'first-truthy') read.push('    zero = None');
  if (rule.select !== 'first-present') read.push('    invalid = None');
  read.push(
    '    for name, unit_ms, number, date in HINT_SOURCES:',
    '        raw = _header(exc, name)',
    '        if raw is None or raw == "":',
    '            continue',
    '        value = _parse_number(raw, number) * unit_ms',
  );
  if (hasDates) {
    read.push(
      '        if math.isnan(value) and date is not None:',
      '            value = _parse_date_ms(raw, date)',
    );
  }
  read.push('        if not math.isfinite(value):', '            value = math.nan');
  if (rule.select === 'first-present') {
    read.push('        return value  # the first header present decides', '    return None');
  } else {
    read.push(
      '        if math.isnan(value):',
      '            invalid = math.nan if invalid is None else invalid',
      '            continue',
    );
    if (rule.select === 'first-truthy') {
      read.push(
        '        if value == 0:',
        '            zero = 0.0 if zero is None else zero',
        '            continue',
        '        return value',
        '    return zero if zero is not None else invalid',
      );
    } else {
      read.push('        return value', '    return invalid');
    }
  }
  blocks.push(read.join('\n'));

  const verdict = [
    'def _hint_verdict(exc: BaseException, status: int) -> tuple[str, float]:',
    '    """("honour", ms), ("backoff", 0.0), ("give-up", 0.0) or ("none", 0.0) for this failure."""',
  ];
  if (rule.statuses) {
    verdict.push('    if not _matches(status, HINT_STATUSES):', '        return ("none", 0.0)');
  }
  verdict.push(
    '    ms = _hint_ms(exc)',
    '    if ms is None:',
    '        return ("none", 0.0)',
    '    if math.isnan(ms):',
    `        return _hint_fallback(${pyString(rule.invalid)}, 0.0)`,
    '    if ms < HINT_MIN_MS or (ms == HINT_MIN_MS and not HINT_MIN_INCLUSIVE):',
    `        return _hint_fallback(${pyString(rule.belowMin)}, HINT_MIN_MS)`,
    '    if ms > HINT_MAX_MS or (ms == HINT_MAX_MS and not HINT_MAX_INCLUSIVE):',
    `        return _hint_fallback(${pyString(rule.aboveMax)}, HINT_MAX_MS)`,
    '    return ("honour", ms)',
  );
  blocks.push(
    [
      'def _hint_fallback(mode: str, bound_ms: float) -> tuple[str, float]:',
      '    """Fallback modes: backoff (use the own backoff), clamp (sleep the bound), give-up (no retry)."""',
      '    return ("honour", bound_ms) if mode == "clamp" else (mode, 0.0)',
    ].join('\n'),
    verdict.join('\n'),
  );
  return { blocks, modules };
}

/** Whether a hint can stop the retries (a `give-up` fallback). */
export function hintsCanGiveUp(rule: RetryAfterRule | undefined): boolean {
  if (!rule) return false;
  return [rule.belowMin, rule.aboveMax, rule.invalid].includes('give-up');
}
