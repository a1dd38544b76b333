import type { RuleId } from '../rules';
import { applyEdits, configRootForEdit, modify, propertiesOf, type WrittenConfig } from './json';
import type { RuleLevel } from './schema';

/**
 * `.prodready.json` with `"rules": { "<id>": "<level>" }` set, from its current text (undefined when there is no
 * file). The file is edited where the level goes (jsonc-parser's `modify`), so comments and every other line stay
 * as they are; a file that is not valid JSON is left alone.
 */
export function withRuleLevel(text: string | undefined, ruleId: RuleId, level: RuleLevel): WrittenConfig {
  const opened = configRootForEdit(text, { rules: { [ruleId]: level } });
  if (!('root' in opened)) return opened;
  const { root } = opened;
  text = opened.text;
  const rules = propertiesOf(root).find(([key]) => key.value === 'rules')?.[1];
  if (rules && rules.type !== 'object') return { ok: false, error: '"rules" in .prodready.json is not an object: fix it first.' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, ['rules', ruleId], level, {
    formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol },
  });
  return { ok: true, value: applyEdits(text, edits), edits };
}
