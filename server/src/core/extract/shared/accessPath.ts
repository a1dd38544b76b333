import type { PromptInput } from '../../model';

const PLAIN_ACCESS = /^[\w$]+(\.[\w$]+)*$/;

/** Fills `accessPath` for a prompt input written as a plain name or dotted chain; a whole person object has none. */
export function withAccessPath(input: PromptInput): PromptInput {
  return { ...input, accessPath: input.source !== 'user-object' && PLAIN_ACCESS.test(input.text) ? input.text.split('.') : [] };
}
