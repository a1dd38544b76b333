import { initChatModel } from 'langchain/chat_models/universal';

export interface ModelSettings {
  modelName: string;
  provider: string;
  temperature?: number;
}

const FAST_MODEL = 'openai:gpt-4o-mini-2024-07-18';

/** The model each graph node uses, from the run's settings. */
export async function modelFromSettings(settings: ModelSettings, overrides?: { maxTokens?: number }) {
  return await initChatModel(settings.modelName, {
    modelProvider: settings.provider,
    temperature: settings.temperature ?? 0,
    maxTokens: overrides?.maxTokens ?? 2048,
    maxRetries: 2,
  });
}

export const fastModel = () => initChatModel(FAST_MODEL, { maxTokens: 256, timeout: 15_000 });
