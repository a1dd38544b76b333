import { addOptionAt } from '../model';
import { optionAt } from '../model';
import { optionsAt, optionsSpan, targetAt } from './targets';
import type { Rule } from './types';

export const air006OutputBound: Rule = {
  meta: {
    id: 'AIR006',
    name: 'ai-output-bound',
    category: 'D',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Generating calls bound the tokens the model may produce, with the option their API reads.',
      why: 'Output tokens are the expensive ones and the slow ones. Without a bound, one runaway generation (a loop, an injected request for "the full text", a model that does not stop) costs the model\'s maximum and holds the request for its full duration: cost has no ceiling, and no budget can be signed off.',
      severity:
        'A warning in recommended: an unbounded output is an unbounded cost, which a production review blocks.',
      url: 'docs/rules/AIR006.md',
    },
    fixable: 'safe',
    messages: {
      missing: 'No output bound on this {{sdk}} {{api}} call. Generation can run to the model maximum in tokens and cost: set {{option}}.',
      addBound: 'Add {{assignment}}',
    },
  },
  checkCallSite(site, context) {
    const bound = context.apiFacts(site)?.outputBound;
    if (!bound) return;
    for (const ref of bound.accepted) {
      const options = optionsAt(site, ref.place);
      // Options we cannot see may hold the bound: stay silent rather than guess.
      if (!options) return;
      const lookup = optionAt(options, ref.path);
      if (!('missing' in lookup)) return;
    }
    const facts = context.sdkFacts(site);
    if (!facts) return;
    const tokens = context.settings.maxOutputTokens;
    const option = bound.preferred.path;
    const data = { sdk: facts.displayName, api: site.api, option, tokens, assignment: site.language === 'python' ? `${option}=${tokens}` : `${option}: ${tokens}` };
    const target = targetAt(site, bound.preferred.place);
    const edits = target ? addOptionAt(context.fixer, target, bound.preferred.path, { kind: 'integer', value: tokens }) : [];
    const fixes = edits.length > 0 ? [{ messageId: 'addBound', data, edits }] : [];
    context.report({ messageId: 'missing', data, span: optionsSpan(site, bound.preferred.place), fixes });
  },
};
