import type { SdkId } from '../model';

/**
 * Call shapes only model SDKs have, for a Python call whose receiver the resolver cannot follow (an untyped
 * parameter, a client from a framework's context, a factory in code we cannot see). The call is read as the
 * family's API at `path`; the client's options stay unknown.
 */
export interface PythonCallShape {
  sdk: SdkId;
  /** The callee's trailing attribute chain, which is also the API's path in the family's facts. */
  path: string;
  /** Keyword arguments the call must give, so that look-alike chains (Twilio's `messages.create`) do not match. */
  requires: string[];
}

export const PYTHON_CALL_SHAPES: readonly PythonCallShape[] = [
  { sdk: 'openai', path: 'chat.completions.create', requires: [] },
  { sdk: 'openai', path: 'chat.completions.parse', requires: [] },
  { sdk: 'openai', path: 'responses.create', requires: [] },
  { sdk: 'openai', path: 'embeddings.create', requires: ['model', 'input'] },
  { sdk: 'anthropic', path: 'messages.create', requires: ['model', 'max_tokens'] },
  { sdk: 'anthropic', path: 'messages.stream', requires: ['model', 'max_tokens'] },
  { sdk: 'google-genai', path: 'models.generate_content', requires: [] },
  { sdk: 'google-genai', path: 'models.generate_content_stream', requires: [] },
  { sdk: 'mistral', path: 'chat.complete', requires: [] },
  { sdk: 'mistral', path: 'chat.complete_async', requires: [] },
  { sdk: 'bedrock', path: 'converse', requires: ['modelId'] },
  { sdk: 'bedrock', path: 'invoke_model', requires: ['modelId'] },
];

/**
 * Receivers whose chains can end like a shape but are not model SDKs: Django/ORM managers (`objects`), payment
 * and messaging SDKs, vector stores and agent tool registries. A receiver chain naming one is never a shape.
 */
export const PYTHON_SHAPE_LOOKALIKES: ReadonlySet<string> = new Set([
  'objects',
  'stripe',
  'twilio',
  'vectorstore',
  'vector_store',
  'collection',
  'tools',
  'tool',
]);
