import type { Rule } from './types';

export const air010UnvalidatedOutput: Rule = {
  meta: {
    id: 'AIR010',
    name: 'ai-unvalidated-output',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Structured model output is checked against a schema before it is used.',
      why: 'Even in JSON mode, models now and then return malformed JSON, missing fields, wrong types or extra prose. Unchecked, that fails far from the call (an undefined in a template, a wrong row in the database) instead of at the boundary, where a retry or a fallback could handle it.',
      severity:
        'A warning in recommended: an off-schema answer fails far from the call, in production, where nothing can retry it.',
      url: 'docs/rules/AIR010.md',
    },
    fixable: 'review',
    messages: {
      validate: 'Validate with {{schema}}.parse()',
      unvalidated: 'Model output is parsed with {{parser}} and used without a schema check. One malformed or off-schema answer from {{sdk}} breaks {{where}}: use {{structured}}, or validate the parsed value.',
    },
  },
  checkCallSite(site, context) {
    const facts = context.sdkFacts(site);
    for (const parse of site.outputUse.jsonParses) {
      if (parse.validatedBy) continue;
      const data = {
        sdk: facts?.displayName ?? site.sdk,
        where: site.enclosingFunction ? `${site.enclosingFunction}()` : 'the caller',
        structured: facts?.structuredOutput ?? 'a schema',
        parser: site.language === 'python' ? 'json.loads' : 'JSON.parse',
      };
      // Only where the code already names the schema the value should match: a placeholder schema would hide the problem.
      const fixes = parse.schema
        ? [{ messageId: 'validate', data: { schema: parse.schema }, edits: context.fixer.wrapInCall(parse.span, `${parse.schema}.parse`) }]
        : [];
      context.report({ messageId: 'unvalidated', data, span: parse.span, fixes });
    }
  },
};
