import { body, client, request } from '../refs';
import type { ApiFacts, GraphFacts, SdkFacts } from '../types';

const bound = { accepted: [client('max_tokens'), client('max_completion_tokens'), client('max_output_tokens'), client('num_predict')], preferred: client('max_tokens') };
const model = client('model');
const chat = (path: string, streaming = false): ApiFacts => ({ path, operation: 'chat', streaming, outputBound: bound, model, prompt: { argument: true } });

const chatModel = (name: string, keyEnv: string, provider: string) => ({ exportName: name, displayName: name, keyOptions: ['api_key', `${provider}_api_key`], keyEnv, provider });
const baseType = (name: string) => ({ exportName: name, displayName: name, keyOptions: [], keyEnv: '', provider: 'langchain', declaredOnly: true });

/**
 * LangChain chat models (Python): they pass `timeout=None` to the provider SDK unless `timeout=` is given, so
 * there is no timeout by default; `max_retries` defaults to 2.
 */
export const langchainPythonFacts: SdkFacts = {
  sdk: 'langchain',
  displayName: 'LangChain',
  modules: [
    'langchain_openai',
    'langchain_anthropic',
    'langchain_google_genai',
    'langchain_mistralai',
    'langchain_groq',
    'langchain_ollama',
    'langchain_aws',
    'langchain_community.chat_models',
    'langchain.chat_models',
    'langchain_core.language_models',
    'langchain_core.language_models.chat_models',
    'langchain_core.runnables',
  ],
  clients: [
    // `init_chat_model("gpt-4o", model_provider="openai", timeout=…)`: options go to the provider's chat model class.
    chatModel('init_chat_model', 'OPENAI_API_KEY', 'openai'),
    baseType('BaseChatModel'),
    baseType('BaseLanguageModel'),
    baseType('Runnable'),
    chatModel('ChatOpenAI', 'OPENAI_API_KEY', 'openai'),
    chatModel('AzureChatOpenAI', 'AZURE_OPENAI_API_KEY', 'azure'),
    chatModel('ChatAnthropic', 'ANTHROPIC_API_KEY', 'anthropic'),
    chatModel('ChatGoogleGenerativeAI', 'GOOGLE_API_KEY', 'google'),
    chatModel('ChatMistralAI', 'MISTRAL_API_KEY', 'mistral'),
    chatModel('ChatGroq', 'GROQ_API_KEY', 'groq'),
    chatModel('ChatOllama', 'OLLAMA_HOST', 'ollama'),
    chatModel('ChatBedrockConverse', 'AWS_SECRET_ACCESS_KEY', 'aws'),
    chatModel('OpenAIEmbeddings', 'OPENAI_API_KEY', 'openai'),
  ],
  clientApis: [
    chat('invoke'),
    chat('ainvoke'),
    chat('batch'),
    chat('abatch'),
    chat('stream', true),
    chat('astream', true),
    chat('astream_events', true),
    { path: 'embed_query', operation: 'embedding', model },
    { path: 'embed_documents', operation: 'embedding', model },
    { path: 'aembed_query', operation: 'embedding', model },
    { path: 'aembed_documents', operation: 'embedding', model },
  ],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { with_retry: 'retry', with_fallbacks: 'fallback', bind_tools: 'same', with_structured_output: 'same', bind: 'same', with_config: 'run-config', configurable_fields: 'same' },
  timeout: { durations: [client('timeout'), client('request_timeout')], unit: 's', default: 'none', signals: [], clientFix: client('timeout') },
  retries: { options: [client('max_retries')], default: 2, counts: 'retries' },
  auditOptions: ['callbacks'],
  errorOptions: [],
  structuredOutput: 'model.with_structured_output(Model), which validates with pydantic',
  factsFrom:
    'langchain-openai / langchain-anthropic: timeout None unless set, max_retries 2; init_chat_model(model, *, model_provider, **kwargs) passes kwargs to the provider class (reference.langchain.com)',
};

// A LangGraph run raises GraphRecursionError after `recursion_limit` steps of its run config. LangGraph's default is
// 10007 since March 2026 (10000 since langgraph 1.0.6, 25 before: _internal/_config.py DEFAULT_RECURSION_LIMIT), and
// langchain 1.x create_agent compiles its graph with 10000 (agents/factory.py). A ReAct agent takes two steps per
// model turn, so neither bounds a bill: a fix writes 25, the old default and still LangGraph.js's.
const recursionLimit = { default: 10_000, advised: 25 };
const graphSteps = [{ option: body('config.recursion_limit'), ...recursionLimit }];
const graphRun = (path: string, streaming = false): ApiFacts => ({ ...chat(path, streaming), optionsArgument: 1, optionsKeyword: 'config', loopBounds: graphSteps });

/**
 * Prebuilt agents (`create_react_agent` from langgraph.prebuilt, `create_agent` from langchain 1.x) call the model
 * they are given on every step of a LangGraph run: `invoke(input, config)`, `stream`, their async forms. Timeouts
 * and retries are the model's.
 */
export const langgraphAgentPythonFacts: SdkFacts = {
  ...langchainPythonFacts,
  displayName: 'LangGraph',
  modules: ['langgraph.prebuilt'],
  clients: [],
  clientApis: [graphRun('invoke'), graphRun('ainvoke'), graphRun('batch'), graphRun('abatch'), graphRun('stream', true), graphRun('astream', true), graphRun('astream_events', true)],
  modelHolders: [
    { module: 'langgraph.prebuilt', exportName: 'create_react_agent', argument: 0, keyword: 'model' },
    { module: 'langchain.agents', exportName: 'create_agent', argument: 0, keyword: 'model' },
  ],
  factsFrom:
    'langgraph _internal/_config.py (DEFAULT_RECURSION_LIMIT 10007; 10000 from 1.0.6, 25 before), pregel/main.py (GraphRecursionError, config["recursion_limit"]); langchain 1.x agents/factory.py (create_agent: .with_config({"recursion_limit": 10_000})); langgraph.prebuilt create_react_agent(model, tools), langchain.agents create_agent(model, tools)',
};

/**
 * LangGraph graphs built by hand: `StateGraph(State)`, nodes and edges added, then `compile()`; run with
 * `invoke(input, config)` and its stream and async forms; `with_config(…)` binds a config its runs start from. A
 * `recursion_limit` of `None` is dropped when the config is read (ensure_config keeps only non-empty values), so the
 * default stays.
 */
export const langgraphGraphPythonFacts: GraphFacts = {
  sdk: 'langchain',
  displayName: 'LangGraph',
  modules: ['langgraph.graph', 'langgraph.graph.state', 'langgraph.graph.message'],
  builders: ['StateGraph', 'MessageGraph'],
  compile: 'compile',
  runs: ['invoke', 'ainvoke', 'stream', 'astream', 'astream_events'].map((method) => ({ method, configArgument: 1, configKeyword: 'config' })),
  bindConfig: 'with_config',
  stepBound: { option: request('recursion_limit'), ...recursionLimit },
  factsFrom: 'langgraph graph/__init__.py (StateGraph, MessageGraph), graph/state.py (StateGraph.compile), pregel/main.py (invoke(input, config), stream, ainvoke, astream), _internal/_config.py (ensure_config: None values dropped, DEFAULT_RECURSION_LIMIT)',
};

// The executor stops after `max_iterations` agent steps, 15 unless given; `None` means no limit
// (langchain_classic/agents/agent.py AgentExecutor: `max_iterations: int | None = 15`, _should_continue).
const executorSteps = [{ option: client('max_iterations'), default: 15, noneLifts: true }];
const executorRun = (path: string, streaming = false): ApiFacts => ({ path, operation: 'chat', streaming, prompt: { argument: true }, loopBounds: executorSteps });

/**
 * LangChain's classic agent executor (`langchain.agents` before 1.0, `langchain_classic.agents` since): each run is a
 * loop of model requests by the agent it is given. The model, and its timeout and retries, are not visible from
 * the executor, so they stay unknown here and are judged where the model is built.
 */
export const agentExecutorPythonFacts: SdkFacts = {
  sdk: 'langchain',
  displayName: 'LangChain AgentExecutor',
  modules: ['langchain.agents', 'langchain_classic.agents', 'langchain.agents.agent', 'langchain_classic.agents.agent'],
  clients: [
    { exportName: 'AgentExecutor', displayName: 'AgentExecutor', keyOptions: [], keyEnv: '', provider: 'langchain' },
    { exportName: 'AgentExecutor.from_agent_and_tools', displayName: 'AgentExecutor', keyOptions: [], keyEnv: '', provider: 'langchain' },
  ],
  clientApis: [executorRun('invoke'), executorRun('ainvoke'), executorRun('run'), executorRun('arun'), executorRun('batch'), executorRun('abatch'), executorRun('stream', true), executorRun('astream', true)],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { with_config: 'run-config', with_retry: 'retry', with_fallbacks: 'fallback' },
  timeout: { durations: [], unit: 's', default: 'unknown', signals: [] },
  retries: { options: [], default: 'unknown', counts: 'retries' },
  auditOptions: ['callbacks'],
  errorOptions: [],
  structuredOutput: 'a parser on the agent, or create_agent(…, response_format=Model)',
  factsFrom: 'langchain_classic/agents/agent.py (AgentExecutor: max_iterations 15, None means no limit; max_execution_time None; from_agent_and_tools(agent, tools, **kwargs))',
};

/** The older option LangChain model classes also accept for the model id (`model_name`). */
export const LANGCHAIN_MODEL_NAME_OPTION = 'model_name';
