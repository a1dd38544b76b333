import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export interface AgentOptions {
  name: string;
  system: string;
}

export class Agent {
  constructor(private readonly options: AgentOptions) {}

  get name(): string {
    return this.options.name;
  }

  async run(input: string): Promise<string> {
    const { text } = await generateText({
      model: openai('gpt-4o-mini'),
      system: this.options.system,
      prompt: input,
    });
    return text;
  }

  describe(): string {
    return `${this.options.name}: ${this.options.system}`;
  }
}

export class RoutingAgent extends Agent {
  async route(input: string): Promise<string> {
    return this.run(`Pick the next agent for: ${input}`);
  }
}
