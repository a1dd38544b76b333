import { client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

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
  // Prebuilt agents call the model they are given on every step.
  modelHolders: [
    { module: 'langgraph.prebuilt', exportName: 'create_react_agent', argument: 0, keyword: 'model' },
    { module: 'langchain.agents', exportName: 'create_agent', argument: 0, keyword: 'model' },
  ],
  clientTransforms: { with_retry: 'retry', with_fallbacks: 'fallback', bind_tools: 'same', with_structured_output: 'same', bind: 'same', with_config: 'same', configurable_fields: 'same' },
  timeout: { durations: [client('timeout'), client('request_timeout')], unit: 's', default: 'none', signals: [], clientFix: client('timeout') },
  retries: { options: [client('max_retries')], default: 2, counts: 'retries' },
  auditOptions: ['callbacks'],
  errorOptions: [],
  structuredOutput: 'model.with_structured_output(Model), which validates with pydantic',
  factsFrom:
    'langchain-openai / langchain-anthropic: timeout None unless set, max_retries 2; init_chat_model(model, *, model_provider, **kwargs) passes kwargs to the provider class (reference.langchain.com); langgraph.prebuilt create_react_agent(model, tools), langchain.agents create_agent(model, tools)',
};

/** The older option LangChain model classes also accept for the model id (`model_name`). */
export const LANGCHAIN_MODEL_NAME_OPTION = 'model_name';
