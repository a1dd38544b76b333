import { addOptionAt } from '../model';
import { optionAt } from '../model';
import { optionsAt, targetAt } from './targets';
import type { Rule } from './types';


export const air011Streams: Rule = {
  meta: {
    id: 'AIR011',
    name: 'ai-stream-handling',
    category: 'R',
    defaultSeverity: 'warning',
    docs: {
      summary: 'Streams stop when the client goes away and handle their own errors.',
      why: 'A stream not tied to its request keeps generating after the user closes the tab: you pay for tokens nobody reads while the connection slot stays busy. Stream errors arrive mid-response; with no handler the response just ends, the user sees a truncated answer, and nothing is logged.',
      url: 'docs/rules/AIR011.md',
    },
    fixable: 'safe',
    messages: {
      notTied: 'This {{sdk}} stream keeps running when the client disconnects: generation and billing go on for nobody. Pass {{request}}.signal as {{option}}.',
      unhandledErrors: 'Errors in this {{sdk}} stream are not handled: a provider failure mid-stream ends the response with no message and nothing logged.{{hint}}',
      addSignal: 'Abort the stream when the client disconnects ({{request}}.signal)',
      addOnError: 'Log stream errors ({{option}})',
    },
  },
  checkCallSite(site, context) {
    if (!site.streaming || !site.stream) return;
    const facts = context.sdkFacts(site);
    if (!facts) return;
    const sdk = facts.displayName;
    const { signal, requestParam, signalFollowsRequest } = site.stream;
    const signalRef = facts.timeout.signals[0];

    if (requestParam && !signalFollowsRequest && signalRef) {
      const requestSignal = { object: requestParam, property: 'signal' };
      const target = targetAt(site, signalRef.place);
      const options = optionsAt(site, signalRef.place);
      const lookup = optionAt(options, signalRef.path);
      const existing = 'found' in lookup ? lookup.found : undefined;
      const edits =
        existing && signal
          ? context.fixer.setOption(existing, { kind: 'any-signal', first: requestSignal, existing: signal })
          : target
            ? addOptionAt(context.fixer, target, signalRef.path, { kind: 'property', ...requestSignal })
            : [];
      const fixes = edits.length > 0 ? [{ messageId: 'addSignal', data: { request: requestParam }, edits }] : [];
      context.report({ messageId: 'notTied', data: { sdk, request: requestParam, option: signalRef.path }, span: site.calleeSpan, fixes });
    }

    const { tryCatch, promiseCatch, errorCallback } = site.guarded;
    if (tryCatch || promiseCatch || errorCallback) return;
    const errorOption = facts.errorOptions[0];
    const body = site.targets.body;
    const fixes =
      errorOption && body
        ? [
            {
              messageId: 'addOnError',
              data: { option: errorOption },
              edits: context.fixer.addOption(body, errorOption, { kind: 'error-callback', call: 'console.error', event: 'ai.stream.failed' }),
            },
          ]
        : [];
    const hint = errorOption ? ` Pass ${errorOption}.` : ' Read it inside try/catch.';
    context.report({ messageId: 'unhandledErrors', data: { sdk, hint }, span: site.calleeSpan, fixes });
  },
};
