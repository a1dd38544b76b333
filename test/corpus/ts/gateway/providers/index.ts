import openai from './openai';
import { mistralConfig } from './mistral';
import type { UpstreamConfig } from './types';

const upstreams: Record<string, UpstreamConfig> = {
  openai,
  mistral: mistralConfig,
};

export default upstreams;
