import type { Operation, SdkId } from '../model';

/**
 * Where an SDK reads an option: the request body (first argument, or a command's input), the per-request
 * options argument, or the client (constructor options, `withOptions`, a provider factory).
 */
export type OptionPlace = 'body' | 'requestOptions' | 'client';

/** An option at a place, by a dotted path inside it (`config.maxOutputTokens`, `httpOptions.timeout`). */
export interface OptionRef {
  place: OptionPlace;
  path: string;
}

export interface TimeoutFacts {
  /** Options that take a duration. */
  durations: OptionRef[];
  unit: 'ms' | 's';
  /** What the SDK does when nothing is set: a duration, `'none'` (waits forever) or `'unknown'` (not documented). */
  default: number | 'none' | 'unknown';
  /** Options that take an AbortSignal and so bound the call (`signal`, `abortSignal`, `config.abortSignal`). */
  signals: OptionRef[];
  /** How a fix bounds the call, if the SDK has a per-call way to. */
  fix?: { kind: 'duration' | 'abort-signal'; at: OptionRef };
  /** The client-level duration a second fix can set. */
  clientFix?: OptionRef;
}

export interface RetryFacts {
  options: OptionRef[];
  /** Retries after the first attempt when nothing is set; `'unknown'` where the SDK does not document it. */
  default: number | 'unknown';
  /** `attempts` options count the first try too (AWS `maxAttempts`). */
  counts: 'retries' | 'attempts';
}

export interface OutputBoundFacts {
  /** Every option the API accepts as a bound on generated tokens. */
  accepted: OptionRef[];
  /** The one a fix writes. */
  preferred: OptionRef;
}

export interface ClientFacts {
  /** The export that constructs it (`default` for a default export). */
  exportName: string;
  /** Conventional name for hovers and messages. */
  displayName: string;
  /** The export is itself a ready client instance (`import ollama from 'ollama'`), not a constructor. */
  instance?: boolean;
  /** Options that carry a credential, and the environment variable the SDK reads by default. */
  keyOptions: string[];
  /** The constructor takes the key as a positional argument (`new GoogleGenerativeAI(key)`). */
  keyArgument?: number;
  /** A factory that builds clients of many services, this one named by its first argument (`boto3.client("bedrock-runtime")`). */
  service?: string;
  /** The export is a function returning the client (`await initChatModel('gpt-4o', { maxTokens })`): where its options and model id are. */
  factory?: { optionsArgument: number; modelArgument?: number };
  keyEnv: string;
  provider: string;
  /**
   * A base type the SDK's models share (`BaseChatModel`, `Runnable`): a value declared with it is a model, but a
   * project class extending it is the project's own model, not the SDK's.
   */
  declaredOnly?: boolean;
}

export interface PromptFacts {
  /** A role-tagged message list (or a string) at this body option. */
  messages?: string;
  system?: string[];
  user?: string[];
  /** The whole first argument is the prompt (LangChain `invoke('…')` or `invoke([messages])`). */
  argument?: boolean;
}

export interface ApiFacts {
  /** Property path from the client (`chat.completions.create`), function name (`streamText`) or command class. */
  path: string;
  operation: Operation;
  /** `true` always streams; `'body.stream'` streams when the body sets `stream: true`. */
  streaming?: boolean | 'body.stream';
  outputBound?: OutputBoundFacts;
  /** Where the model id is given. */
  model?: OptionRef;
  /** Audit fields and where each is on the awaited result (`requestId` → `id`). */
  auditFields?: Record<string, string>;
  prompt?: PromptFacts;
  /** Which argument holds the per-request options when it is not the first (`run(agent, input, options)`). */
  optionsArgument?: number;
  /**
   * In Python, the keyword that argument also goes by (`invoke(input, config=None)`): given positionally, it is
   * read as this keyword argument, so `body('config.recursion_limit')` finds it either way.
   */
  optionsKeyword?: string;
  /** Options that cap the model requests of the loop the call runs (tool steps, agent turns, graph steps). */
  loopBounds?: readonly LoopBoundFacts[];
  /**
   * Methods of a model implementation: a call made inside one of them (a caching or fallback model's `doGenerate`
   * calling its inner model's) forwards a request made above it, and is no request of its own.
   */
  passThroughIn?: readonly string[];
}

/** An option that caps an SDK-run loop, and the cap the SDK applies when it is not given. */
export interface LoopBoundFacts {
  option: OptionRef;
  default: number;
  /** `None` (`null`) given for the option means no cap at all, not the default (the Agents SDK's `max_turns=None`). */
  noneLifts?: boolean;
  /**
   * The default is too high to bound anything a run costs (LangGraph for Python: 10007 steps): leaving the option
   * out is reported too, and fixes write this cap rather than the default.
   */
  advised?: number;
  /**
   * The option takes stop conditions rather than a number (`stopWhen`); a condition that counts steps (these
   * functions) is what bounds it.
   */
  stepConditions?: readonly string[];
}

/**
 * Graphs built by hand from an SDK's graph builder (LangGraph's `StateGraph`): `compile()` on a builder gives the
 * runnable graph. Running one is no model request (the model calls are in its nodes), but a graph with a cycle runs
 * until its step cap.
 */
export interface GraphFacts {
  sdk: SdkId;
  displayName: string;
  modules: readonly string[];
  /** The builder classes (`StateGraph`, `MessageGraph`, `Graph`). */
  builders: readonly string[];
  /** The builder method that returns the runnable graph. */
  compile: string;
  /** Methods that run the compiled graph, and where each takes its run config: a positional index and, in Python, a keyword. */
  runs: readonly { method: string; configArgument: number; configKeyword?: string }[];
  /** The method that returns the graph with a run config bound (`withConfig`), which its runs start from. */
  bindConfig: string;
  /**
   * The cap on a run's steps, at its path in the run config. Only a lifted cap is judged: a graph without a cycle ends
   * on its own, so leaving the option out is no finding.
   */
  stepBound: LoopBoundFacts;
  factsFrom: string;
}

/** A Vercel-style provider: an instance (`openai`) or a factory result called with a model id. */
export interface ModelProviderFacts {
  module: string;
  provider: string;
  instances: string[];
  factories: string[];
  keyOptions: string[];
  keyEnv: string;
}

/**
 * An export that builds a runnable around a model given to it, so running it runs the model
 * (`createReactAgent({ llm })`, `RunnableSequence.from([prompt, model])`, `create_react_agent(model, tools)`).
 */
export interface ModelHolderFacts {
  exportName: string;
  /** The module it comes from, where the SDK's facts cover several (`langgraph.prebuilt`). */
  module?: string;
  /** A static method of the export builds it (`from`). */
  method?: string;
  /** Options of the first argument that hold the model; without them, the first argument is a list holding it. */
  modelOptions?: string[];
  /** Where a keyword-argument language (Python) passes the model: a positional index and a keyword. */
  argument?: number;
  keyword?: string;
}

/**
 * Methods on a client that return a client: their options merge over the client's (`withOptions`), add a retry
 * policy (`withRetry`), a fallback (`withFallbacks`), bind a run config that each run's own config merges over
 * (`with_config(recursion_limit=50)`), or carry it along (`bindTools`, `pipe`).
 */
export type ClientTransform = 'options' | 'retry' | 'fallback' | 'run-config' | 'same' | 'model-object';

export interface SdkFacts {
  sdk: SdkId;
  /** As users name it in messages: `OpenAI`, `Vercel AI SDK`. */
  displayName: string;
  modules: string[];
  clients: ClientFacts[];
  /** Methods reached through a client object. */
  clientApis: ApiFacts[];
  /** Functions imported straight from the module (`generateText`). */
  functionApis: ApiFacts[];
  /** Commands sent through `client.send(new XCommand(input))` (AWS SDK style). */
  commandApis?: ApiFacts[];
  modelProviders: ModelProviderFacts[];
  /** By method name, or by a path from the client (`chats.create`). */
  clientTransforms?: Record<string, ClientTransform>;
  modelHolders?: ModelHolderFacts[];
  timeout: TimeoutFacts;
  retries: RetryFacts;
  /** Call options whose callback records each request (`onFinish`, `experimental_telemetry`). */
  auditOptions: string[];
  /** The SDK records every request in its own traces, unless `disabledBy` (an option of the call or the client) is set. */
  builtInTracing?: { disabledBy?: string };
  /** Call options whose callback receives failures (`onError`). */
  errorOptions: string[];
  /** How this SDK returns schema-checked output, as advice for AIR010. */
  structuredOutput: string;
  /** Shown in hovers and docs; where the facts were read. */
  factsFrom: string;
}
