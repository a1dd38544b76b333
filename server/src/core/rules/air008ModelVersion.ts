import type { Span } from '../model';
import type { Rule, RuleContext } from './types';

export const air008ModelVersion: Rule = {
  meta: {
    id: 'AIR008',
    name: 'ai-model-version',
    category: 'D',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Calls name a pinned, supported model snapshot.',
      why: 'The provider moves an alias to a new snapshot on its own schedule: output format, refusals, latency and price change in production without a deploy, and last month\'s evaluations no longer describe what runs. A retired model fails every request from its retirement date; a deprecated one soon will.',
      severity:
        'A warning in recommended: a floating or retired model changes or fails in production without a deploy; a model read unchecked from the environment is information.',
      url: 'docs/rules/AIR008.md',
    },
    fixable: 'safe',
    messages: {
      floating: 'Model "{{model}}" is a floating alias. The provider moves it to new snapshots and behaviour changes without a deploy: pin "{{pinned}}".',
      floatingUnpinned: 'Model "{{model}}" is a floating alias. The provider moves it to new snapshots and behaviour changes without a deploy: pin a dated snapshot.',
      floatingDeprecated: 'Model "{{model}}" floats over a deprecated snapshot. "{{pinned}}" will be retired: move to "{{replacement}}".',
      deprecated: 'Model "{{model}}" is deprecated and will be retired. Calls will start failing: move to "{{replacement}}".',
      retired: 'Model "{{model}}" was retired on {{since}}: every call to it fails. Move to "{{replacement}}".',
      unchecked: 'The model comes unchecked from {{expression}}. A typo or a retired id fails only at run time: validate it against the models you support.',
      pin: 'Pin to "{{pinned}}"',
      replace: 'Switch to "{{replacement}}" (review: a different model)',
    },
  },
  checkCallSite(site, context) {
    const model = site.model;
    if (!model?.span) return;
    if (model.candidates) {
      // A model set at run time whose values are all visible: each value is judged where it is written. One
      // written in a type is reported without a fix: pinning it there changes what every caller may pass.
      for (const candidate of model.candidates) judge(context, candidate.value, candidate.span ?? model.span, candidate.span !== undefined && !candidate.declared);
      return;
    }
    // A default read where the other values are open (`opts.model ?? 'gpt-4o'`) is still judged.
    if (model.value !== undefined) judge(context, model.value, model.span, true);
    else if (model.dynamic && model.fromEnvironment) {
      context.report({ messageId: 'unchecked', data: { expression: model.expression! }, span: model.span, milder: true });
    }
  },
};

/** Reports a floating, deprecated or retired model written at `span`, with the fixes that rewrite it there. */
function judge(context: RuleContext, value: string, span: Span, fixable: boolean): void {
  const found = context.models.lookup(value);
  if (!found) return;
  const { entry, prefix } = found;
  const replaceFix = (replacement: string, alternative: boolean) => ({
    messageId: 'replace',
    data: { replacement },
    edits: context.fixer.replaceString(span, prefix + replacement),
    alternative,
  });
  if (entry.status === 'floating') {
    if (!entry.pinned) {
      context.report({ messageId: 'floatingUnpinned', data: { model: value }, span });
      return;
    }
    const pinnedEntry = context.models.lookup(entry.pinned)?.entry;
    if (pinnedEntry && pinnedEntry.status !== 'floating' && pinnedEntry.replacement) {
      const data = { model: value, pinned: entry.pinned, replacement: pinnedEntry.replacement };
      context.report({ messageId: 'floatingDeprecated', data, span, fixes: fixable ? [replaceFix(pinnedEntry.replacement, true)] : [] });
      return;
    }
    const data = { model: value, pinned: entry.pinned };
    const pin = { messageId: 'pin', data, edits: context.fixer.replaceString(span, prefix + entry.pinned) };
    context.report({ messageId: 'floating', data, span, fixes: fixable ? [pin] : [] });
    return;
  }
  const replacement = entry.replacement ?? 'a supported model';
  const data = { model: value, replacement, since: entry.since ?? 'an announced date' };
  const fixes = fixable && entry.replacement ? [replaceFix(entry.replacement, true)] : [];
  context.report({ messageId: entry.status, data, span, fixes });
}
