import { body } from '../refs';
import type { SdkFacts } from '../types';

// A run stops with MaxTurnsExceededError after `maxTurns` turns, 10 unless given (agents-core run.ts DEFAULT_MAX_TURNS).
const turns = [{ option: body('maxTurns'), default: 10 }];

/**
 * OpenAI Agents SDK (`@openai/agents`): `run(agent, input, options)` and `new Runner().run(…)` drive an agent
 * loop whose every turn is a model request through the default OpenAI client.
 */
export const openaiAgentsFacts: SdkFacts = {
  sdk: 'openai-agents',
  displayName: 'OpenAI Agents',
  modules: ['@openai/agents', '@openai/agents-core', '@openai/agents-openai'],
  clients: [{ exportName: 'Runner', displayName: 'Runner', keyOptions: [], keyEnv: 'OPENAI_API_KEY', provider: 'openai' }],
  clientApis: [{ path: 'run', operation: 'chat', optionsArgument: 2, loopBounds: turns }],
  functionApis: [{ path: 'run', operation: 'chat', optionsArgument: 2, loopBounds: turns }],
  modelProviders: [],
  timeout: {
    // The run options take only a signal; each turn otherwise waits as long as the OpenAI client does.
    durations: [],
    unit: 'ms',
    default: 600_000,
    signals: [body('signal')],
  },
  retries: { options: [], default: 2, counts: 'retries' },
  auditOptions: [],
  // Server runtimes trace every run, model requests included, unless `tracingDisabled` is set.
  builtInTracing: { disabledBy: 'tracingDisabled' },
  errorOptions: [],
  structuredOutput: 'an agent with outputType set to a zod schema',
  factsFrom: '@openai/agents-core run.ts (RunOptions: signal, maxTurns, stream) and agents-openai openaiProvider.ts (a default new OpenAI() client: 10 min timeout, 2 retries); guides/tracing.mdx (tracing on by default in server runtimes, RunConfig tracingDisabled)',
};
