import { body } from '../refs';
import type { SdkFacts } from '../types';

/**
 * Inngest (`inngest`): `step.ai.infer(id, { model, body })` sends the request to the model provider through
 * Inngest's infrastructure as a durable step, which Inngest retries like any other step. The step object comes
 * from the function handler's context, so calls are recognised by their shape.
 */
export const inngestFacts: SdkFacts = {
  sdk: 'inngest',
  displayName: 'Inngest',
  modules: ['inngest'],
  clients: [],
  clientApis: [{ path: 'ai.infer', operation: 'chat', optionsArgument: 1, model: body('model') }],
  functionApis: [],
  modelProviders: [],
  timeout: {
    // The request runs on Inngest's side; its documentation gives no bound a call can set.
    durations: [],
    unit: 'ms',
    default: 'unknown',
    signals: [],
  },
  // Four retries after the first attempt unless the function sets `retries`.
  retries: { options: [], default: 4, counts: 'retries' },
  auditOptions: [],
  // Every AI inference step is traced by Inngest with its model input and output and token counts (AI Traces).
  builtInTracing: {},
  errorOptions: [],
  structuredOutput: 'the provider\'s own structured output in the request body, validated after the step',
  factsFrom: 'inngest.com docs: AI Inference (step.ai.infer, step.ai.wrap), Retries (four retries after the initial attempt by default) and Traces (AI Traces: tokens, model input and output of inference steps)',
};
