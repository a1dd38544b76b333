import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Mistral } from '@mistralai/mistralai';

export const createOpenAIClient = (timeout = 30_000) => new OpenAI({ timeout, maxRetries: 2 });
export const anthropic = new Anthropic({ timeout: 30_000 });
export const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
