// Facts about web frameworks' incoming requests: where user input enters a handler (Next.js, Express, Hono,
// FastAPI, Flask, Django).

/** Types of an incoming fetch `Request` in route handlers; its `.signal` aborts when the client goes away. */
export const FETCH_REQUEST_TYPES: ReadonlySet<string> = new Set(['Request', 'NextRequest']);

/** The conventional names of a handler's request parameter. */
export const REQUEST_NAME = /^(req|request)$/i;

/** Reads of a TS/JS request's body or query: `req.json()`, `request.formData()`, `req.body`, `req.query`. */
export const REQUEST_READS_TS = /^(json|formData|text|body|query|params)$/;

/** Reads of a Python request's body or query: Flask `request.json`/`form`/`args`, FastAPI, Django. */
export const REQUEST_READS_PYTHON = /^(json|form|args|body|values|get_json|data|query_params|files)$/;

/**
 * Python responses that send an iterator's items to the client as they are produced, by the module(s) that export
 * them and the argument that takes the iterator. `disconnectCheck`: the framework's request can be asked whether the
 * client is still there (Starlette's `async def is_disconnected(self) -> bool`, starlette/requests.py; FastAPI
 * re-exports Starlette's request and responses). Django has no such call: its streaming responses stop only when the
 * server closes the iterator.
 */
export const PYTHON_STREAMING_RESPONSES: readonly { name: string; modules: readonly string[]; content: string; disconnectCheck: boolean }[] = [
  { name: 'StreamingResponse', modules: ['fastapi.responses', 'starlette.responses'], content: 'content', disconnectCheck: true },
  // sse-starlette's README imports it from `sse_starlette`; older releases from `sse_starlette.sse`.
  { name: 'EventSourceResponse', modules: ['sse_starlette', 'sse_starlette.sse'], content: 'content', disconnectCheck: true },
  { name: 'StreamingHttpResponse', modules: ['django.http', 'django.http.response'], content: 'streaming_content', disconnectCheck: false },
];

/** Python request types that have `is_disconnected()`: Starlette's `Request` as FastAPI and Starlette export it. */
export const PYTHON_DISCONNECT_REQUESTS: readonly { name: string; modules: readonly string[] }[] = [{ name: 'Request', modules: ['fastapi', 'fastapi.requests', 'starlette.requests'] }];

/** The method that asks a Python request whether the client is gone. */
export const PYTHON_DISCONNECT_CHECK = 'is_disconnected';

/** What a generator catches when its client goes away: the task is cancelled (ASGI) or the generator closed (WSGI). */
export const PYTHON_CANCELLATION_ERRORS: ReadonlySet<string> = new Set(['CancelledError', 'GeneratorExit']);
