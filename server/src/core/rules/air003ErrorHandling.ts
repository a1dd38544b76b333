import { isLangChainChatModel } from '../catalog/langchain/typescript';
import type { CallSite, CatchHandling } from '../model';
import type { FixProposal, Rule, RuleContext } from './types';

const WHAT_IT_DOES: Record<Exclude<CatchHandling, 'fallback' | 'error-response'>, string> = {
  rethrow: 'rethrows',
  'log-only': 'logs and carries on',
  empty: 'swallows the error',
};


/** For a LangChain chat model, `.withFallbacks([other])` with each other chat model held by a module-level const. */
function langChainFallbacks(site: CallSite, context: RuleContext): FixProposal[] {
  const primary = site.client;
  if (site.sdk !== 'langchain' || !primary || !isLangChainChatModel(primary.constructorName)) return [];
  const member = site.api.slice(site.api.lastIndexOf('.') + 1);
  return context.clients
    // Declared before the call, so the name is initialised wherever the call runs.
    .filter((client) => client !== primary && client.sdk === 'langchain' && client.boundTo && isLangChainChatModel(client.constructorName) && client.span.end < site.span.start)
    .map((client) => {
      const fallback = client.boundTo!;
      return { messageId: 'withFallbacks', data: { fallback }, edits: context.fixer.insertBeforeMember(site.calleeSpan, member, `.withFallbacks([${fallback}])`) };
    })
    .filter((fix) => fix.edits.length > 0);
}

export const air003ErrorHandling: Rule = {
  meta: {
    id: 'AIR003',
    name: 'ai-error-handling',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'AI calls have a failure path: a catch with a fallback or a degraded answer.',
      why: 'Providers time out, rate-limit and have outages. An unhandled failure becomes a 500 for the user, a crashed worker or a half-finished batch, and the provider\'s incident becomes yours; a fallback (another model, a cached answer, a clear "try again" message) keeps the feature partly working.',
      severity:
        'A warning in recommended when nothing catches the failure (a review blocks it); a catch that only logs or rethrows is information, one step milder.',
      url: 'docs/rules/AIR003.md',
    },
    fixable: 'review',
    messages: {
      unhandled: 'No error handling: a timeout or outage throws straight out of {{where}}. A rate limit or outage of {{sdk}} becomes yours: catch it and degrade (a fallback model, a cached answer, a clear message).',
      noFallback: 'This {{handler}} {{what}}: the {{sdk}} call has no fallback. When the provider fails there is no alternative answer or user-facing degradation.',
      wrap: 'Wrap in {{construct}} (then write the fallback in the {{handler}})',
      withFallbacks: 'Fall back to {{fallback}} with .withFallbacks([{{fallback}}])',
    },
  },
  checkCallSite(site, context) {
    // TS streams fail while being read, not when started: AIR011 judges them. A Python stream call sends the
    // request and raises on an HTTP error (429, 5xx) where it is made, so it is judged here like any call.
    if (site.streaming && site.language !== 'python') return;
    const { tryCatch, promiseCatch, errorCallback, fallback, helper } = site.guarded;
    // An error answer (a 5xx, `{ error }`) is a degradation the user sees: handled, though the checklist wants a real fallback.
    if (fallback || helper || promiseCatch || errorCallback || tryCatch?.handling === 'fallback' || tryCatch?.handling === 'error-response') return;
    const sdk = context.sdkFacts(site)?.displayName ?? site.sdk;
    const python = site.language === 'python';
    const words = { construct: python ? 'try/except' : 'try/catch', handler: python ? 'except' : 'catch' };
    if (tryCatch) {
      context.report({ messageId: 'noFallback', data: { sdk, what: WHAT_IT_DOES[tryCatch.handling], ...words }, span: tryCatch.span, milder: true });
      return;
    }
    const where = site.enclosingFunction ? `${site.enclosingFunction}()` : 'this module';
    const fixes = [...langChainFallbacks(site, context)];
    if (site.statement) fixes.push({ messageId: 'wrap', data: words, edits: context.fixer.wrapInTryCatch(site.statement) });
    context.report({ messageId: 'unhandled', data: { sdk, where }, span: site.calleeSpan, fixes });
  },
};
