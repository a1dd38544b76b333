import type { Rule } from './types';

export const air004AuditLog: Rule = {
  meta: {
    id: 'AIR004',
    name: 'ai-audit-log',
    category: 'O',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    docs: {
      summary: 'Each AI request leaves a record: model, request id, token usage, who asked.',
      why: 'When an answer is wrong, a bill jumps or an auditor asks who sent what to which model, the answer starts from a per-request record: model, request id, token usage, latency, user or tenant. Without it, incidents are guesswork and cost cannot be attributed.',
      severity:
        'Information in recommended: a missing record is bookkeeping a team adds over time, not a failure in production; a warning in strict.',
      url: 'docs/rules/AIR004.md',
    },
    fixable: 'safe',
    messages: {
      missing: 'Nothing records this {{sdk}} call. No log of its model, request id or token usage in {{where}}: incidents, cost reviews and audits start from that record.',
      addLog: 'Log the request after this call ({{fields}})',
    },
  },
  checkCallSite(site, context) {
    if (site.logged.audit) return;
    const sdk = context.sdkFacts(site)?.displayName ?? site.sdk;
    const where = site.enclosingFunction ? `${site.enclosingFunction}()` : 'this module';
    const fields = context.apiFacts(site)?.auditFields;
    const result = site.resultBinding?.name;
    const fixes =
      fields && result && site.statement && !site.streaming
        ? [
            {
              messageId: 'addLog',
              data: { fields: Object.keys(fields).join(', ') },
              edits: context.fixer.insertAfter(site.statement, { kind: 'audit-log', ...context.auditCall, event: 'ai.request', result, fields }),
            },
          ]
        : [];
    context.report({ messageId: 'missing', data: { sdk, where }, span: site.calleeSpan, fixes });
  },
};
