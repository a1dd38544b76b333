import { body, client } from '../refs';
import type { SdkFacts } from '../types';

const model = body('modelId');
const converseBound = { accepted: [body('inferenceConfig.maxTokens')], preferred: body('inferenceConfig.maxTokens') };

/** boto3 `bedrock-runtime`: botocore's read timeout of 60 s; retries by the configured retry mode. */
export const bedrockPythonFacts: SdkFacts = {
  sdk: 'bedrock',
  displayName: 'Bedrock',
  // The type stubs (boto3-stubs, types-boto3) name the client's type: `client: BedrockRuntimeClient`.
  modules: ['boto3', ...['mypy_boto3_bedrock_runtime', 'types_boto3_bedrock_runtime'].flatMap((stubs) => [stubs, `${stubs}.client`])],
  clients: [
    { exportName: 'client', service: 'bedrock-runtime', displayName: 'boto3 bedrock-runtime', keyOptions: ['aws_secret_access_key'], keyEnv: 'AWS_SECRET_ACCESS_KEY', provider: 'aws' },
    { exportName: 'BedrockRuntimeClient', displayName: 'boto3 bedrock-runtime', keyOptions: ['aws_secret_access_key'], keyEnv: 'AWS_SECRET_ACCESS_KEY', provider: 'aws', declaredOnly: true },
  ],
  clientApis: [
    { path: 'converse', operation: 'chat', outputBound: converseBound, model, auditFields: { requestId: 'ResponseMetadata', usage: 'usage' }, prompt: { messages: 'messages', system: ['system'] } },
    { path: 'converse_stream', operation: 'chat', streaming: true, outputBound: converseBound, model, prompt: { messages: 'messages', system: ['system'] } },
    { path: 'invoke_model', operation: 'chat', model },
    { path: 'invoke_model_with_response_stream', operation: 'chat', streaming: true, model },
  ],
  functionApis: [],
  modelProviders: [],
  // No fix: `config=` takes a botocore Config object, which a keyword edit cannot build safely.
  timeout: { durations: [client('config.read_timeout')], unit: 's', default: 60_000, signals: [] },
  retries: { options: [client('config.retries.max_attempts'), client('config.retries.total_max_attempts')], default: 'unknown', counts: 'attempts' },
  auditOptions: [],
  errorOptions: [],
  structuredOutput: 'a tool with an input schema in toolConfig, then pydantic validation of the tool input',
  factsFrom: 'botocore config: read_timeout 60 s, connect_timeout 60 s',
};

/** `boto3.Session(...)`: its `.client("bedrock-runtime")` builds a Bedrock client like `boto3.client(...)` does. */
export const BOTO3_SESSION = { module: 'boto3', name: 'Session', client: { module: 'boto3', name: 'client' } } as const;
