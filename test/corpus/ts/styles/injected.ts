import OpenAI from 'openai';
import type Anthropic from '@anthropic-ai/sdk';
import type { ChatOpenAI } from '@langchain/openai';

/** Services that receive their clients: dependency injection, test seams. */
export class TicketSummariser {
  constructor(
    private readonly client: OpenAI,
    private readonly claude: Anthropic,
  ) {}

  async summarise(body: string) {
    const res = await this.client.chat.completions.create({
      model: 'gpt-4o-mini-2024-07-18',
      messages: [{ role: 'user', content: body }],
    });
    return res.choices[0].message.content;
  }

  async review(body: string) {
    return this.claude.messages.create({ model: 'claude-sonnet-4-5-20250929', max_tokens: 300, messages: [{ role: 'user', content: body }] });
  }

  async both(body: string) {
    const summary = await this.summarise(body);
    const review = await this.review(body);
    return { summary, review };
  }
}

export async function withClient(client: OpenAI, input: string) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input });
}

export async function withModel(model: ChatOpenAI, question: string) {
  return model.invoke(question);
}

export const handler = (deps: { openai: OpenAI }) => async (text: string) =>
  deps.openai.moderations.create({ input: text });
