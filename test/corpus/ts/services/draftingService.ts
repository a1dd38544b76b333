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
      // Retrying itself is not another request site.
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
