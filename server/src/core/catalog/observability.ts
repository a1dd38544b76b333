// Observability facts the readiness checklist reads: which packages trace model calls, and how code reads usage and time.

/** Tracing and LLM-observability packages, as npm and PyPI name them. */
export const TRACING_PACKAGES =
  /^(@opentelemetry\/|@vercel\/otel$|langfuse|@langfuse\/|langsmith$|@helicone\/|helicone$|@traceloop\/|traceloop|@arizeai\/|openinference|arize-phoenix|dd-trace$|ddtrace$|braintrust$|weave$|lunary$|opentelemetry-)/;

/** Tracing set up in code: the Vercel AI SDK's telemetry, Helicone's proxy, LangSmith and Langfuse wrappers, spans. */
export const TRACING_IN_CODE = /experimental_telemetry|oai\.helicone\.ai|anthropic\.helicone\.ai|\bwrapOpenAI\(|\btraceable\(|\bobserveOpenAI\(|@observe\b|\bstartActiveSpan\(|\btracer\.startSpan\(/;

/**
 * Tracing wrappers that return the function they are given, traced (`traceable(fn, config)`, `observe(fn)`,
 * `wrapTraced(fn)`, Python's `@traceable` and `@observe()`): calling the result calls the function, model requests
 * included. By module (npm or Python import path) and export.
 */
const FUNCTION_TRACERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['langsmith/traceable', ['traceable']],
  ['@langfuse/tracing', ['observe']],
  ['braintrust', ['wrapTraced']],
  // Python decorators: `@traceable` (LangSmith), `@observe()` (Langfuse v3 and the v2 `langfuse.decorators`).
  ['langsmith', ['traceable']],
  ['langsmith.run_helpers', ['traceable']],
  ['langfuse', ['observe']],
  ['langfuse.decorators', ['observe']],
]);

export function isFunctionTracer(module: string, exportName: string): boolean {
  return FUNCTION_TRACERS.get(module)?.includes(exportName) ?? false;
}

/**
 * Steps that trace the callback they run, prompts and token counts included: Inngest's `step.ai.wrap(id, fn)`.
 * The step object comes from a handler's context, so the call is known by its path.
 */
export const TRACING_STEPS: readonly { path: string; callback: number }[] = [{ path: 'ai.wrap', callback: 1 }];

/** Reads of a response's token usage (what a request cost), in the field names the SDKs use. */
export const TOKEN_USAGE =
  /\.usage\b|\busage\??\.(total_tokens|prompt_tokens|completion_tokens|input_tokens|output_tokens|inputTokens|outputTokens|totalTokens|promptTokens|completionTokens)\b|\busage_metadata\b|\busageMetadata\b|\btokenUsage\b/;

/** Latency measured around a call: timers, histograms, duration fields. */
export const LATENCY =
  /performance\.now\(\)|process\.hrtime|console\.time\(|\.startTimer\(|\bhistogram\b|Histogram\(|\blatency_?ms\b|\blatencyMs\b|\bdurationMs\b|\bduration_ms\b|time\.perf_counter\(\)|time\.monotonic\(\)/i;
