// Drafting service: private helpers, nested closures and a retrying method around one Responses call.
import OpenAI from 'openai';

export class DraftingService {
  readonly #client: OpenAI;

  constructor(client: OpenAI) {
    this.#client = client;
  }

  async #requestDraft(brief: string, attempt = 0): Promise<string> {
    try {
      const response = await this.#client.responses.create({ model: 'gpt-4o-mini-2024-07-18', input: brief, max_output_tokens: 800 });
      return response.output_text;
    } catch (error) {
      // Retrying sends another request: the recursive call is a call site too.
      if (attempt < 2) return this.#requestDraft(brief, attempt + 1);
      throw error;
    }
  }

  async draft(brief: string): Promise<string> {
    return this.#requestDraft(brief);
  }

  async draftAll(briefs: string[]): Promise<string[]> {
    async function one(service: DraftingService, brief: string) {
      return service.draft(brief);
    }
    const withTitle = async (brief: string) => `# Draft\n\n${await one(this, brief)}`;
    return Promise.all(briefs.map((brief) => withTitle(brief)));
  }

  #wordCount(text: string): number {
    return text.split(/\s+/).length;
  }

  summary(text: string): string {
    return `${this.#wordCount(text)} words`;
  }
}

/** Overloads: the signatures have no body; calls reach the implementation. */
export class Outliner {
  constructor(private readonly client: OpenAI) {}

  outline(topic: string): Promise<string>;
  outline(topic: string, sections: number): Promise<string>;
  async outline(topic: string, sections = 5): Promise<string> {
    const response = await this.client.responses.create({ model: 'gpt-4o-mini-2024-07-18', input: `${sections} sections on ${topic}`, max_output_tokens: 400 });
    return response.output_text;
  }

  async outlineAll(topics: string[]): Promise<string[]> {
    return Promise.all(topics.map((topic) => this.outline(topic)));
  }
}
