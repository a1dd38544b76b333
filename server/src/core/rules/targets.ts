import type { OptionPlace } from '../catalog';
import type { CallSite, OptionMap, OptionTarget, Span } from '../model';

/** Where fixes for options at `place` go: the body, the request options, or the client when it is built in this file. */
export function targetAt(site: CallSite, place: OptionPlace): OptionTarget | undefined {
  if (place === 'body') return site.targets.body;
  if (place === 'requestOptions') return site.targets.requestOptions;
  return site.client && site.client.file === site.file ? site.client.optionsTarget : undefined;
}

/** The options already written at `place`, as far as they are visible. */
export function optionsAt(site: CallSite, place: OptionPlace): OptionMap | undefined {
  if (place === 'client') return site.clientKnown ? site.client?.options : undefined;
  const target = place === 'body' ? site.targets.body : site.targets.requestOptions;
  return target?.kind === 'object' ? target.options : undefined;
}

/**
 * Where a finding about a missing option is shown: the options object it belongs in (at `place`, else the call's
 * body), so the callee does not collect every finding; the callee when no such object is written in the call.
 */
export function optionsSpan(site: CallSite, place: OptionPlace | undefined): Span {
  const atPlace = place && place !== 'client' ? (place === 'body' ? site.targets.body : site.targets.requestOptions) : undefined;
  const written = (target: OptionTarget | undefined) => target?.kind === 'object' && target.span.start >= site.span.start && target.span.end <= site.span.end;
  const object = [atPlace, site.targets.body].find(written);
  return object?.kind === 'object' ? object.span : site.calleeSpan;
}
