import type { Rule } from './types';

export const air014OutputToSink: Rule = {
  meta: {
    id: 'AIR014',
    name: 'ai-output-to-sink',
    category: 'U',
    defaultSeverity: 'error',
    strictSeverity: 'error',
    docs: {
      summary: 'Model output never reaches code evaluation, a shell, string-built SQL or trusted HTML unchecked.',
      why: 'Model output is attacker-controlled: a prompt injection in a document, a web page or a user message can make the model answer with a shell command, a SQL fragment or a script tag. Passed to eval, a shell, a query string or innerHTML, that answer runs with the application\'s rights: remote code execution, data theft, or cross-site scripting for every user who sees the page (OWASP LLM05, improper output handling).',
      severity: 'An error in both presets: one injected answer is enough to run code, read the database or script the page, and no fix is safe to apply blindly.',
      url: 'docs/rules/AIR014.md',
    },
    judgesWrapperCalls: true,
    messages: {
      code: 'Model output from {{source}} runs as code in {{sink}}. An injected answer runs with the server\'s rights: map the answer to allowed actions instead of evaluating it.',
      shell: 'Model output from {{source}} reaches a shell in {{sink}}. An injected answer runs any command: pick the program from an allow-list and pass the output as one argument, without a shell.',
      sql: 'Model output from {{source}} is built into SQL for {{sink}}. An injected answer rewrites the query: pass the value as a query parameter.',
      html: 'Model output from {{source}} is parsed as HTML by {{sink}}. An injected answer scripts the page: render it as text, or sanitise it (DOMPurify) first.',
      template: 'Model output from {{source}} is trusted as markup by {{sink}}. An injected answer scripts the page or the template engine: let the template escape it.',
    },
  },
  checkCallSite(site, context) {
    const source = site.sdk === 'wrapper' ? `${site.api}()` : (context.sdkFacts(site)?.displayName ?? site.sdk);
    for (const sink of site.outputUse.sinks) {
      context.report({ messageId: sink.kind, data: { source, sink: sink.name }, span: sink.span });
    }
  },
};
