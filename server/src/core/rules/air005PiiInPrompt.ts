import type { FixProposal, Rule } from './types';

/** The redaction function a fix creates, named in each language's style. */
const HELPER = { ts: 'redactPII', js: 'redactPII', python: 'redact_pii' } as const;

export const air005PiiInPrompt: Rule = {
  meta: {
    id: 'AIR005',
    name: 'ai-pii-in-prompt',
    category: 'U',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Personal data is redacted before it reaches a prompt.',
      why: 'A prompt leaves your boundary: the provider processes it and may log and retain it, under its contract and jurisdiction rather than yours. Personal data in prompts makes every AI feature a data-processing question and a breach risk; written to logs as well, it outlives the request.',
      severity:
        'A warning in recommended: personal data sent to a provider is what a security or privacy review blocks.',
      url: 'docs/rules/AIR005.md',
    },
    fixable: 'review',
    messages: {
      pii: 'Personal data ({{hints}}) goes into this prompt unredacted. It leaves for the model provider, its logs and its retention: redact it first.',
      wrap: 'Redact with {{redactor}}()',
      createAndWrap: 'Add a {{redactor}}() helper to this file and redact with it',
      logged: 'This log writes personal data ({{hints}}) verbatim. {{text}} is the same value that goes into the prompt, and logs are kept longer and read more widely than prompts.',
    },
  },
  checkCallSite(site, context) {
    const reportedLogs = new Set<number>();
    for (const input of site.promptInputs) {
      if (input.piiHints.length === 0 || input.redactedBy) continue;
      // A log mentioning the whole chain (`user` and `email` for `user.email`) writes the same value.
      const chain = input.accessPath ?? [];
      for (const log of site.logged.calls) {
        if (chain.length === 0 || !chain.every((name) => log.mentions.includes(name)) || reportedLogs.has(log.span.start)) continue;
        reportedLogs.add(log.span.start);
        context.report({ messageId: 'logged', data: { text: input.text, hints: input.piiHints.join(', ') }, span: log.span });
      }
      const existing = context.redactorInScope;
      const fix: FixProposal = existing
        ? { messageId: 'wrap', data: { redactor: existing }, edits: context.fixer.wrapInCall(input.span, existing) }
        : {
            messageId: 'createAndWrap',
            data: { redactor: HELPER[site.language] },
            edits: [...context.fixer.wrapInCall(input.span, HELPER[site.language]), ...context.fixer.addRedactor(HELPER[site.language])],
          };
      context.report({ messageId: 'pii', data: { hints: input.piiHints.join(', ') }, span: input.span, fixes: [fix] });
    }
  },
};
