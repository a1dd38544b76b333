import * as z from 'zod/mini';
import { applyEdits, modify, parseTree, type JSONPath } from './json';
import { configSchema, editorPresetSchema, editorRulesSchema } from './schema';

// The files generated from the declaration in schema.ts. Pure: text in, text out. `npm run generate`
// (scripts/generate-config.mjs) writes them; test/unit/configGenerated.test.ts fails when one is stale.
// Only the generator and that test import this module, so the JSON schema code stays out of the bundles.

const JSON_SCHEMA_ID = 'https://prodready.dev/schemas/prodready.schema.json';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.core.$ZodType): JsonSchema {
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'throw' }) as JsonSchema;
}

/** Without `propertyNames: { type: "string" }`, which every JSON key already is. */
function withoutStringKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStringKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([key, field]) => !(key === 'propertyNames' && JSON.stringify(field) === '{"type":"string"}'));
  return Object.fromEntries(entries.map(([key, field]) => [key, withoutStringKeys(field)]));
}

/** schemas/prodready.schema.json: what VS Code validates and completes `.prodready.json` with. */
export function configJsonSchema(): JsonSchema {
  const { $schema, title, description, ...rest } = withoutStringKeys(toJsonSchema(configSchema)) as JsonSchema;
  return { $schema, $id: JSON_SCHEMA_ID, title, description, ...rest };
}

/** The `prodready.rules` setting as package.json contributes it: one property per rule. */
export function editorRulesSetting(): JsonSchema {
  const { type, properties, additionalProperties, markdownDescription } = toJsonSchema(editorRulesSchema);
  // Each rule's keys in the order VS Code's settings editor shows them best: what it is, then what it says.
  const rules = Object.entries(properties as Record<string, JsonSchema>).map(([id, rule]) => [id, { type: rule.type, enum: rule.enum, default: rule.default, markdownDescription: rule.markdownDescription }]);
  return { scope: 'resource', type, default: {}, additionalProperties, properties: Object.fromEntries(rules), markdownDescription };
}

/** The `prodready.preset` setting as package.json contributes it. */
export function editorPresetSetting(): JsonSchema {
  const { type, enum: values, default: fallback, markdownDescription } = toJsonSchema(editorPresetSchema);
  return { scope: 'resource', type, enum: values, default: fallback, markdownDescription };
}

const SETTINGS: readonly [JSONPath, () => JsonSchema][] = [
  [['contributes', 'configuration', 'properties', 'prodready.rules'], editorRulesSetting],
  [['contributes', 'configuration', 'properties', 'prodready.preset'], editorPresetSetting],
];

/** package.json with its `prodready.rules` and `prodready.preset` settings generated, and nothing else changed. */
export function packageJsonWithSettings(text: string): string {
  if (!parseTree(text)) throw new Error('package.json is not JSON');
  const indent = /\n( +)"/.exec(text)?.[1].length ?? 2;
  const formattingOptions = { insertSpaces: true, tabSize: indent, eol: '\n' };
  return SETTINGS.reduce((current, [at, setting]) => applyEdits(current, modify(current, at, setting(), { formattingOptions })), text);
}

/** Each generated file (relative to the repository root), from its current text to what it should be. */
export const GENERATED_FILES: readonly { file: string; generate(current: string | undefined): string }[] = [
  { file: 'schemas/prodready.schema.json', generate: () => `${JSON.stringify(configJsonSchema(), null, 2)}\n` },
  {
    file: 'package.json',
    generate: (current) => {
      if (current === undefined) throw new Error('package.json is missing');
      return packageJsonWithSettings(current);
    },
  },
];
