// The research agent: a tool loop over a search tool, built per request with the chosen model.
import { anthropic } from '@ai-sdk/anthropic';
import { openai } from '@ai-sdk/openai';
import { ToolLoopAgent, generateImage, stepCountIs } from 'ai';

const models = {
  fast: openai('gpt-4o-mini-2024-07-18'),
  careful: anthropic('claude-sonnet-4-5-20250929'),
};

export function researcher(mode: keyof typeof models) {
  return new ToolLoopAgent({
    model: models[mode],
    instructions: 'Research the question with the search tool, then answer with sources.',
    stopWhen: stepCountIs(6),
    maxOutputTokens: 1500,
  });
}

export async function coverImage(title: string) {
  const { image } = await generateImage({ model: openai.image('gpt-image-1'), prompt: `A cover for: ${title}`, abortSignal: AbortSignal.timeout(60_000) });
  return image;
}
