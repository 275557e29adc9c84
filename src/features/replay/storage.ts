/**
 * The scenarios a user saves, kept in `localStorage` under one key with a schema version:
 * `{ "version": 1, "scenarios": [ReplayScenario, …] }`. Reading never throws: a corrupt entry is
 * reported and left untouched (the user may want it back), and a scenario that no longer passes
 * the schema is reported by its place and skipped.
 */
import { parseScenario } from '../../core/replay/scenario-schema';
import type { ReplayScenario } from '../../core/replay/types';

export const STORAGE_KEY = 'llm-error-explorer:replay-scenarios';
export const STORAGE_VERSION = 1;

export interface SavedScenarios {
  readonly scenarios: readonly ReplayScenario[];
  /** What could not be read, in words; empty when all is well. */
  readonly problems: readonly string[];
  /** The stored text could not be used at all: saving would overwrite it. */
  readonly corrupt: boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // Access denied (privacy settings, sandboxed frame).
  }
}

export function readSaved(storage: StorageLike | undefined = defaultStorage()): SavedScenarios {
  if (!storage) return { scenarios: [], problems: [], corrupt: false };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (error) {
    return {
      scenarios: [],
      problems: [`The browser refused to read saved scenarios: ${String(error)}`],
      corrupt: false,
    };
  }
  if (text === null) return { scenarios: [], problems: [], corrupt: false };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      scenarios: [],
      problems: [`Your saved scenarios (localStorage "${STORAGE_KEY}") are not valid JSON.`],
      corrupt: true,
    };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return {
      scenarios: [],
      problems: [`Your saved scenarios (localStorage "${STORAGE_KEY}") are not an object.`],
      corrupt: true,
    };
  const record = data as { version?: unknown; scenarios?: unknown };
  if (record.version !== STORAGE_VERSION)
    return {
      scenarios: [],
      problems: [
        `Your saved scenarios have version ${JSON.stringify(record.version)}; this page reads version ${STORAGE_VERSION}.`,
      ],
      corrupt: true,
    };
  if (!Array.isArray(record.scenarios))
    return {
      scenarios: [],
      problems: ['Your saved scenarios have no "scenarios" list.'],
      corrupt: true,
    };
  const scenarios: ReplayScenario[] = [];
  const problems: string[] = [];
  record.scenarios.forEach((item, i) => {
    const parsed = parseScenario(item);
    if (parsed.ok) scenarios.push(parsed.scenario);
    else {
      const first = parsed.problems[0];
      problems.push(
        `Saved scenario ${i + 1} was skipped: ${first ? `${first.path}: ${first.message}` : 'it is not a scenario'}.`,
      );
    }
  });
  return { scenarios, problems, corrupt: false };
}

function write(scenarios: readonly ReplayScenario[], storage: StorageLike | undefined): void {
  if (!storage) throw new Error('this browser does not let the page keep data');
  storage.setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, scenarios }));
}

/** Save (or replace, by id) one scenario; returns the new list. Throws when storage refuses. */
export function saveScenario(
  scenario: ReplayScenario,
  storage: StorageLike | undefined = defaultStorage(),
): readonly ReplayScenario[] {
  const current = readSaved(storage);
  if (current.corrupt)
    throw new Error('the saved scenarios could not be read; clear them first (nothing was saved)');
  const next = [...current.scenarios.filter((s) => s.id !== scenario.id), scenario];
  write(next, storage);
  return next;
}

export function deleteSaved(
  id: string,
  storage: StorageLike | undefined = defaultStorage(),
): readonly ReplayScenario[] {
  const current = readSaved(storage);
  if (current.corrupt) throw new Error('the saved scenarios could not be read; clear them first');
  const next = current.scenarios.filter((s) => s.id !== id);
  write(next, storage);
  return next;
}

/** Drop whatever is stored (the way out of a corrupt entry). */
export function clearSaved(storage: StorageLike | undefined = defaultStorage()): void {
  storage?.removeItem(STORAGE_KEY);
}
