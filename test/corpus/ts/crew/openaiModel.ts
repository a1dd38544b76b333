import OpenAI from 'openai';
import type { Model, ModelRequest } from './model';

export class OpenAIResponsesModel implements Model {
  constructor(private readonly client: OpenAI = new OpenAI({ timeout: 30_000, maxRetries: 2 })) {}

  async getResponse(request: ModelRequest): Promise<string> {
    const response = await this.client.responses.create({
      model: 'gpt-4.1-mini',
      instructions: request.instructions,
      input: request.input,
    });
    return response.output_text;
  }

  describe(): string {
    return 'openai responses';
  }
}
