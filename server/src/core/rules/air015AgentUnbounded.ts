import { UNBOUNDED_VALUE } from '../catalog/agentLoops';
import { optionAt } from '../model';
import type { LoopBoundFacts } from '../catalog';
import type { CallSite, OptionEntry } from '../model';
import { optionsAt } from './targets';
import type { Rule, RuleContext } from './types';

export const air015AgentUnbounded: Rule = {
  meta: {
    id: 'AIR015',
    name: 'ai-agent-unbounded',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Agent and tool loops stop after a bounded number of model requests.',
      why: 'An agent loop ends when the model stops asking for tools. A confused model, a tool that keeps failing, or an injected instruction can keep it asking forever: every turn is another paid request with a longer context, the user waits on a request that never answers, and one conversation can spend a day\'s budget. A step or turn cap turns that into a bounded, reportable failure.',
      severity: 'A warning in both presets: a loop with no cap is a cost and availability incident waiting for one bad answer.',
      url: 'docs/rules/AIR015.md',
    },
    fixable: 'review',
    messages: {
      handWritten: 'This loop runs {{sdk}} tool calls with no iteration cap. A model that keeps asking for tools keeps it going, one paid request after another: count the turns and stop at a limit.',
      liftedCap: '{{option}}: {{value}} lifts the {{sdk}} loop cap. A model that keeps asking for tools runs the loop without end: give a finite limit (the default is {{default}}).',
      noStepCondition: 'No {{option}} condition here counts {{sdk}} steps. The tool loop runs as long as the model keeps calling tools: add {{step}}(n) to the conditions.',
      restoreDefault: 'Cap the loop at the SDK default ({{option}}: {{default}})',
    },
  },
  checkCallSite(site, context) {
    const facts = context.sdkFacts(site);
    const sdk = facts?.displayName ?? site.sdk;
    if (site.agentLoop && !site.agentLoop.bounded) context.report({ messageId: 'handWritten', data: { sdk }, span: site.agentLoop.span });
    for (const bound of context.apiFacts(site)?.loopBounds ?? []) checkBound(site, context, bound, sdk);
  },
};

function checkBound(site: CallSite, context: RuleContext, bound: LoopBoundFacts, sdk: string): void {
  // A client built in another file is judged there, where its options can be shown and fixed.
  if (bound.option.place === 'client' && site.client?.file !== site.file) return;
  const lookup = optionAt(optionsAt(site, bound.option.place), bound.option.path);
  const entry = 'found' in lookup ? lookup.found : undefined;
  if (!entry) return;
  if (bound.stepConditions) {
    if (!stopsWithoutCounting(entry, bound.stepConditions)) return;
    context.report({ messageId: 'noStepCondition', data: { sdk, option: bound.option.path, step: bound.stepConditions[0] }, span: entry.span });
    return;
  }
  const value = liftedValue(entry);
  if (value === undefined) return;
  const data = { sdk, option: bound.option.path, value, default: bound.default };
  const fixes = [{ messageId: 'restoreDefault', data, edits: context.fixer.setOption(entry, { kind: 'integer', value: bound.default }) }];
  context.report({ messageId: 'liftedCap', data, span: entry.span, fixes });
}

/** Stop conditions written out (calls, an array of them) with none that counts steps; a variable is not judged. */
function stopsWithoutCounting(entry: OptionEntry, stepConditions: readonly string[]): boolean {
  if (entry.value.kind !== 'expression') return false;
  const text = entry.value.text;
  return text.includes('(') && !stepConditions.some((name) => text.includes(name));
}

/** `Infinity`, `Number.MAX_SAFE_INTEGER`, `float("inf")`, or `None` (no cap) as the value. */
function liftedValue(entry: OptionEntry): string | undefined {
  const { value } = entry;
  if (value.kind === 'null') return 'None';
  if (value.kind === 'number' && !Number.isFinite(value.value)) return String(value.value);
  return value.kind === 'expression' && UNBOUNDED_VALUE.test(value.text.trim()) ? value.text.trim() : undefined;
}
