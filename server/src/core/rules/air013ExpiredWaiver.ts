import { isExpired } from '../model';
import type { Rule } from './types';

export const air013ExpiredWaiver: Rule = {
  meta: {
    id: 'AIR013',
    name: 'ai-waiver-expired',
    category: 'U',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    docs: {
      summary: 'A waiver with an end date stops applying on that date and is reported.',
      why: 'Waivers are how a team ships a known gap on purpose. Without an end date that is enforced, "we will add the timeout after the pilot" becomes permanent, and nobody remembers who agreed to it.',
      severity:
        'Information in recommended: the findings the waiver covered are reported again at their own severity; the waiver itself is bookkeeping. A warning in strict.',
      url: 'docs/rules/AIR013.md',
    },
    messages: {
      expired: 'This waiver of {{rules}} expired on {{until}}{{owner}}. The findings it covered are reported again: fix them or renew the waiver with a new date and reason.',
    },
  },
  checkFile(facts, context) {
    for (const waiver of facts.suppressions) {
      if (!isExpired(waiver, context.today)) continue;
      const rules = waiver.ruleIds.size > 0 ? [...waiver.ruleIds].join(', ') : 'all rules';
      const owner = waiver.owner ? ` (owner ${waiver.owner})` : '';
      context.report({ messageId: 'expired', data: { rules, until: waiver.until ?? '', owner }, span: waiver.span });
    }
  },
};
