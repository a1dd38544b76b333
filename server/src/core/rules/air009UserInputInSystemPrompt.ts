import type { Rule } from './types';

export const air009UserInputInSystemPrompt: Rule = {
  meta: {
    id: 'AIR009',
    name: 'ai-user-input-in-system-prompt',
    category: 'U',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Request data goes into user messages, never into system or developer instructions.',
      why: 'The system prompt is obeyed as instructions, so whoever controls part of it can rewrite them ("ignore the policy", "reveal the other tenant\'s data", "call the refund tool"): prompt injection. Text in a user message still reaches the model, but models are trained to give system instructions precedence over it.',
      severity:
        'A warning in recommended: prompt injection into instructions is what a security review blocks.',
      url: 'docs/rules/AIR009.md',
    },
    fixable: 'review',
    messages: {
      demote: 'Send it as a user message (role: "user")',
      injected: 'Request data goes into the {{role}} prompt: prompt injection. Whoever sends {{text}} can rewrite the model\'s instructions: pass it in a user message instead.',
    },
  },
  checkCallSite(site, context) {
    for (const input of site.promptInputs) {
      if (input.source !== 'request' || (input.role !== 'system' && input.role !== 'developer')) continue;
      // Safe to rewrite only when the request value is the whole message: then it moves to the user role intact.
      const message = input.message;
      const fixes = message?.wholeContent ? [{ messageId: 'demote', edits: context.fixer.replaceString(message.roleSpan, 'user') }] : [];
      context.report({ messageId: 'injected', data: { text: input.text, role: input.role }, span: input.span, fixes });
    }
  },
};
