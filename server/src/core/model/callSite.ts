import type { Language, Span } from './span';

export type { Language, Span };

// The call-site model: what extractors produce and every rule, view and report reads.
// Positions are UTF-16 offsets into the file text; surfaces convert them to lines and columns.

export type SdkId =
  | 'openai'
  | 'anthropic'
  | 'vercel-ai'
  | 'langchain'
  | 'bedrock'
  | 'google-genai'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'ollama'
  | 'litellm'
  | 'huggingface'
  | 'openai-agents'
  | 'inngest'
  | 'volcengine-ark'
  | 'zhipuai'
  | 'together'
  | 'http'
  | 'wrapper';

export type Operation = 'chat' | 'completion' | 'embedding' | 'image' | 'audio' | 'moderation' | 'other';

/** How an option's value was written, as far as a static read can tell. */
export type OptionValue =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'object'; options: OptionMap; target?: OptionTarget }
  | { kind: 'expression'; text: string };

export interface OptionEntry {
  name: string;
  /** The whole `name: value` (or `name=value`) entry. */
  span: Span;
  valueSpan: Span;
  value: OptionValue;
  /** Where a string value really lives when it came through a same-file constant. */
  resolvedFrom?: Span;
}

/** The options written in one object literal (or keyword argument list). */
export interface OptionMap {
  entries: Map<string, OptionEntry>;
  /** A spread (`...opts`, `**kwargs`) means options we cannot see; rules must not assume absence. */
  hasSpread: boolean;
}

/**
 * A place where options can be added: an existing object literal, or an argument slot that has none yet.
 * Language fixers read it to build edits; rules only name it.
 */
export type OptionTarget =
  | {
      kind: 'object';
      span: Span;
      options: OptionMap;
      multiline: boolean;
      /** Indentation of the entries, for inserting one more. */
      indent: string;
      lastEntryEnd?: number;
      trailingComma: boolean;
      /** How entries are written: `name: value` (TS objects), `name=value` (Python keyword arguments), `"name": value` (Python dicts). */
      syntax?: 'object' | 'kwargs' | 'dict';
    }
  | { kind: 'missing-argument'; insertAt: number; needsSeparator: boolean; indent: string };

export type EffectiveSource = 'call' | 'client' | 'wrapper' | 'sdk-default' | 'none' | 'unknown';

export interface EffectiveSetting {
  source: EffectiveSource;
  /** Milliseconds for timeouts, attempts after the first for retries, when known. */
  value?: number;
  /** The option that set it, when written in code. */
  option?: OptionEntry;
  /** A cancellation signal stands in for a timeout (`signal`, `abortSignal`). */
  viaSignal?: boolean;
  /** The helper that provides it when the source is 'wrapper' (`pRetry`, `withRetry`). */
  by?: string;
}

export interface ClientConstruction {
  id: string;
  sdk: SdkId;
  /** The constructor or factory as written (`OpenAI`, `AzureOpenAI`, `createOpenAI`). */
  constructorName: string;
  /** The import the constructor came from (`openai`, `@ai-sdk/openai`). */
  module: string;
  file: string;
  span: Span;
  /** Options that carry a credential (dotted paths), a key given as an argument, and the variable the SDK reads. */
  credentials: { options: string[]; env: string; argument?: OptionEntry };
  /** Present when the constructor was given an object literal, or a slot to add one. */
  options: OptionMap;
  optionsTarget?: OptionTarget;
  /** The module-level name that holds the client, when there is one (`const gpt = new ChatOpenAI()`). */
  boundTo?: string;
}

export interface ModelRef {
  value?: string;
  span?: Span;
  /** The model was given as an expression whose value is not known statically. */
  dynamic?: boolean;
  /** That expression's source text, e.g. `process.env.MODEL`. */
  expression?: string;
  /** The expression reads the environment (`process.env.MODEL`, `os.environ["MODEL"]`). */
  fromEnvironment?: boolean;
  /**
   * Every value a model set at run time can take, when all of them are visible (`big ? 'a' : 'b'`, a parameter
   * typed `'a' | 'b'`, a constant); absent when any branch is open (the environment, an untyped parameter).
   */
  candidates?: ModelCandidate[];
}

export interface ModelCandidate {
  value: string;
  /** Where the value is written, when it is in this file. */
  span?: Span;
  /** Written in a type (`model: 'gpt-4o' | 'gpt-4o-mini'`): changing it there changes what callers may pass. */
  declared?: boolean;
}

/**
 * What the catch around a call does with a failure: answers with an alternative (`fallback`: another model, a
 * cached or default answer), answers with an error (`error-response`: a 5xx, `{ error }`), rethrows, only logs, or
 * nothing. Both answers handle the failure; only the first keeps the feature working.
 */
export type CatchHandling = 'fallback' | 'error-response' | 'rethrow' | 'log-only' | 'empty';

export interface Guarded {
  /** A fallback the SDK runs itself (LangChain `withFallbacks`). */
  fallback?: string;
  /** The innermost try/catch around the call within its own function; `span` is the handler's header (`catch (e)`, `except X:`). */
  tryCatch?: { span: Span; handling: CatchHandling };
  /** `.catch(…)` or `.then(ok, fail)` on the call's promise. */
  promiseCatch: boolean;
  /** An option the SDK calls on failure (`onError`). */
  errorCallback?: string;
  /** A helper that runs the call and catches its failure (`withFallback(() => …)`, `safeCall(…)`). */
  helper?: string;
}

export interface Logged {
  audit: boolean;
  /** What records it: a logger call (`logger.info`) or an SDK option (`onFinish`). */
  by?: string;
  /** Every logger call in the call's function, with the names its arguments mention. */
  calls: { span: Span; callee: string; mentions: string[] }[];
}

/** Where statement-level fixes go: the statement holding the call, to the end of its block. */
export interface StatementTarget {
  start: number;
  /** End of the statement itself. */
  end: number;
  /** End of the last statement of the enclosing block. */
  blockEnd: number;
  indent: string;
  /** False when the range holds multi-line strings, whose text must not be re-indented. */
  reindentable: boolean;
}

export interface StreamFacts {
  /** The abort signal given to the stream, by its source text. */
  signal?: string;
  /** That signal already follows the client connection (`req.signal`, `AbortSignal.any([signal, …])`), not only a timer. */
  signalFollowsRequest?: boolean;
  /** The enclosing handler's request parameter, when it is a fetch `Request` (its `.signal` aborts on disconnect). */
  requestParam?: string;
  /** The HTTP response that sends this stream to the client as it comes (Python: `StreamingResponse(gen())`). */
  response?: StreamResponse;
}

/** A streaming HTTP response fed by a model stream, and what the code reading the stream does about the client. */
export interface StreamResponse {
  /** The response as written (`StreamingResponse`, `EventSourceResponse`, `StreamingHttpResponse`). */
  name: string;
  span: Span;
  /** The generator that reads the stream and yields to the response; absent when the stream itself is the content. */
  generator?: string;
  /** The framework's request can tell whether the client is gone (`await request.is_disconnected()`). */
  canCheckDisconnect: boolean;
  /**
   * The stream is dropped when the client goes: a disconnect check in the generator (or a helper it calls), a
   * handler for the cancellation (`except asyncio.CancelledError`, `except GeneratorExit`), or the stream closed on
   * the way out (`async with`, `finally: stream.close()`).
   */
  stopsOnDisconnect: boolean;
  /** A try/except in the generator around the loop that reads the stream. */
  errorsHandled: boolean;
  /** Where a disconnect check can go: the top of the `async for` body reading the stream, with the request in scope. */
  disconnectCheck?: { request: string; at: StatementTarget };
}

export type PromptSource = 'literal' | 'param' | 'request' | 'user-object' | 'unknown';
export type PromptRole = 'system' | 'developer' | 'user' | 'assistant' | 'unknown';

/** One value that flows into the prompt: a literal, a variable, a template's `${…}`. */
export interface PromptInput {
  span: Span;
  /** The expression as written. */
  text: string;
  source: PromptSource;
  role: PromptRole;
  /** Why it may carry personal data: `email` (from its name), `email address` (a literal that looks like one). */
  piiHints: string[];
  /** The redaction function it already passes through. */
  redactedBy?: string;
  /** The names of a plain access chain (`user.email` → user, email): a log mentioning them all writes the same value. */
  accessPath?: string[];
  /** For a value inside a role-tagged message: where the role is written, and whether the value is the whole content. */
  message?: { roleSpan: Span; wholeContent: boolean };
}

/** A `JSON.parse` of the call's output, and what checks its shape afterwards. */
export interface JsonParse {
  span: Span;
  validatedBy?: string;
  /** A schema the parsed value is typed after (`as Ticket` with `type Ticket = z.infer<typeof TicketSchema>`). */
  schema?: string;
}

/** What a sink does with the string it is given: run it as code or a shell command, send it as SQL, or trust it as markup. */
export type SinkKind = 'code' | 'shell' | 'sql' | 'html' | 'template';

/** A place where the call's output (or a value built from it) reaches a sink, within the call's function. */
export interface OutputSink {
  /** The sink call, assignment or JSX attribute. */
  span: Span;
  kind: SinkKind;
  /** The sink as written (`eval`, `child_process.exec`, `db.query`, `innerHTML`, `mark_safe`). */
  name: string;
}

/** A hand-written loop around the call that runs the tool calls the model asks for. */
export interface AgentLoop {
  /** The loop's header (`while (true)`, `while True:`), where findings are shown. */
  span: Span;
  /** An iteration cap: a counted `for`, a condition comparing a counter, or a counter compared inside the loop. */
  bounded: boolean;
}

/** A call matched by its method chain alone: its receiver was never traced to a client. */
export const RECOGNIZED_BY_SHAPE = 'shape';

export interface CallSite {
  id: string;
  file: string;
  /** The whole call expression. */
  span: Span;
  /** The callee (`openai.chat.completions.create`): where findings about the call are shown. */
  calleeSpan: Span;
  language: Language;
  /**
   * Starts of the statements, class members and object properties that hold the call, innermost first: a comment
   * directly above any of them is about this call (owner tags).
   */
  anchors: number[];
  sdk: SdkId;
  operation: Operation;
  /** Catalog key of the API called, e.g. `chat.completions.create`, `streamText`, `ConverseCommand`. */
  api: string;
  /** The package the SDK facts come from, where one SDK id spans several (`@google/genai`, `fetch` for http). */
  module?: string;
  streaming: boolean;
  model?: ModelRef;
  /** The client the call goes through, when it is known; `undefined` client with `clientKnown: false`
   *  means the call goes through an object we could not trace (a parameter, an import from elsewhere). */
  client?: ClientConstruction;
  clientKnown: boolean;
  /** Per-call options (request body merged with per-request options). */
  options: OptionMap;
  targets: {
    body?: OptionTarget;
    requestOptions?: OptionTarget;
  };
  effective: {
    timeout: EffectiveSetting;
    retries: EffectiveSetting;
  };
  /** How the extractor recognised the call, for hovers: the value flow it followed, or `RECOGNIZED_BY_SHAPE`. */
  recognizedBy: string;
  enclosingFunction?: string;
  guarded: Guarded;
  logged: Logged;
  /** Names the awaited result is bound to (`const r = await …` gives `r`). */
  resultBinding?: { name: string; destructured: string[] };
  statement?: StatementTarget;
  stream?: StreamFacts;
  promptInputs: PromptInput[];
  /** Characters of literal text in the prompt, where the extractor counts them: an input estimate reads it. */
  promptLiteralChars?: number;
  outputUse: { jsonParses: JsonParse[]; sinks: OutputSink[] };
  /** The hand-written agent loop the call is made in, within its function. */
  agentLoop?: AgentLoop;
  /** For a call to a project wrapper (sdk `wrapper`): the AI call it makes, where findings about it are reported. */
  wraps?: WrappedCall;
  /** Who answers for the call, when the project says (filled by ownership, after extraction). */
  owner?: OwnerAssignment;
}

export type OwnerSource = 'inline' | 'config' | 'codeowners';

export interface OwnerAssignment {
  owners: string[];
  source: OwnerSource;
  /** Where it is declared: the tag, the config rule or the CODEOWNERS line (1-based line). */
  declaredAt: { file: string; line: number };
}

/** The AI call inside a project function, as callers of that function see it. */
export interface WrappedCall {
  file: string;
  span: Span;
  sdk: SdkId;
  api: string;
  operation: Operation;
  streaming: boolean;
  model?: string;
  effective: CallSite['effective'];
  guarded: Guarded;
  audited: boolean;
}
