import { Agent, RoutingAgent, type AgentOptions } from './agent';
import { Transcript } from './transcript';

export class Network {
  private readonly transcript = new Transcript();
  private router: RoutingAgent | undefined;

  constructor(
    private readonly agents: Agent[],
    private readonly lead: Agent,
  ) {}

  async step(input: string, agent: Agent): Promise<string> {
    const answer = await agent.run(input);
    this.transcript.run(answer);
    return answer;
  }

  async start(input: string): Promise<string> {
    const opening = await this.lead.run(input);
    if (this.router) {
      await this.router.route(opening);
    }
    return this.transcript.render() + opening;
  }

  async pending(next: Promise<Agent>, input: string): Promise<string> {
    return (await next).run(input);
  }
}

export async function triage(options: AgentOptions, input: string): Promise<string> {
  const summary = await new Agent(options).run(input);
  const reviewer = new Agent({ ...options, name: 'reviewer' });
  const reviewed = await reviewer.run(summary);
  const log = new Transcript();
  log.run(reviewed);
  console.log(reviewer.describe());
  return reviewed;
}
