/** Builds public/replay/scenario.schema.json from the zod schema replay scenarios are parsed with. */
import * as z from 'zod/mini';
import { scenarioSchema } from '../src/core/replay/scenario-schema';

export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

export function scenarioSchemaJson(): string {
  const json = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, $id: SCENARIO_SCHEMA_FILE, title: 'LLM Error Explorer replay scenario' }, null, 2)}\n`;
}
