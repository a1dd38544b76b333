import { addOptionAt, type FixValue } from '../model';
import { describeDuration } from './describe';
import { optionsSpan, targetAt } from './targets';
import type { FixProposal, Rule } from './types';

export const air001Timeout: Rule = {
  meta: {
    id: 'AIR001',
    name: 'ai-call-timeout',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Every AI call is bounded by an explicit timeout or abort signal.',
      why: 'A provider incident rarely fails fast: requests hang. With the SDK default of 10 minutes (or no limit at all), each hung call holds a request handler, a socket and a user for that long, times the retries; under load that exhausts worker pools and connection limits, and an outage of the model becomes an outage of the whole service.',
      severity:
        'A warning in recommended: a call that can hang for minutes is what a production review blocks.',
      url: 'docs/rules/AIR001.md',
    },
    fixable: 'safe',
    messages: {
      sdkDefault: 'No timeout: this {{sdk}} call can wait {{defaultTimeout}} for a stalled request. That is the SDK default per attempt, and retries multiply it; set an explicit timeout.',
      undocumentedDefault: 'No timeout: this {{sdk}} call waits as long as its SDK lets it. The SDK documents no default; set an explicit timeout.',
      none: 'No timeout: a stalled request to this {{sdk}} call waits with no limit. {{remedy}}',
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
    const client = site.client?.constructorName ?? facts.displayName;
    const remedy = site.language === 'python' ? 'Set a timeout (or wrap the call in asyncio.wait_for).' : 'Pass an abort signal or a timeout.';
    const data = { sdk: facts.displayName, defaultTimeout: describeDuration(timeout.value), duration: describeDuration(ms), client, remedy };
    const duration: FixValue = { kind: 'duration', ms, unit: facts.timeout.unit };
    const fixes: FixProposal[] = [];

    const fix = facts.timeout.fix;
    const target = fix && targetAt(site, fix.at.place);
    if (timeout.option && timeout.option.value.kind === 'null') {
      // `timeout=None` written out: replace the None rather than add a second timeout.
      fixes.push({ messageId: timeout.option.span.start >= site.span.start && timeout.option.span.end <= site.span.end ? 'addToCall' : 'addToClient', edits: context.fixer.setOption(timeout.option, duration) });
    } else if (fix && target) {
      const value: FixValue = fix.kind === 'duration' ? duration : { kind: 'abort-timeout', ms };
      const edits = addOptionAt(context.fixer, target, fix.at.path, value);
      if (edits.length > 0) fixes.push({ messageId: fix.at.place === 'client' ? 'addToClient' : 'addToCall', edits });
    }
    const clientFix = facts.timeout.clientFix;
    // A model object (`ai.chats.create(…)`) does not take the client's options: the second fix needs the client itself.
    const ownClient = !site.client || facts.clientTransforms?.[site.client.constructorName] !== 'model-object';
    const clientTarget = clientFix && ownClient && fix?.at.place !== 'client' && !timeout.option ? targetAt(site, clientFix.place) : undefined;
    if (clientFix && clientTarget) {
      // Changes every call through that client, so it is offered but never preferred.
      const edits = addOptionAt(context.fixer, clientTarget, clientFix.path, duration);
      if (edits.length > 0) fixes.push({ messageId: 'addToClient', edits, alternative: true });
    }
    const messageId = timeout.source === 'none' ? 'none' : timeout.value === undefined ? 'undocumentedDefault' : 'sdkDefault';
    context.report({ messageId, data, span: optionsSpan(site, fix?.at.place), fixes });
  },
};
