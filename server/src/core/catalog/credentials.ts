/**
 * Recognising a credential written into source. Any non-placeholder literal given to a key option counts;
 * these placeholders are what docs and samples use and are not secrets.
 */
const PLACEHOLDER = [
  /^$/,
  /^\s+$/,
  /^<[^>]*>$/,
  /^\$\{[^}]*\}$/,
  /^(x+|\*+|\.+|-+)$/i,
  /^(your|my)[-_ ]?([a-z]+[-_ ])*(api[-_ ]?)?(key|token|secret)(-here)?$/i,
  /^(sk|sk-ant|gsk)[-_]?(\.\.\.|x+|\*+)$/i,
  /^(placeholder|changeme|change-me|replace-me|dummy|fake|test|example|none|null|undefined|todo)([-_ ].*)?$/i,
];

/**
 * Keys that local and self-hosted OpenAI-compatible servers ask clients to send: the SDKs refuse an empty key, the
 * servers ignore it. From each server's own docs: Ollama (`ollama`, "required but ignored"), vLLM (`EMPTY`, and
 * `token-abc123` in its `--api-key` examples), LM Studio (`lm-studio`), llama.cpp's server (`sk-no-key-required`).
 */
export const LOCAL_SERVER_KEYS: readonly string[] = ['ollama', 'EMPTY', 'token-abc123', 'lm-studio', 'lmstudio', 'sk-no-key-required', 'no-key', 'not-needed', 'not-used', 'local', 'vllm', 'llamacpp', 'llama.cpp', 'jan', 'localai'];

const LOCAL_SERVER_KEY_SET = new Set(LOCAL_SERVER_KEYS.map((key) => key.toLowerCase()));

export function isPlaceholderKey(value: string): boolean {
  const trimmed = value.trim();
  return LOCAL_SERVER_KEY_SET.has(trimmed.toLowerCase()) || PLACEHOLDER.some((pattern) => pattern.test(trimmed));
}

/** Client options that point it at another server (dotted paths, as credential options are written). */
export const BASE_URL_OPTIONS: readonly string[] = ['baseURL', 'baseUrl', 'base_url', 'configuration.baseURL', 'configuration.baseUrl', 'endpoint', 'host', 'api_base', 'openai_api_base'];

/** Hosts that are this machine or a container beside it: a server there is local or self-hosted. */
const LOCAL_HOST = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[\w-]+\.localhost)$/i;

/** True for a base URL that names a local server (`http://localhost:11434/v1`, `http://127.0.0.1:8000`). */
export function isLocalBaseUrl(url: string): boolean {
  const host = /^[a-z][\w+.-]*:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(url.trim())?.[1] ?? /^(localhost|127\.[\d.]+|0\.0\.0\.0)(?::\d+)?(?:\/|$)/i.exec(url.trim())?.[1];
  return host !== undefined && LOCAL_HOST.test(host);
}

/**
 * The shape of a provider's real key (`sk-proj-…`, `sk-ant-…`, `gsk_…`, `xai-…`, `AIza…`): a key like that is a
 * secret even when the client talks to a local proxy. Anything else given to a local server is a dummy.
 */
const PROVIDER_KEY = /^(sk-(proj-|ant-|svcacct-)?[\w-]{20,}|gsk_\w{20,}|xai-\w{20,}|AIza[\w-]{30,}|r8_\w{20,}|hf_\w{20,})$/;

export function looksLikeProviderKey(value: string): boolean {
  return PROVIDER_KEY.test(value.trim());
}

/** Reads of the process environment in TS/JS and Python source: a model id from there is set at deploy time. */
const ENVIRONMENT_READ = /^(process\.env\.|os\.environ|os\.getenv\()/;

export function readsEnvironment(expression: string | undefined): boolean {
  return expression !== undefined && ENVIRONMENT_READ.test(expression);
}
