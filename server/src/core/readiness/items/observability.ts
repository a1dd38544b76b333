import { item, presence, siteShare, withoutFinding } from '../item';
import { metricsEvidence, tracingEvidence } from '../signals';
import type { ReadinessItem } from '../types';
import type { WorkspaceView } from '../workspace';

export function observabilityItems(view: WorkspaceView): ReadinessItem[] {
  const tracing = tracingEvidence(view);
  const { usage, latency } = metricsEvidence(view);
  const missing = [usage.length === 0 && 'token usage (cost)', latency.length === 0 && 'latency'].filter(Boolean);
  return [
    siteShare(view, {
      id: 'O.audit',
      category: 'O',
      title: 'Requests audit-logged',
      ...withoutFinding('AIR004'),
      toPass: 'log model, request id and token usage after each call (AIR004 quick fix).',
    }),
    presence(
      {
        id: 'O.tracing',
        category: 'O',
        title: 'Tracing present',
        toPass: 'Trace model calls: OpenTelemetry, Langfuse, LangSmith, Helicone, or the Vercel AI SDK\'s experimental_telemetry.',
      },
      tracing,
      [...new Set(tracing.map((entry) => entry.label))].slice(0, 4).join(', '),
      'No tracing library or telemetry set up (OpenTelemetry, Langfuse, LangSmith, Helicone…).',
    ),
    item({
      id: 'O.metrics',
      category: 'O',
      title: 'Cost and latency recorded',
      status: missing.length === 0 ? 'pass' : 'fail',
      summary: missing.length === 0 ? 'Token usage and latency are read in the AI modules.' : `Not recorded: ${missing.join(' and ')}.`,
      evidence: [...usage, ...latency],
      toPass: `Record ${missing.join(' and ')} for each model request (e.g. usage.total_tokens and a timer around the call, sent to your metrics).`,
    }),
  ];
}
