import type { RuleId } from '../rules';
import { applyEdits, JSONC_OPTIONS, MAX_JSON_DEPTH, modify, parseTree, propertiesOf, tooDeepAt, type Edit, type ParseError } from './json';
import type { RuleLevel } from './schema';

export type WrittenRuleLevel = { ok: true; value: string; edits: Edit[] } | { ok: false; error: string };

/**
 * `.prodready.json` with `"rules": { "<id>": "<level>" }` set, from its current text (undefined when there is no
 * file). The file is edited where the level goes (jsonc-parser's `modify`), so comments and every other line stay
 * as they are; a file that is not valid JSON is left alone.
 */
export function withRuleLevel(text: string | undefined, ruleId: RuleId, level: RuleLevel): WrittenRuleLevel {
  if (text === undefined || text.trim() === '') {
    const value = `${JSON.stringify({ rules: { [ruleId]: level } }, null, 2)}\n`;
    return { ok: true, value, edits: [{ offset: 0, length: text?.length ?? 0, content: value }] };
  }
  if (tooDeepAt(text) !== undefined) return { ok: false, error: `.prodready.json nests deeper than ${MAX_JSON_DEPTH} levels: fix it first.` };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, JSONC_OPTIONS);
  if (errors.length > 0 || !root) return { ok: false, error: '.prodready.json is not valid JSON: fix it first (its problems are listed in the editor).' };
  if (root.type !== 'object') return { ok: false, error: '.prodready.json must hold one JSON object: fix it first.' };
  const rules = propertiesOf(root).find(([key]) => key.value === 'rules')?.[1];
  if (rules && rules.type !== 'object') return { ok: false, error: '"rules" in .prodready.json is not an object: fix it first.' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, ['rules', ruleId], level, {
    formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol },
  });
  return { ok: true, value: applyEdits(text, edits), edits };
}
