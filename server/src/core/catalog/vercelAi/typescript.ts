import { body, client } from '../refs';
import type { LoopBoundFacts, OutputBoundFacts, SdkFacts } from '../types';

const audit = { requestId: 'response.id', model: 'response.modelId', usage: 'usage' };
const model = body('model');
const prompt = { messages: 'messages', system: ['system'], user: ['prompt'] };
// `maxTokens` is the v4 name, still accepted so that older code is not flagged.
const bound: OutputBoundFacts = { accepted: [body('maxOutputTokens'), body('maxTokens')], preferred: body('maxOutputTokens') };
// The tool loop: `stopWhen` (ai 5+) stops it when any condition holds, `stepCountIs(1)` by default for
// generateText/streamText (generate-text.ts `stopWhen = stepCountIs(1)`) and `stepCountIs(20)` for ToolLoopAgent
// (docs/03-agents/04-loop-control.mdx); `isStepCount` is the newer name (ai-sdk.dev reference). `maxSteps` (ai 4, default 1).
const stepConditions = ['stepCountIs', 'isStepCount'];
const toolLoop: LoopBoundFacts[] = [{ option: body('stopWhen'), default: 1, stepConditions }, { option: body('maxSteps'), default: 1 }];
const agentLoop: LoopBoundFacts[] = [{ option: client('stopWhen'), default: 20, stepConditions }];
// An agent takes its call settings when it is built; generate() and stream() take only the prompt and signals.
const agentBound: OutputBoundFacts = { accepted: [client('maxOutputTokens'), client('maxTokens')], preferred: client('maxOutputTokens') };

/** Vercel AI SDK (`ai` 5–7): functions take one options object; model objects come from provider packages. */
export const vercelAiFacts: SdkFacts = {
  sdk: 'vercel-ai',
  displayName: 'Vercel AI SDK',
  modules: ['ai'],
  // AI SDK 6 agents: `new ToolLoopAgent({ model, tools })` then `generate({...})` / `stream({...})`, each a tool
  // loop of model requests taking the same call options as generateText.
  clients: [
    { exportName: 'ToolLoopAgent', displayName: 'ToolLoopAgent', keyOptions: [], keyEnv: '', provider: 'vercel-ai' },
    { exportName: 'Experimental_Agent', displayName: 'Experimental_Agent', keyOptions: [], keyEnv: '', provider: 'vercel-ai' },
  ],
  clientApis: [
    { path: 'generate', operation: 'chat', outputBound: agentBound, auditFields: audit, prompt, loopBounds: agentLoop },
    { path: 'stream', operation: 'chat', streaming: true, outputBound: agentBound, prompt, loopBounds: agentLoop },
  ],
  functionApis: [
    { path: 'generateText', operation: 'chat', outputBound: bound, model, auditFields: audit, prompt, loopBounds: toolLoop },
    { path: 'streamText', operation: 'chat', streaming: true, outputBound: bound, model, prompt, loopBounds: toolLoop },
    { path: 'generateObject', operation: 'chat', outputBound: bound, model, auditFields: audit, prompt },
    { path: 'streamObject', operation: 'chat', streaming: true, outputBound: bound, model, prompt },
    { path: 'embed', operation: 'embedding', model, auditFields: { usage: 'usage' } },
    { path: 'embedMany', operation: 'embedding', model, auditFields: { usage: 'usage' } },
    { path: 'generateImage', operation: 'image', model },
    { path: 'experimental_generateImage', operation: 'image', model },
    { path: 'experimental_generateSpeech', operation: 'audio', model },
    { path: 'experimental_transcribe', operation: 'audio', model },
    { path: 'rerank', operation: 'other', model },
  ],
  modelProviders: [
    { module: '@ai-sdk/openai', provider: 'openai', instances: ['openai'], factories: ['createOpenAI'], keyOptions: ['apiKey'], keyEnv: 'OPENAI_API_KEY' },
    { module: '@ai-sdk/anthropic', provider: 'anthropic', instances: ['anthropic'], factories: ['createAnthropic'], keyOptions: ['apiKey', 'authToken'], keyEnv: 'ANTHROPIC_API_KEY' },
    { module: '@ai-sdk/azure', provider: 'azure-openai', instances: ['azure'], factories: ['createAzure'], keyOptions: ['apiKey'], keyEnv: 'AZURE_API_KEY' },
    { module: '@ai-sdk/google', provider: 'google', instances: ['google'], factories: ['createGoogleGenerativeAI'], keyOptions: ['apiKey'], keyEnv: 'GOOGLE_GENERATIVE_AI_API_KEY' },
    { module: '@ai-sdk/mistral', provider: 'mistral', instances: ['mistral'], factories: ['createMistral'], keyOptions: ['apiKey'], keyEnv: 'MISTRAL_API_KEY' },
    { module: '@ai-sdk/groq', provider: 'groq', instances: ['groq'], factories: ['createGroq'], keyOptions: ['apiKey'], keyEnv: 'GROQ_API_KEY' },
    { module: '@ai-sdk/amazon-bedrock', provider: 'bedrock', instances: ['bedrock'], factories: ['createAmazonBedrock'], keyOptions: ['secretAccessKey'], keyEnv: 'AWS_SECRET_ACCESS_KEY' },
  ],
  timeout: {
    // `timeout` exists only from ai 6.0.14, so fixes use an abort signal, which every version honours.
    durations: [body('timeout')],
    unit: 'ms',
    default: 'none',
    signals: [body('abortSignal')],
    fix: { kind: 'abort-signal', at: body('abortSignal') },
  },
  retries: { options: [body('maxRetries')], default: 2, counts: 'retries' },
  // `telemetry` is AI SDK 7's name for the per-call telemetry settings (`experimental_telemetry` before).
  auditOptions: ['onFinish', 'experimental_telemetry', 'telemetry'],
  errorOptions: ['onError'],
  structuredOutput: 'generateObject() with a zod schema',
  factsFrom: 'ai 6 index.d.ts: maxRetries 2, no timeout unless abortSignal or timeout is given; ToolLoopAgent generate/stream take abortSignal and timeout',
};
