// Facts about agent and tool loops: how a hand-written loop shows that it runs the model's tool calls, what names a
// counter, and which written values lift an SDK's cap. Each SDK's own cap (option, default) is in its ApiFacts
// (`loopBounds`), checked where noted there.

/**
 * Fields and block types through which the answer asks for tools: OpenAI `tool_calls` / `function_call`, Anthropic
 * content blocks of type `tool_use` (and `stop_reason == "tool_use"`), Gemini `functionCalls`, Vercel `toolCalls`.
 */
export const TOOL_CALL_FIELDS: ReadonlySet<string> = new Set(['tool_calls', 'toolCalls', 'tool_use', 'function_call', 'functionCall', 'functionCalls', 'function_calls', 'requires_action']);

/** Names of loop counters and caps (`step < MAX_STEPS`, `turns >= maxTurns`, `i < 10`), read from either end of the name. */
const COUNTER_START = /^_?(step|turn|iter|round|attempt|hop|loop|depth|count|tries|max|limit)/i;
const COUNTER_END = /(steps?|turns?|iterations?|rounds?|attempts?|hops?|loops?|depth|count|tries|max|limit)$/i;
const SHORT_COUNTERS: ReadonlySet<string> = new Set(['i', 'j', 'k', 'n']);

export function isCounterName(name: string): boolean {
  return SHORT_COUNTERS.has(name) || COUNTER_START.test(name) || COUNTER_END.test(name);
}

/** Values that lift a numeric cap: `Infinity`, `Number.MAX_SAFE_INTEGER`, `float("inf")`, `math.inf`, `sys.maxsize`. */
export const UNBOUNDED_VALUE = /^(Infinity|Number\.(POSITIVE_INFINITY|MAX_SAFE_INTEGER|MAX_VALUE)|float\(\s*["'](inf|infinity)["']\s*\)|math\.inf|sys\.maxsize)$/i;
