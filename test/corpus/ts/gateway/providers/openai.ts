import type { UpstreamConfig } from './types';

const openai: UpstreamConfig = {
  baseUrl: (options) => options.host ?? 'https://api.openai.com/v1',
  route(operation) {
    switch (operation) {
      case 'chat':
        return '/chat/completions';
      case 'embed':
        return '/embeddings';
      default:
        return `/${operation}`;
    }
  },
  headers: (options) => ({ Authorization: `Bearer ${options.apiKey}` }),
};

export default openai;
