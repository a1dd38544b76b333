import { isRuleId, LEVELS, PRESETS, type Preset, type RuleId, type RuleLevel } from '../core';

/** The `prodready.*` settings of one resource, as the client contributes them. */
export interface EditorSettings {
  enable: boolean;
  rules: Partial<Record<RuleId, RuleLevel>>;
  exclude: string[];
  debounceMs: number;
  /** `workspace`: Problems lists every file's findings; `openFiles`: only open editors'. */
  scope: 'workspace' | 'openFiles';
  /** The rule levels' preset where `.prodready.json` names none. */
  preset: Preset;
  /** A data file with newer prices and lifecycle entries (relative to the workspace folder); '' for none. */
  dataFile: string;
}

export const defaultEditorSettings: EditorSettings = { enable: true, rules: {}, exclude: [], debounceMs: 200, scope: 'workspace', preset: 'recommended', dataFile: '' };

/** The levels that override; `default` (the other value the `prodready.rules` setting declares) means the config's level. */
const OVERRIDES = new Set<string>(LEVELS);

/** Settings arrive as untyped JSON: keep what is valid, drop the rest (`default` means the config's level). */
export function readEditorSettings(raw: unknown): EditorSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const rules: EditorSettings['rules'] = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, level] of Object.entries(value.rules as Record<string, unknown>)) {
      if (isRuleId(id) && typeof level === 'string' && OVERRIDES.has(level)) rules[id] = level as RuleLevel;
    }
  }
  return {
    enable: value.enable !== false,
    rules,
    exclude: Array.isArray(value.exclude) ? value.exclude.filter((glob): glob is string => typeof glob === 'string') : [],
    debounceMs: typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? Math.min(value.debounceMs, 5000) : defaultEditorSettings.debounceMs,
    scope: value.scope === 'openFiles' ? 'openFiles' : 'workspace',
    preset: PRESETS.find((preset) => preset === value.preset) ?? defaultEditorSettings.preset,
    dataFile: typeof value.dataFile === 'string' ? value.dataFile.trim() : '',
  };
}
