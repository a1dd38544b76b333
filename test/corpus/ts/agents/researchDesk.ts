// A research desk on the OpenAI Agents SDK: a planner, searchers and a writer run in turn.
import { Agent, Runner, run } from '@openai/agents';

const planner = new Agent({ name: 'Planner', instructions: 'List the searches that answer the question.' });
const searcher = new Agent({ name: 'Searcher', instructions: 'Summarise what the search finds.' });
const writer = new Agent({ name: 'Writer', instructions: 'Write a short report from the notes.' });

export class ResearchDesk {
  constructor(private readonly runner: Runner = new Runner()) {}

  async answer(question: string): Promise<string> {
    const plan = await this.plan(question);
    const notes = await Promise.all(plan.map((query) => this.search(query)));
    return this.write(question, notes.filter((note): note is string => note !== null));
  }

  private async plan(question: string): Promise<string[]> {
    const result = await this.runner.run(planner, question, { maxTurns: 3, signal: AbortSignal.timeout(30_000) });
    return String(result.finalOutput ?? '').split('\n');
  }

  private async search(query: string): Promise<string | null> {
    try {
      const result = await this.runner.run(searcher, query);
      return String(result.finalOutput ?? '');
    } catch (error) {
      console.warn('search failed', query, error);
      return null;
    }
  }

  private async write(question: string, notes: string[]): Promise<string> {
    const result = await run(writer, `${question}\n\n${notes.join('\n')}`);
    return String(result.finalOutput ?? '');
  }
}

export function describeDesk(desk: ResearchDesk): string {
  // Not a model call: reading the agents' names.
  return [planner.name, searcher.name, writer.name, typeof desk].join(', ');
}
