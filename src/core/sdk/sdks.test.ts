/**
 * The SDK version model: its ranges, its links to the simulator presets, and the catalogs'
 * `sdkExceptions` read against it release line by release line.
 */
import { describe, expect, it } from 'vitest';
import type { Category } from '../catalog/schema';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { presetForPackage } from '../replay/predict';
import { getPreset } from '../retry/presets';
import {
  entryExceptionsFor,
  factsFor,
  formatSdkChoice,
  lineOf,
  modelClassFor,
  node20Choice,
  parseSdkChoice,
  resolveSdkChoice,
  sdkIdForPackage,
  sdksOfCatalog,
  versionLines,
} from './choice';
import { SDKS } from './sdks';
import { parseRange, satisfies } from './version';

describe('SDK model', () => {
  it('every range parses, every source is a pinned public URL with a date', () => {
    for (const sdk of SDKS) {
      for (const fact of [...sdk.retryAfter, ...sdk.exceptions]) {
        expect(parseRange(fact.range), `${sdk.id} ${fact.range}`).not.toBeNull();
        expect(fact.sources.length).toBeGreaterThan(0);
        for (const s of fact.sources) {
          expect(s.url).toMatch(
            /^https:\/\/(github\.com\/[^/]+\/[^/]+\/(blob\/([0-9a-f]{40}|sdk-v\d+\.\d+\.\d+)\/|commit\/[0-9a-f]{40}$)|registry\.npmjs\.org\/.+\.tgz$)/,
          );
          expect(s.seen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it('ranges of one kind never overlap, and every listed release is covered by both kinds', () => {
    for (const sdk of SDKS) {
      for (const release of [sdk.newest, ...sdk.releases, sdk.node20?.version ?? sdk.newest]) {
        const ra = sdk.retryAfter.filter((f) => satisfies(release, f.range));
        const ex = sdk.exceptions.filter((f) => satisfies(release, f.range));
        expect(ra.length, `${sdk.id} ${release} Retry-After rules`).toBe(1);
        expect(ex.length, `${sdk.id} ${release} exception maps`).toBe(1);
      }
      expect(sdk.releases[0]).toBe(sdk.newest);
    }
  });

  it('each Retry-After rule names a preset of the same package, language and rule', () => {
    for (const sdk of SDKS) {
      for (const fact of sdk.retryAfter) {
        const preset = getPreset(fact.presetId);
        expect(preset, fact.presetId).toBeDefined();
        expect(preset?.kind).toBe('sdk');
        expect(preset?.follows.package.toLowerCase()).toContain(sdk.package);
        expect(/pypi/i.test(preset?.follows.package ?? '')).toBe(sdk.registry === 'PyPI');
      }
    }
  });

  it('for npm SDKs, the replay resolver (preset version texts) agrees with the model on every line', () => {
    for (const sdk of SDKS.filter((s) => s.registry === 'npm')) {
      for (const line of versionLines(sdk)) {
        expect(presetForPackage(sdk.package, line.release)?.id, `${sdk.id} ${line.release}`).toBe(
          line.retryAfter?.presetId,
        );
      }
    }
  });

  it('cuts releases into lines at every boundary of every fact', () => {
    const lines = (id: string) =>
      versionLines(SDKS.find((s) => s.id === id)!).map((l) => [l.range, l.release]);
    expect(lines('openai-node')).toEqual([
      ['>=7.5.0 <7.60.0', '7.59.0'],
      ['>=6.26.0 <7.5.0', '6.49.0'],
      ['>=4.25.0 <6.26.0', '6.25.0'],
    ]);
    expect(lines('anthropic-ts')).toEqual([
      ['>=1.10.0 <1.15.0', '1.14.0'],
      ['>=1.5.0 <1.10.0', '1.9.0'],
      ['>=0.125.0 <1.5.0', '1.4.0'],
      ['>=0.79.0 <0.125.0', '0.124.0'],
      ['>=0.12.4 <0.79.0', '0.78.0'],
    ]);
    expect(lines('anthropic-python')).toEqual([
      ['>=0.85.0 <0.122.0', '0.121.0'],
      ['>=0.47.0 <0.85.0', '0.84.0'],
      ['>=0.35.0 <0.47.0', '0.46.0'],
      ['>=0.10.0 <0.35.0', '0.34.2'],
    ]);
  });

  describe('anthropic (Python), read release by release in anthropic-sdk-python', () => {
    const py = SDKS.find((s) => s.id === 'anthropic-python')!;
    const classFor = (
      version: string,
      status: number | null,
      category: Category = 'server_error',
    ) => {
      const { exceptions } = factsFor({ sdk: py, version });
      return exceptions && modelClassFor(exceptions, { status, category });
    };

    it('529 is OverloadedError from 0.47.0 only; InternalServerError in 0.46.0 and before', () => {
      for (const v of ['0.47.0', '0.84.0', '0.85.0', '0.121.0']) {
        expect(classFor(v, 529), v).toBe('OverloadedError');
      }
      for (const v of ['0.10.0', '0.34.2', '0.35.0', '0.46.0']) {
        expect(classFor(v, 529), v).toBe('InternalServerError');
      }
    });

    it('413 is RequestTooLargeError from 0.47.0 only; APIStatusError in 0.46.0 and before', () => {
      expect(classFor('0.47.0', 413)).toBe('RequestTooLargeError');
      expect(classFor('0.121.0', 413)).toBe('RequestTooLargeError');
      expect(classFor('0.46.0', 413)).toBe('APIStatusError');
      expect(classFor('0.10.0', 413)).toBe('APIStatusError');
    });

    it('503 and 504 stay InternalServerError on every modelled line; 402 has no class', () => {
      for (const v of ['0.10.0', '0.46.0', '0.47.0', '0.84.0', '0.85.0', '0.121.0']) {
        expect(classFor(v, 503), v).toBe('InternalServerError');
        expect(classFor(v, 504), v).toBe('InternalServerError');
        expect(classFor(v, 402), v).toBe('APIStatusError');
        expect(classFor(v, null, 'stream_error'), v).toBe('APIStatusError');
        expect(classFor(v, null, 'timeout'), v).toBe('APITimeoutError');
        expect(classFor(v, null, 'connection'), v).toBe('APIConnectionError');
      }
    });

    it('splits 0.47 – 0.84 from 0.85 because AsyncAnthropic got 413 and 529 only in 0.85.0', () => {
      const before = lineOf(py, '0.84.0')!.exceptions!;
      const after = lineOf(py, '0.85.0')!.exceptions!;
      expect(before).not.toBe(after);
      expect(before.byStatus).toEqual(after.byStatus);
      expect(before.sources.map((s) => s.note).join(' ')).toMatch(
        /AsyncAnthropic .*APIStatusError \(413\) and InternalServerError \(529\)/,
      );
      expect(after.sources.map((s) => s.url).join(' ')).toContain(
        'commit/42921e34a8aa72e83d900a0fed1ecb1f2e75e45e',
      );
    });

    it('Retry-After up to 60 s on every line; the first backoff is ≈ 1 s before 0.35.0', () => {
      const presetAt = (v: string) => factsFor({ sdk: py, version: v }).retryAfter?.presetId;
      expect(presetAt('0.10.0')).toBe('anthropic-python-0.34');
      expect(presetAt('0.34.2')).toBe('anthropic-python-0.34');
      expect(presetAt('0.35.0')).toBe('anthropic-python');
      expect(presetAt('0.121.0')).toBe('anthropic-python');
      const old = getPreset('anthropic-python-0.34')!.policy;
      const now = getPreset('anthropic-python')!.policy;
      expect(old.retryAfter).toEqual(now.retryAfter);
      expect(old.backoff.strategy).toEqual({ kind: 'exponential', initialMs: 1000, factor: 2 });
      expect(now.backoff.strategy).toEqual({ kind: 'exponential', initialMs: 500, factor: 2 });
    });

    it('leaves unread releases outside every range', () => {
      for (const v of ['0.9.1', '0.3.14', '0.122.0', '1.0.0']) {
        expect(factsFor({ sdk: py, version: v }), v).toEqual({});
        expect(lineOf(py, v), v).toBeUndefined();
      }
      expect(py.newest).toBe('0.121.0');
    });
  });

  it('knows what Node 20 gets: openai 6.49 (no bound), while the newest openai bounds at 60 s', () => {
    const openai = SDKS.find((s) => s.id === 'openai-node')!;
    const node20 = node20Choice(openai)!;
    expect(node20.version).toBe('6.49.0');
    expect(factsFor(node20).retryAfter?.presetId).toBe('openai-node-7.4');
    expect(factsFor({ sdk: openai, version: openai.newest }).retryAfter?.presetId).toBe(
      'openai-node',
    );
    expect(lineOf(openai, '6.30.0')?.release).toBe('6.49.0');
    expect(lineOf(openai, '3.0.0')).toBeUndefined();
  });
});

describe('resolveSdkChoice', () => {
  const [openaiNode, openaiPython, anthropicTs] = [
    'openai-node',
    'openai-python',
    'anthropic-ts',
  ].map((id) => SDKS.find((s) => s.id === id)!);

  it('defaults to the newest release of the first SDK offered', () => {
    const r = resolveSdkChoice(undefined, [openaiPython!, openaiNode!]);
    expect(r.choice && formatSdkChoice(r.choice)).toBe('openai-python@3.3.1');
    expect(r.problem).toBeUndefined();
    expect(resolveSdkChoice('openai-node@6.49.0', []).choice).toBeUndefined();
  });

  it('takes the link’s choice when the page offers that SDK, and says why when not', () => {
    const r = resolveSdkChoice('openai-node@6.49.0', [openaiPython!, openaiNode!]);
    expect(r.choice && formatSdkChoice(r.choice)).toBe('openai-node@6.49.0');
    const other = resolveSdkChoice('anthropic-ts@1.12.0', [openaiPython!, openaiNode!]);
    expect(other.choice?.sdk.id).toBe('openai-python');
    expect(other.problem).toMatch(
      /@anthropic-ai\/sdk \(TypeScript\) is not used with this provider/,
    );
    const bad = resolveSdkChoice('openai-node@soon', [anthropicTs!, openaiNode!]);
    expect(bad.choice?.sdk.id).toBe('anthropic-ts');
    expect(bad.problem).toMatch(/"soon"/);
  });
});

describe('parseSdkChoice', () => {
  it('reads id@version, id@major and a bare id', () => {
    const r = parseSdkChoice('openai-node@6');
    expect(r.ok && [r.choice.sdk.id, r.choice.version]).toEqual(['openai-node', '6.49.0']);
    const exact = parseSdkChoice('anthropic-ts@1.7.3');
    expect(exact.ok && exact.choice.version).toBe('1.7.3');
    const bare = parseSdkChoice('anthropic-ts');
    expect(bare.ok && bare.choice.version).toBe('1.14.0');
    const py = parseSdkChoice('anthropic-python@0.46');
    expect(py.ok && py.choice.version).toBe('0.46.0');
  });

  it('names what it cannot read', () => {
    const unknown = parseSdkChoice('left-pad@1.0.0');
    expect(!unknown.ok && unknown.problem).toMatch(
      /Unknown SDK "left-pad@1.0.0"; known: openai-node/,
    );
    const bad = parseSdkChoice('openai-node@latest');
    expect(!bad.ok && bad.problem).toMatch(/"latest" is not/);
    expect(parseSdkChoice('openai-node@99').ok).toBe(false);
  });
});

describe('catalogs against the SDK model', () => {
  const catalogs = loadShippedCatalogs();

  it('maps catalog SDK lists to models by package and language', () => {
    expect(sdkIdForPackage('openai', 'Python')).toBe('openai-python');
    expect(sdkIdForPackage('openai', 'TypeScript / JavaScript')).toBe('openai-node');
    expect(sdkIdForPackage('@anthropic-ai/sdk', 'TypeScript')).toBe('anthropic-ts');
    expect(sdkIdForPackage('groq', 'Python')).toBeUndefined();
    const anthropic = catalogs.find((c) => c.id === 'anthropic')!;
    expect(sdksOfCatalog(anthropic).map((s) => s.id)).toEqual(['anthropic-python', 'anthropic-ts']);
  });

  // Every entry that names a modelled package must name, for each release line of each SDK of
  // that package, the class that line raises (by status; timeouts, connection errors and stream
  // errors by category), and no class that line does not have. The Vertex AI and Bedrock
  // clients of the anthropic package map statuses themselves (their catalogs cite them), so
  // only the main client's catalogs are read against the anthropic models.
  const ownClients: Record<string, readonly string[]> = {
    'vertex-ai': ['anthropic'],
    bedrock: ['anthropic'],
  };
  const cases = catalogs.flatMap((catalog) =>
    catalog.errors.flatMap((entry) =>
      SDKS.filter(
        (sdk) =>
          entry.sdkExceptions.some((x) => x.sdk === sdk.package) &&
          !ownClients[catalog.id]?.includes(sdk.package),
      ).flatMap((sdk) => versionLines(sdk).map((line) => ({ catalog, entry, sdk, line }))),
    ),
  );

  it('has entries to check', () => {
    expect(cases.length).toBeGreaterThan(300);
  });

  it.each(
    cases.map((c) => [`${c.catalog.id}/${c.entry.id}`, c.sdk.id, c.line.release, c] as const),
  )('%s with %s %s', (_name, _sdk, _release, { entry, sdk, line }) => {
    const expected = line.exceptions && modelClassFor(line.exceptions, entry);
    if (!expected) return;
    const facts = line.exceptions!;
    const known = new Set([
      ...Object.values(facts.byStatus),
      facts.serverError,
      facts.otherStatus,
      facts.connection,
      facts.timeout,
      facts.streamError,
    ]);
    const stated = entryExceptionsFor(entry, { sdk, version: line.release }).map(
      (x) => x.className,
    );
    expect(stated).toContain(expected);
    expect(stated.filter((name) => !known.has(name))).toEqual([]);
  });
});
