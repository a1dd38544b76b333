import { body, client, request } from '../refs';
import type { SdkFacts } from '../types';

const model = body('modelId');

/** @aws-sdk/client-bedrock-runtime: `client.send(new ConverseCommand(input))`; `maxAttempts` 3; no timeout by default. */
export const bedrockFacts: SdkFacts = {
  sdk: 'bedrock',
  displayName: 'Amazon Bedrock',
  modules: ['@aws-sdk/client-bedrock-runtime'],
  clients: [{ exportName: 'BedrockRuntimeClient', displayName: 'BedrockRuntimeClient', keyOptions: ['credentials.secretAccessKey'], keyEnv: 'AWS_SECRET_ACCESS_KEY', provider: 'bedrock' }],
  clientApis: [],
  commandApis: [
    { path: 'ConverseCommand', operation: 'chat', outputBound: { accepted: [body('inferenceConfig.maxTokens')], preferred: body('inferenceConfig.maxTokens') }, model, auditFields: { usage: 'usage', latencyMs: 'metrics.latencyMs' }, prompt: { messages: 'messages', system: ['system'] } },
    { path: 'ConverseStreamCommand', operation: 'chat', streaming: true, outputBound: { accepted: [body('inferenceConfig.maxTokens')], preferred: body('inferenceConfig.maxTokens') }, model, prompt: { messages: 'messages', system: ['system'] } },
    // InvokeModel carries its bound inside a provider-specific JSON body: not checked.
    { path: 'InvokeModelCommand', operation: 'chat', model },
    { path: 'InvokeModelWithResponseStreamCommand', operation: 'chat', streaming: true, model },
  ],
  functionApis: [],
  modelProviders: [],
  timeout: {
    durations: [client('requestHandler.requestTimeout'), client('requestHandler')],
    unit: 'ms',
    default: 'none',
    signals: [request('abortSignal')],
    fix: { kind: 'abort-signal', at: request('abortSignal') },
  },
  retries: { options: [client('maxAttempts')], default: 2, counts: 'attempts' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'a tool with a JSON input schema (toolConfig), then a zod schema parse()',
  factsFrom: 'AWS SDK v3: maxAttempts 3 (2 retries), requestTimeout 0 (none)',
};
