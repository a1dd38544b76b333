import type { Operation, SdkId } from '../model';

/** Where an SDK reads an option: the request body, the per-request options argument, or the client. */
export type OptionPlace = 'body' | 'requestOptions' | 'client';

export interface TimeoutFacts {
  /** Option that takes a duration, if the SDK has one (`timeout`). */
  option?: string;
  unit: 'ms' | 's';
  /** What the SDK does when nothing is set; `undefined` means it never times out. */
  defaultMs?: number;
  places: OptionPlace[];
  /** Options that take an AbortSignal and so can bound the call (`signal`, `abortSignal`). */
  signalOptions: string[];
  signalPlace: OptionPlace;
  /** How a fix should bound the call: a duration option, or an `AbortSignal.timeout(ms)` signal. */
  fixWith: 'duration' | 'abort-signal';
  fixPlace: OptionPlace;
}

export interface RetryFacts {
  option: string;
  /** Retries after the first attempt when nothing is set. */
  default: number;
  places: OptionPlace[];
}

export interface OutputBoundFacts {
  /** Every option the API accepts as a bound on generated tokens. */
  accepted: string[];
  /** The one a fix writes. */
  preferred: string;
}

export interface ClientFacts {
  /** The export that constructs it (`default` for a default export). */
  exportName: string;
  /** Conventional name for hovers and messages. */
  displayName: string;
  /** Options that carry a credential, and the environment variable the SDK reads by default. */
  keyOptions: string[];
  keyEnv: string;
  provider: string;
}

export interface ApiFacts {
  /** Property path from the client (`chat.completions.create`) or the function name (`streamText`). */
  path: string;
  operation: Operation;
  /** `true` always streams; `'body.stream'` streams when the body sets `stream: true`. */
  streaming?: boolean | 'body.stream';
  outputBound?: OutputBoundFacts;
  /** The option carrying the model id in the body. */
  modelOption?: string;
  /** Audit fields and where each is on the awaited result (`requestId` → `id`). */
  auditFields?: Record<string, string>;
  /** Where prompt text goes: a role-tagged message list, system-level options, user-level options. */
  prompt?: PromptFacts;
}

export interface PromptFacts {
  messages?: string;
  system?: string[];
  user?: string[];
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
  modelProviders: ModelProviderFacts[];
  timeout: TimeoutFacts;
  retries: RetryFacts;
  /** Call options whose callback records each request (`onFinish`, `experimental_telemetry`). */
  auditOptions: string[];
  /** Call options whose callback receives failures (`onError`). */
  errorOptions: string[];
  /** How this SDK returns schema-checked output, as advice for AIR010. */
  structuredOutput: string;
  /** Shown in hovers and docs; where the facts were read. */
  factsFrom: string;
}
