import type { Rule } from './types';

export const air002Retries: Rule = {
  meta: {
    id: 'AIR002',
    name: 'ai-call-retries',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'AI calls keep a retry policy for rate limits and transient provider errors.',
      why: 'Hosted models answer 429 (rate limited) and transient 5xx routinely, most of all at peak hours. Without a retry with backoff, each of those answers becomes an error for a user, a failed job or a half-written batch.',
      severity:
        'A warning in recommended: with retries off, every rate limit is a user-facing failure, which a production review blocks.',
      url: 'docs/rules/AIR002.md',
    },
    fixable: 'review',
    messages: {
      disabled: 'Retries are off for this {{sdk}} call ({{setting}}{{where}}). One rate limit (429) or transient 5xx fails the request.',
      noDefault: 'This {{sdk}} call has no retry policy. {{sdk}} does not retry by default, so one rate limit (429) or transient 5xx fails the request: configure retries or wrap the call in a retry helper.',
      allowRetries: 'Allow {{retries}} retries',
    },
  },
  checkCallSite(site, context) {
    const retries = site.effective.retries;
    if (retries.value !== 0) return;
    const facts = context.sdkFacts(site);
    if (!facts) return;
    const option = retries.option;
    if (!option) {
      context.report({ messageId: 'noDefault', data: { sdk: facts.displayName }, span: site.calleeSpan });
      return;
    }
    const written = option.value.kind === 'number' ? option.value.value : 0;
    const wanted = context.settings.retries + (facts.retries.counts === 'attempts' ? 1 : 0);
    const setting = site.language === 'python' ? `${option.name}=${written}` : `${option.name}: ${written}`;
    const data = { sdk: facts.displayName, setting, retries: context.settings.retries };
    const fix = { messageId: 'allowRetries', data, edits: context.fixer.setOption(option, { kind: 'integer', value: wanted }) };
    if (retries.source === 'client') {
      // The option lives on the client; report at the call so each affected call is visible, fix where it is written.
      const fixes = site.client?.file === site.file ? [fix] : [];
      context.report({ messageId: 'disabled', data: { ...data, where: ', on the client' }, span: site.calleeSpan, fixes });
      return;
    }
    context.report({ messageId: 'disabled', data: { ...data, where: '' }, span: option.span, fixes: [fix] });
  },
};
