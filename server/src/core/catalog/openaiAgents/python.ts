import { body } from '../refs';
import type { ApiFacts, SdkFacts } from '../types';

// A run raises MaxTurnsExceeded after `max_turns` turns, 10 unless given; `None` disables the limit
// (agents run_config.py DEFAULT_MAX_TURNS, run.py Runner.run docstring).
const turns = [{ option: body('max_turns'), default: 10, noneLifts: true }];

const run = (path: string, streaming = false): ApiFacts => ({ path, operation: 'chat', streaming, loopBounds: turns });

/**
 * OpenAI Agents SDK for Python (`openai-agents`, imported as `agents`): the class methods `Runner.run`,
 * `Runner.run_sync` and `Runner.run_streamed` drive an agent loop whose every turn is a model request through the
 * default `AsyncOpenAI` client.
 */
export const openaiAgentsPythonFacts: SdkFacts = {
  sdk: 'openai-agents',
  displayName: 'OpenAI Agents',
  modules: ['agents'],
  clients: [],
  clientApis: [],
  functionApis: [run('Runner.run'), run('Runner.run_sync'), run('Runner.run_streamed', true)],
  modelProviders: [],
  // The run takes no timeout; each turn waits as long as the OpenAI client does (asyncio.wait_for bounds a run).
  timeout: { durations: [], unit: 's', default: 600_000, signals: [] },
  retries: { options: [], default: 2, counts: 'retries' },
  auditOptions: [],
  // Every run is traced, model requests included, unless its RunConfig sets tracing_disabled.
  builtInTracing: { disabledBy: 'run_config.tracing_disabled' },
  errorOptions: [],
  structuredOutput: 'an Agent with output_type set to a pydantic model',
  factsFrom:
    'openai-agents run.py (Runner.run / run_sync / run_streamed: max_turns keyword, None disables the limit), run_config.py (DEFAULT_MAX_TURNS 10, RunConfig.tracing_disabled), models/openai_provider.py (a default AsyncOpenAI(): 10 min timeout, 2 retries)',
};

