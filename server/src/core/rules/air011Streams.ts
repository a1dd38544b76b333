import { addOptionAt } from '../model';
import { optionAt } from '../model';
import { optionsAt, targetAt } from './targets';
import type { SdkFacts } from '../catalog';
import type { CallSite, StreamResponse } from '../model';
import type { FixProposal, Rule, RuleContext } from './types';

export const air011Streams: Rule = {
  meta: {
    id: 'AIR011',
    name: 'ai-stream-handling',
    category: 'R',
    defaultSeverity: 'warning',
    strictSeverity: 'warning',
    docs: {
      summary: 'Streams stop when the client goes away and handle their own errors.',
      why: 'A stream not tied to its request keeps generating after the user closes the tab: you pay for tokens nobody reads while the connection slot stays busy. Stream errors arrive mid-response; with no handler the response just ends, the user sees a truncated answer, and nothing is logged.',
      severity:
        'A warning in recommended: a stream that outlives its client bills for nobody and hides its failures.',
      url: 'docs/rules/AIR011.md',
    },
    fixable: 'safe',
    messages: {
      notTiedUnhandled:
        'This {{sdk}} stream runs on after a disconnect and leaves its errors unhandled. Pass {{request}}.signal as {{option}}, or generation and billing go on for nobody; a failure mid-stream ends the response with nothing logged: {{handle}}.',
      notTied: 'This {{sdk}} stream keeps running when the client disconnects. Generation and billing go on for nobody: pass {{request}}.signal as {{option}}.',
      unhandledErrors: 'Errors in this {{sdk}} stream are not handled. A provider failure mid-stream ends the response with no message and nothing logged: {{handle}}.',
      addSignal: 'Abort the stream when the client disconnects ({{request}}.signal)',
      addOnError: 'Log stream errors ({{option}})',
      responseNotStoppedUnhandled:
        'This {{sdk}} stream runs on after a disconnect and leaves its errors unhandled. Sent by {{response}}, it bills for tokens nobody reads once the client is gone: {{stop}}. A failure mid-stream ends the response with no error event: catch it in {{reader}}.',
      responseNotStopped: 'This {{sdk}} stream keeps running when the client disconnects. Sent by {{response}}, it bills for tokens nobody reads: {{stop}}.',
      responseUnhandled: 'Errors in this {{sdk}} stream are not handled. A provider failure mid-stream ends the {{response}} with no error event and nothing logged: catch it in {{reader}}.',
      addDisconnectCheck: 'Stop reading the stream when the client disconnects ({{request}}.is_disconnected())',
    },
  },
  checkCallSite(site, context) {
    if (!site.streaming || !site.stream) return;
    const facts = context.sdkFacts(site);
    if (!facts) return;
    if (site.stream.response) return checkResponse(site, site.stream.response, context, facts);
    const tie = tieToRequest(site, context, facts);
    const { tryCatch, promiseCatch, errorCallback } = site.guarded;
    const errors = tryCatch || promiseCatch || errorCallback ? undefined : handleErrors(site, context, facts);
    if (!tie && !errors) return;
    // One finding per stream, with both problems in it: the signal fix is preferred, the error callback comes second.
    const messageId = tie && errors ? 'notTiedUnhandled' : tie ? 'notTied' : 'unhandledErrors';
    const fixes = [...(tie?.fixes ?? []), ...(errors?.fixes.map((fix) => ({ ...fix, alternative: Boolean(tie) })) ?? [])];
    context.report({ messageId, data: { sdk: facts.displayName, ...tie?.data, ...errors?.data }, span: site.calleeSpan, fixes });
  },
};

/** The stream is started inside a request handler but does not stop with it: the fix passes the request's signal. */
function tieToRequest(site: CallSite, context: RuleContext, facts: SdkFacts): { data: Record<string, string>; fixes: FixProposal[] } | undefined {
  const { signal, requestParam, signalFollowsRequest } = site.stream!;
  const signalRef = facts.timeout.signals[0];
  if (!requestParam || signalFollowsRequest || !signalRef) return undefined;
  const requestSignal = { object: requestParam, property: 'signal' };
  const target = targetAt(site, signalRef.place);
  const lookup = optionAt(optionsAt(site, signalRef.place), signalRef.path);
  const existing = 'found' in lookup ? lookup.found : undefined;
  const edits =
    existing && signal
      ? context.fixer.setOption(existing, { kind: 'any-signal', first: requestSignal, existing: signal })
      : target
        ? addOptionAt(context.fixer, target, signalRef.path, { kind: 'property', ...requestSignal })
        : [];
  const data = { request: requestParam, option: signalRef.path };
  return { data, fixes: edits.length > 0 ? [{ messageId: 'addSignal', data, edits }] : [] };
}

/** Nothing handles the stream's errors: the fix passes the SDK's error callback where it has one. */
function handleErrors(site: CallSite, context: RuleContext, facts: SdkFacts): { data: Record<string, string>; fixes: FixProposal[] } {
  const errorOption = facts.errorOptions[0];
  const body = site.targets.body;
  const fixes: FixProposal[] =
    errorOption && body
      ? [
          {
            messageId: 'addOnError',
            data: { option: errorOption },
            edits: context.fixer.addOption(body, errorOption, { kind: 'error-callback', call: 'console.error', event: 'ai.stream.failed' }),
          },
        ]
      : [];
  return { data: { handle: errorOption ? `pass ${errorOption}` : 'read it inside try/catch' }, fixes };
}

/**
 * A stream a streaming response sends (Python): the generator reading it lets go of it when the client leaves and
 * catches its errors. The fix checks for the client at the top of the generator's `async for`, where the request is in scope.
 */
function checkResponse(site: CallSite, response: StreamResponse, context: RuleContext, facts: SdkFacts): void {
  const { stopsOnDisconnect, errorsHandled, disconnectCheck, canCheckDisconnect, generator } = response;
  if (stopsOnDisconnect && errorsHandled) return;
  const messageId = !stopsOnDisconnect && !errorsHandled ? 'responseNotStoppedUnhandled' : !stopsOnDisconnect ? 'responseNotStopped' : 'responseUnhandled';
  const stop = !generator
    ? 'read it in a generator that stops with the client and closes the stream'
    : canCheckDisconnect
      ? `check \`await ${disconnectCheck?.request ?? 'request'}.is_disconnected()\` in the loop of ${generator}(), or close the stream when ${generator}() is cancelled`
      : `close the stream when ${generator}() is closed: \`with\`, or \`finally:\` closing it`;
  const data = { sdk: facts.displayName, response: response.name, stop, reader: generator ? `${generator}()` : 'a generator around it' };
  const check = !stopsOnDisconnect && disconnectCheck ? context.fixer.insertAfter(disconnectCheck.at, { kind: 'break-if-disconnected', request: disconnectCheck.request }) : [];
  const fixes: FixProposal[] = check.length > 0 ? [{ messageId: 'addDisconnectCheck', data: { request: disconnectCheck!.request }, edits: check }] : [];
  context.report({ messageId, data, span: site.calleeSpan, fixes });
}
