import type { UpstreamConfig } from './types';

export const mistralConfig: UpstreamConfig = {
  baseUrl: ({ host }) => host || 'https://api.mistral.ai/v1',
  route: (operation) => (operation === 'embed' ? '/embeddings' : '/chat/completions'),
  headers: ({ apiKey }) => ({ Authorization: `Bearer ${apiKey}` }),
};
