import { graphFactsOf } from '../catalog';
import { UNBOUNDED_VALUE } from '../catalog/agentLoops';
import { addOptionAt, optionAt } from '../model';
import type { LoopBoundFacts } from '../catalog';
import type { CallSite, GraphRun, OptionEntry } from '../model';
import { optionsAt, optionsSpan, targetAt } from './targets';
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
      weakDefault: 'No {{option}}: {{sdk}} stops a run only after {{default}} steps. That is thousands of paid model requests if the model keeps calling tools: give the run a cap that fits it.',
      noStepCondition: 'No {{option}} condition here counts {{sdk}} steps. The tool loop runs as long as the model keeps calling tools: add {{step}}(n) to the conditions.',
      restoreDefault: 'Cap the loop at the SDK default ({{option}}: {{default}})',
      setCap: 'Cap the loop at {{cap}} steps ({{option}}: {{cap}})',
    },
  },
  checkCallSite(site, context) {
    const facts = context.sdkFacts(site);
    const sdk = facts?.displayName ?? site.sdk;
    if (site.agentLoop && !site.agentLoop.bounded) context.report({ messageId: 'handWritten', data: { sdk }, span: site.agentLoop.span });
    for (const bound of context.apiFacts(site)?.loopBounds ?? []) checkBound(site, context, bound, sdk);
  },
  checkFile(facts, context) {
    for (const run of facts.graphRuns ?? []) checkGraphRun(run, context);
  },
};

/**
 * A graph built by hand runs until it reaches an end node, so one without a cycle is bounded whatever its cap: only
 * a cap lifted in the run config is reported, not a missing one.
 */
function checkGraphRun(run: GraphRun, context: RuleContext): void {
  const facts = graphFactsOf(run);
  if (!facts) return;
  const lookup = optionAt(run.config, facts.stepBound.option.path);
  if ('found' in lookup) reportLifted(context, lookup.found, facts.stepBound, facts.displayName);
}

function checkBound(site: CallSite, context: RuleContext, bound: LoopBoundFacts, sdk: string): void {
  // A client built in another file is judged there, where its options can be shown and fixed.
  if (bound.option.place === 'client' && site.client?.file !== site.file) return;
  const options = optionsAt(site, bound.option.place);
  if (!options) return;
  const lookup = optionAt(options, bound.option.path);
  if ('missing' in lookup) {
    if (bound.advised !== undefined) reportWeakDefault(site, context, bound, bound.advised, sdk);
    return;
  }
  const entry = 'found' in lookup ? lookup.found : undefined;
  if (!entry) return;
  if (bound.stepConditions) {
    if (!stopsWithoutCounting(entry, bound.stepConditions)) return;
    context.report({ messageId: 'noStepCondition', data: { sdk, option: bound.option.path, step: bound.stepConditions[0] }, span: entry.span });
    return;
  }
  reportLifted(context, entry, bound, sdk);
}

/** The cap written as a value that lifts it: the fix writes the advised cap, else the SDK default. */
function reportLifted(context: RuleContext, entry: OptionEntry, bound: LoopBoundFacts, sdk: string): void {
  const value = liftedValue(entry, bound.noneLifts === true);
  if (value === undefined) return;
  const cap = bound.advised ?? bound.default;
  const data = { sdk, option: bound.option.path, value, default: bound.default, cap };
  const fixes = [{ messageId: bound.advised === undefined ? 'restoreDefault' : 'setCap', data, edits: context.fixer.setOption(entry, { kind: 'integer', value: cap }) }];
  context.report({ messageId: 'liftedCap', data, span: entry.span, fixes });
}

/** The option left out where the SDK's default cap is too high to stop a runaway run: the fix writes the advised cap. */
function reportWeakDefault(site: CallSite, context: RuleContext, bound: LoopBoundFacts, cap: number, sdk: string): void {
  const data = { sdk, option: bound.option.path, default: bound.default, cap };
  const target = targetAt(site, bound.option.place);
  const edits = target ? addOptionAt(context.fixer, target, bound.option.path, { kind: 'integer', value: cap }) : [];
  context.report({ messageId: 'weakDefault', data, span: optionsSpan(site, bound.option.place), fixes: edits.length > 0 ? [{ messageId: 'setCap', data, edits }] : [] });
}

/** Stop conditions written out (calls, an array of them) with none that counts steps; a variable is not judged. */
function stopsWithoutCounting(entry: OptionEntry, stepConditions: readonly string[]): boolean {
  if (entry.value.kind !== 'expression') return false;
  const text = entry.value.text;
  return text.includes('(') && !stepConditions.some((name) => text.includes(name));
}

/** `Infinity`, `Number.MAX_SAFE_INTEGER`, `float("inf")`, or `None` where the SDK reads it as no cap. */
function liftedValue(entry: OptionEntry, noneLifts: boolean): string | undefined {
  const { value } = entry;
  if (value.kind === 'null') return noneLifts ? 'None' : undefined;
  if (value.kind === 'number' && !Number.isFinite(value.value)) return String(value.value);
  return value.kind === 'expression' && UNBOUNDED_VALUE.test(value.text.trim()) ? value.text.trim() : undefined;
}
