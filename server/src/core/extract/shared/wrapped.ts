import type { CallSite, WrappedCall } from '../../model';

/** The AI call a site makes, as callers of its function see it (a wrapper passes its inner call on). */
export function wrappedCallOf(site: CallSite): WrappedCall {
  if (site.wraps) return site.wraps;
  const { file, span, sdk, api, operation, streaming, effective, guarded } = site;
  return { file, span, sdk, api, operation, streaming, model: site.model?.value, effective, guarded, audited: site.logged.audit };
}
