import type { FixValue } from '../fixes';
import { describeDuration } from './describe';
import type { FixProposal, Rule } from './types';

export const air001Timeout: Rule = {
  meta: {
    id: 'AIR001',
    name: 'ai-call-timeout',
    category: 'R',
    defaultSeverity: 'warning',
    docs: {
      summary: 'Every AI call is bounded by an explicit timeout or abort signal.',
      why: 'SDK defaults wait up to 10 minutes (or forever); a stalled provider then holds requests, workers and sockets until users give up.',
    },
    fixable: 'safe',
    messages: {
      sdkDefault:
        'No timeout on this {{sdk}} call: it waits up to {{defaultTimeout}} (the SDK default) for a stalled request, and retries multiply that. Set an explicit timeout.',
      none: 'No timeout on this {{sdk}} call: a stalled request waits with no limit. Pass an abort signal or a timeout.',
      addToCall: 'Add a {{duration}} timeout to this call',
      addToClient: 'Add a {{duration}} timeout to the {{client}} client',
    },
  },
  checkCallSite(site, context) {
    const timeout = site.effective.timeout;
    if (timeout.source !== 'sdk-default' && timeout.source !== 'none') return;
    const facts = context.sdkFacts(site);
    if (!facts) return;
    const ms = context.settings.timeoutMs;
    const data = { sdk: facts.displayName, defaultTimeout: describeDuration(timeout.value), duration: describeDuration(ms) };
    const fixes: FixProposal[] = [];

    const callTarget = facts.timeout.fixPlace === 'body' ? site.targets.body : site.targets.requestOptions;
    const byDuration = facts.timeout.fixWith === 'duration' && facts.timeout.option;
    const callOption = byDuration ? facts.timeout.option : facts.timeout.signalOptions[0];
    const callValue: FixValue = byDuration ? { kind: 'duration', ms, unit: facts.timeout.unit } : { kind: 'abort-timeout', ms };
    if (callTarget && callOption) {
      fixes.push({ messageId: 'addToCall', data, edits: context.fixer.addOption(callTarget, callOption, callValue) });
    }

    const client = site.client;
    if (client?.optionsTarget && client.file === site.file && facts.timeout.places.includes('client') && facts.timeout.option) {
      fixes.push({
        messageId: 'addToClient',
        data: { ...data, client: client.constructorName },
        edits: context.fixer.addOption(client.optionsTarget, facts.timeout.option, { kind: 'duration', ms, unit: facts.timeout.unit }),
        alternative: true,
      });
    }
    context.report({ messageId: timeout.source === 'none' ? 'none' : 'sdkDefault', data, span: site.calleeSpan, fixes });
  },
};
