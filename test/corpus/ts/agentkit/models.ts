import OpenAI from 'openai';

const client = new OpenAI({ timeout: 30_000, maxRetries: 2 });

export class ChatModel<TOptions = unknown> {
  constructor(readonly options?: TOptions) {}

  async infer(prompt: string) {
    const response = await client.chat.completions.create({
      model: 'gpt-4o-2024-08-06',
      max_tokens: 500,
      messages: [{ role: 'user', content: prompt }],
    });
    return response.choices[0]?.message.content ?? '';
  }

  describe() {
    return `chat model ${JSON.stringify(this.options)}`;
  }
}

export namespace ChatModel {
  export type Any = ChatModel<unknown>;
}
