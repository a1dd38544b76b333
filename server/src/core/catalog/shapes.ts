// Call shapes: method chains only model SDKs have, for calls whose receiver the resolver cannot trace.
import { anthropicFacts } from './anthropic/typescript';
import { bedrockFacts } from './bedrock/typescript';
import { googleGenAiFacts } from './google/typescript';
import { mistralFacts } from './mistral/typescript';
import { openaiFacts } from './openai/typescript';
import { inngestFacts } from './inngest/typescript';
import type { ApiFacts, SdkFacts } from './types';

export interface CallShape {
  /** The end of the callee's property chain (`chat.completions.create`). */
  path: string;
  /** The family whose API facts describe the call (options, bound, prompt). */
  sdk: SdkFacts;
  api: ApiFacts;
  /**
   * Body options that must be written in a visible object literal: the chain alone is shared with look-alikes
   * (Twilio `messages.create`, ORM `completions.create`).
   */
  requires: string[];
  /** At least one of these must be written too, when given. */
  requiresOneOf?: string[];
}

function shape(sdk: SdkFacts, path: string, requires: string[] = [], requiresOneOf?: string[]): CallShape {
  const api = sdk.clientApis.find((candidate) => candidate.path === path);
  if (!api) throw new Error(`catalog: no ${path} in ${sdk.displayName}`);
  return { path, sdk, api, requires, requiresOneOf };
}

/** Longest chains first, so `chat.completions.create` wins over `completions.create`. */
export const callShapes: readonly CallShape[] = [
  shape(openaiFacts, 'chat.completions.create'),
  shape(openaiFacts, 'chat.completions.stream'),
  shape(openaiFacts, 'chat.completions.parse'),
  shape(googleGenAiFacts, 'models.generateContentStream'),
  shape(googleGenAiFacts, 'models.generateContent'),
  shape(openaiFacts, 'responses.create', ['model']),
  shape(openaiFacts, 'responses.stream', ['model']),
  shape(anthropicFacts, 'messages.create', ['model', 'max_tokens']),
  shape(anthropicFacts, 'messages.stream', ['model', 'max_tokens']),
  shape(openaiFacts, 'completions.create', ['model', 'prompt']),
  shape(openaiFacts, 'embeddings.create', ['model', 'input']),
  shape(mistralFacts, 'chat.complete', ['model', 'messages']),
  shape(mistralFacts, 'chat.stream', ['model', 'messages']),
  // `step.ai.infer(id, { model, body })`: the step object comes from the handler's context.
  shape(inngestFacts, 'ai.infer', ['model', 'body']),
];

/** Commands sent with `.send(new XCommand(…))` on any receiver: AWS names no other service's commands so. */
export const commandShapes: { sdk: SdkFacts; apis: readonly ApiFacts[] } = { sdk: bedrockFacts, apis: bedrockFacts.commandApis ?? [] };

/**
 * Packages whose objects carry the same chains without calling a model: payments, messaging, ORMs, vector
 * stores, graph runtimes. A receiver traced to one of them is never a shape match.
 */
export const SHAPE_LOOKALIKE_MODULES: ReadonlySet<string> = new Set([
  'stripe',
  'twilio',
  'resend',
  '@prisma/client',
  'mongoose',
  'sequelize',
  'typeorm',
  'drizzle-orm',
  '@pinecone-database/pinecone',
  'chromadb',
  '@qdrant/js-client-rest',
  'weaviate-client',
  '@langchain/langgraph',
  '@slack/web-api',
  'discord.js',
]);

/** The shape a callee chain ends in, if any. */
export function shapeOf(path: readonly string[]): CallShape | undefined {
  const joined = path.join('.');
  return callShapes.find((candidate) => joined === candidate.path || joined.endsWith(`.${candidate.path}`));
}
