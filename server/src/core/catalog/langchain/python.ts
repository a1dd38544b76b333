import { client } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const bound = { accepted: [client('max_tokens'), client('max_completion_tokens'), client('max_output_tokens'), client('num_predict')], preferred: client('max_tokens') };
const model = client('model');
const chat = (path: string, streaming = false): ApiFacts => ({ path, operation: 'chat', streaming, outputBound: bound, model, prompt: { argument: true } });

const chatModel = (name: string, keyEnv: string, provider: string) => ({ exportName: name, displayName: name, keyOptions: ['api_key', `${provider}_api_key`], keyEnv, provider });

/**
 * LangChain chat models (Python): they pass `timeout=None` to the provider SDK unless `timeout=` is given, so
 * there is no timeout by default; `max_retries` defaults to 2.
 */
export const langchainPythonFacts: SdkFacts = {
  sdk: 'langchain',
  displayName: 'LangChain',
  modules: ['langchain_openai', 'langchain_anthropic', 'langchain_google_genai', 'langchain_mistralai', 'langchain_groq', 'langchain_ollama', 'langchain_aws', 'langchain_community.chat_models'],
  clients: [
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
  clientTransforms: { with_retry: 'retry', with_fallbacks: 'fallback', bind_tools: 'same', with_structured_output: 'same', bind: 'same', with_config: 'same', configurable_fields: 'same' },
  timeout: { durations: [client('timeout'), client('request_timeout')], unit: 's', default: 'none', signals: [], clientFix: client('timeout') },
  retries: { options: [client('max_retries')], default: 2, counts: 'retries' },
  auditOptions: ['callbacks'],
  errorOptions: [],
  structuredOutput: 'model.with_structured_output(Model), which validates with pydantic',
  factsFrom: 'langchain-openai / langchain-anthropic: timeout None unless set, max_retries 2',
};

/** The older option LangChain model classes also accept for the model id (`model_name`). */
export const LANGCHAIN_MODEL_NAME_OPTION = 'model_name';
