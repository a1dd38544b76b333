import { body, client, request } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

const model = body('model');
const bound = { accepted: [body('config.maxOutputTokens')], preferred: body('config.maxOutputTokens') };
const prompt = { user: ['contents'], system: ['config.systemInstruction'] };
const audit = { requestId: 'responseId', model: 'modelVersion', usage: 'usageMetadata' };

const modelApis: ApiFacts[] = [
  { path: 'models.generateContent', operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
  { path: 'models.generateContentStream', operation: 'chat', streaming: true, outputBound: bound, model, prompt },
  { path: 'models.embedContent', operation: 'embedding', model },
  { path: 'models.generateImages', operation: 'image', model },
];

// A chat from `ai.chats.create({ model, config })` fixes the model and config; `sendMessage({ message, config })`
// may override the config per message.
const chatBound = { accepted: [client('config.maxOutputTokens'), body('config.maxOutputTokens')], preferred: client('config.maxOutputTokens') };
const chatApis: ApiFacts[] = [
  { path: 'sendMessage', operation: 'chat', outputBound: chatBound, model: client('model'), auditFields: audit, prompt: { user: ['message'] } },
  { path: 'sendMessageStream', operation: 'chat', streaming: true, outputBound: chatBound, model: client('model'), prompt: { user: ['message'] } },
];

/** @google/genai 1.x–2.x (`GoogleGenAI`): no timeout and no retries unless `httpOptions` sets them. */
export const googleGenAiFacts: SdkFacts = {
  sdk: 'google-genai',
  displayName: 'Google GenAI',
  modules: ['@google/genai'],
  clients: [{ exportName: 'GoogleGenAI', displayName: 'GoogleGenAI', keyOptions: ['apiKey'], keyEnv: 'GEMINI_API_KEY', provider: 'google' }],
  clientApis: [...modelApis, ...chatApis],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { 'chats.create': 'model-object' },
  timeout: {
    durations: [client('httpOptions.timeout'), body('config.httpOptions.timeout')],
    unit: 'ms',
    default: 'none',
    signals: [body('config.abortSignal')],
    fix: { kind: 'abort-signal', at: body('config.abortSignal') },
    clientFix: client('httpOptions.timeout'),
  },
  retries: { options: [client('httpOptions.retryOptions.attempts'), body('config.httpOptions.retryOptions.attempts')], default: 0, counts: 'attempts' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'config.responseSchema (or responseJsonSchema) with responseMimeType "application/json", then a zod schema parse()',
  factsFrom: '@google/genai: httpOptions.timeout and retryOptions, neither set by default',
};

/**
 * @google/generative-ai (legacy): `genAI.getGenerativeModel({ model, generationConfig })` returns the model object
 * that is called. Its timeout and retry defaults are not documented, so they are reported as unknown.
 */
export const googleGenerativeAiFacts: SdkFacts = {
  sdk: 'google-genai',
  displayName: 'Google Generative AI (legacy)',
  modules: ['@google/generative-ai'],
  clients: [{ exportName: 'GoogleGenerativeAI', displayName: 'GoogleGenerativeAI', keyOptions: [], keyArgument: 0, keyEnv: 'GOOGLE_API_KEY', provider: 'google' }],
  clientApis: [
    { path: 'generateContent', operation: 'chat', outputBound: { accepted: [client('generationConfig.maxOutputTokens'), body('generationConfig.maxOutputTokens')], preferred: client('generationConfig.maxOutputTokens') }, model: client('model') },
    { path: 'generateContentStream', operation: 'chat', streaming: true, model: client('model') },
    { path: 'embedContent', operation: 'embedding', model: client('model') },
    { path: 'batchEmbedContents', operation: 'embedding', model: client('model') },
    // `model.startChat({ history })` keeps the model's settings; the chat sends its messages.
    { path: 'sendMessage', operation: 'chat', model: client('model') },
    { path: 'sendMessageStream', operation: 'chat', streaming: true, model: client('model') },
  ],
  functionApis: [],
  modelProviders: [],
  clientTransforms: { getGenerativeModel: 'model-object', startChat: 'same' },
  timeout: { durations: [client('timeout'), request('timeout')], unit: 'ms', default: 'unknown', signals: [request('signal')] },
  retries: { options: [], default: 'unknown', counts: 'retries' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'generationConfig.responseSchema with responseMimeType "application/json"',
  factsFrom: '@google/generative-ai (legacy): defaults not documented',
};
