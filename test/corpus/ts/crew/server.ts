import { type Agent } from './agent';

interface Job {
  name: string;
  handle(input: string): Promise<string>;
}

/** Serves each agent as a job: the agents are given, so their runs are whatever the caller passes in. */
export const createServer = ({ agents = [], jobs = [] }: { agents?: Agent[]; jobs?: Job[] }) => {
  const handlers: Record<string, (input: string) => Promise<string>> = {};
  for (const agent of agents) {
    handlers[agent.name] = async (input) => agent.run(input);
  }
  for (const job of jobs) {
    handlers[job.name] = async (input) => job.handle(input);
  }
  return handlers;
};

class Crew {
  protected members: Map<string, Agent> = new Map();

  add(agent: Agent) {
    this.members.set(agent.name, agent);
  }

  run(input: string) {
    return new CrewRun(this)['execute'](input);
  }
}

class CrewRun extends Crew {
  constructor(private readonly crew: Crew) {
    super();
  }

  private async execute(input: string): Promise<string> {
    const next = input.length > 0 && this.members.get('lead');
    if (!next) return input;
    return next.run(input);
  }
}

export async function answer(crew: Crew, question: string) {
  return crew.run(question);
}
