import type { Rule } from './types';

export const air006OutputBound: Rule = {
  meta: {
    id: 'AIR006',
    name: 'ai-output-bound',
    category: 'D',
    defaultSeverity: 'warning',
    docs: {
      summary: 'Generating calls bound the tokens the model may produce, with the option their API reads.',
      why: 'Without a bound, one runaway generation costs the model maximum in tokens and latency; cost has no ceiling.',
    },
    fixable: 'safe',
    messages: {
      missing: 'No output bound on this {{sdk}} {{api}} call: generation can run to the model maximum in tokens and cost. Set {{option}}.',
      addBound: 'Add {{option}}: {{tokens}}',
    },
  },
  checkCallSite(site, context) {
    const bound = context.apiFacts(site)?.outputBound;
    const body = site.targets.body;
    if (!bound || body?.kind !== 'object' || body.options.hasSpread) return;
    if (bound.accepted.some((name) => body.options.entries.has(name))) return;
    const facts = context.sdkFacts(site);
    if (!facts) return;
    const tokens = context.settings.maxOutputTokens;
    const data = { sdk: facts.displayName, api: site.api, option: bound.preferred, tokens };
    const edits = context.fixer.addOption(body, bound.preferred, { kind: 'integer', value: tokens });
    context.report({ messageId: 'missing', data, span: site.calleeSpan, fixes: [{ messageId: 'addBound', data, edits }] });
  },
};
