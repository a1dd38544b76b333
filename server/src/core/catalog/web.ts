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
