import { client, request } from '../refs';
import type { ApiFacts, GraphFacts, SdkFacts } from '../types';

const model = client('model');
const bound = { accepted: [client('maxTokens'), client('maxCompletionTokens')], preferred: client('maxTokens') };
const prompt = { argument: true };

// A LangGraph graph or prebuilt agent stops with GraphRecursionError after `recursionLimit` super-steps, 25 unless
// given in the run config (docs.langchain.com GRAPH_RECURSION_LIMIT, langgraph "Recursion limit").
const graphSteps = [{ option: request('recursionLimit'), default: 25 }];

const runnableApis: ApiFacts[] = [
  { path: 'invoke', operation: 'chat', outputBound: bound, model, auditFields: { requestId: 'id', usage: 'usage_metadata' }, prompt, loopBounds: graphSteps },
  { path: 'call', operation: 'chat', outputBound: bound, model, prompt },
  { path: 'batch', operation: 'chat', outputBound: bound, model, loopBounds: graphSteps },
  { path: 'stream', operation: 'chat', streaming: true, outputBound: bound, model, prompt, loopBounds: graphSteps },
  { path: 'streamEvents', operation: 'chat', streaming: true, outputBound: bound, model, prompt, loopBounds: graphSteps },
  { path: 'embedQuery', operation: 'embedding', model },
  { path: 'embedDocuments', operation: 'embedding', model },
];

const chatModel = (exportName: string, keyEnv: string, provider: string) => ({
  exportName,
  displayName: exportName,
  keyOptions: ['apiKey', 'openAIApiKey', 'anthropicApiKey'],
  keyEnv,
  provider,
});

/**
 * LangChain.js chat models (core 1.x): options on the constructor; `invoke(input, { signal, timeout })` per call.
 * Its own retry layer defaults to 6 attempts' worth of retries; the timeout falls through to the provider SDK's.
 */
export const langchainFacts: SdkFacts = {
  sdk: 'langchain',
  displayName: 'LangChain',
  modules: ['@langchain/openai', '@langchain/anthropic', '@langchain/google-genai', '@langchain/mistralai', '@langchain/groq', '@langchain/ollama'],
  clients: [
    chatModel('ChatOpenAI', 'OPENAI_API_KEY', 'openai'),
    chatModel('AzureChatOpenAI', 'AZURE_OPENAI_API_KEY', 'azure-openai'),
    chatModel('ChatAnthropic', 'ANTHROPIC_API_KEY', 'anthropic'),
    chatModel('ChatGoogleGenerativeAI', 'GOOGLE_API_KEY', 'google'),
    chatModel('ChatMistralAI', 'MISTRAL_API_KEY', 'mistral'),
    chatModel('ChatGroq', 'GROQ_API_KEY', 'groq'),
    chatModel('ChatOllama', 'OLLAMA_HOST', 'ollama'),
    chatModel('OpenAIEmbeddings', 'OPENAI_API_KEY', 'openai'),
  ],
  clientApis: runnableApis,
  functionApis: [],
  modelProviders: [],
  clientTransforms: {
    withRetry: 'retry',
    withFallbacks: 'fallback',
    withConfig: 'same',
    bind: 'same',
    bindTools: 'same',
    withStructuredOutput: 'same',
    pipe: 'same',
  },
  timeout: {
    durations: [client('timeout'), request('timeout')],
    unit: 'ms',
    default: 600_000,
    signals: [request('signal')],
    fix: { kind: 'duration', at: client('timeout') },
    clientFix: client('timeout'),
  },
  retries: { options: [client('maxRetries')], default: 6, counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'model.withStructuredOutput(zodSchema)',
  factsFrom: 'LangChain.js core 1.x: maxRetries 6 (its own caller); timeout passed to the provider SDK (10 minutes for OpenAI and Anthropic)',
};

const typed = (exportName: string) => ({ exportName, displayName: exportName, keyOptions: [], keyEnv: '', provider: 'langchain' });

/**
 * The provider-neutral side of LangChain.js: `initChatModel(model, fields)` (langchain 0.3 and 1.x) resolves to a
 * chat model of the provider's package, built with `fields`; the base types a parameter or field is declared
 * with; and what holds a model and runs it when invoked — a sequence (`RunnableSequence.from([prompt, model])`),
 * a LangGraph prebuilt agent (`createReactAgent({ llm })`, `llm` since @langchain/langgraph 0.2) and the
 * langchain 1.x agent (`createAgent({ model })`). A model given by name (`'openai:gpt-4o'`) is not visible, so
 * an agent built with one is not a call site.
 */
export const langchainUniversalFacts: SdkFacts = {
  ...langchainFacts,
  modules: [
    'langchain',
    'langchain/chat_models/universal',
    '@langchain/core/language_models/chat_models',
    '@langchain/core/language_models/base',
    '@langchain/core/runnables',
    '@langchain/langgraph/prebuilt',
  ],
  clients: [
    { ...typed('initChatModel'), keyOptions: ['apiKey'], factory: { optionsArgument: 1, modelArgument: 0 } },
    typed('ConfigurableModel'),
    typed('BaseChatModel'),
    typed('BaseLanguageModel'),
    typed('BaseLanguageModelInterface'),
    typed('LanguageModelLike'),
  ],
  modelHolders: [
    { exportName: 'RunnableSequence', method: 'from' },
    { exportName: 'createReactAgent', modelOptions: ['llm'] },
    { exportName: 'createAgent', modelOptions: ['model'] },
  ],
};

/**
 * LangGraph.js graphs built by hand: `new StateGraph(State)…compile()`, run with `invoke(input, config)`, `stream`
 * and `streamEvents`; `withConfig(config)` binds a config its runs start from.
 */
export const langgraphGraphFacts: GraphFacts = {
  sdk: 'langchain',
  displayName: 'LangGraph',
  modules: ['@langchain/langgraph', '@langchain/langgraph/web'],
  builders: ['StateGraph', 'MessageGraph', 'Graph'],
  compile: 'compile',
  runs: [
    { method: 'invoke', configArgument: 1 },
    { method: 'stream', configArgument: 1 },
    { method: 'streamEvents', configArgument: 1 },
  ],
  bindConfig: 'withConfig',
  stepBound: graphSteps[0],
  factsFrom: '@langchain/langgraph pregel/utils/config.ts (ensureLangGraphConfig: recursionLimit 25), graph/state.ts (StateGraph.compile), web.ts',
};

// The executor stops after `maxIterations` agent steps, 15 unless given; a null or undefined one falls back to 15
// (@langchain/classic agents/executor.ts: `maxIterations?: number = 15`, `input.maxIterations ?? this.maxIterations`).
const executorSteps = [{ option: client('maxIterations'), default: 15 }];
const executorRun = (path: string, streaming = false): ApiFacts => ({ path, operation: 'chat', streaming, prompt, loopBounds: executorSteps });
const executor = { displayName: 'AgentExecutor', keyOptions: [], keyEnv: '', provider: 'langchain' };

/**
 * LangChain.js's classic agent executor (`langchain/agents` in 0.x, `@langchain/classic/agents` in 1.x): each run is a
 * loop of model requests by the agent it is given. The model, and its timeout and retries, are not visible from the
 * executor, so they stay unknown here and are judged where the model is built.
 */
export const agentExecutorFacts: SdkFacts = {
  sdk: 'langchain',
  displayName: 'LangChain AgentExecutor',
  modules: ['langchain/agents', '@langchain/classic/agents'],
  clients: [
    { exportName: 'AgentExecutor', ...executor },
    { exportName: 'AgentExecutor.fromAgentAndTools', ...executor, factory: { optionsArgument: 0 } },
  ],
  clientApis: [executorRun('invoke'), executorRun('call'), executorRun('batch'), executorRun('stream', true), executorRun('streamEvents', true)],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { withConfig: 'same', withRetry: 'retry', withFallbacks: 'fallback' },
  timeout: { durations: [], unit: 'ms', default: 'unknown', signals: [] },
  retries: { options: [], default: 'unknown', counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'createAgent({ model, tools, responseFormat: zodSchema }) in langchain 1.x',
  factsFrom: '@langchain/classic 1.x agents/executor.ts (AgentExecutor: maxIterations 15, `??` so null keeps 15; static fromAgentAndTools(fields))',
};

/** LangChain's chat model classes (`ChatOpenAI`, `AzureChatOpenAI`, `ChatAnthropic`…): one can fall back to another. */
const CHAT_MODEL_CLASS = /^(Azure)?Chat[A-Z]\w*$/;

export function isLangChainChatModel(constructorName: string): boolean {
  return CHAT_MODEL_CLASS.test(constructorName);
}

/** The older option LangChain model classes also accept for the model id (`modelName`). */
export const LANGCHAIN_MODEL_NAME_OPTION = 'modelName';
