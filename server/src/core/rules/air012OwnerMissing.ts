import type { Rule } from './types';

export const air012OwnerMissing: Rule = {
  meta: {
    id: 'AIR012',
    name: 'ai-owner-missing',
    category: 'P',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    docs: {
      summary: 'Every AI call has a named owner: an `@owner` tag, a `.prodready.json` ownership rule or a CODEOWNERS line.',
      why: 'When the model starts answering badly, the bill doubles or a user asks what happened to their data, somebody has to answer. An AI call nobody owns is the one nobody is paged for, and the one whose prompt anyone may change.',
      severity:
        'Information in recommended: naming owners is governance the ownership map and checklist track for the whole project; a warning in strict.',
      url: 'docs/rules/AIR012.md',
    },
    messages: {
      unowned:
        'No owner for this {{sdk}} call. Nobody is named to answer for its failures, cost or data: add an `@owner` tag above it, a path rule under "ownership" in .prodready.json, or a CODEOWNERS line for {{file}}.',
    },
  },
  checkCallSite(site, context) {
    // Until the project names owners anywhere, the readiness checklist asks for it once instead of every call.
    if (!context.ownershipDeclared || site.owner) return;
    const sdk = context.sdkFacts(site)?.displayName ?? site.sdk;
    const file = site.file.replace(/\\/g, '/').split('/').pop() ?? site.file;
    context.report({ messageId: 'unowned', data: { sdk, file }, span: site.calleeSpan });
  },
};
