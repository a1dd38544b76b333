import type { PromptRole } from '../../model';

/** Message roles as the chat APIs name them. */
export const ROLES: ReadonlySet<PromptRole> = new Set<PromptRole>(['system', 'developer', 'user', 'assistant']);
/** LangChain message tuples (`("system", "…")`, `['human', '…']`). */
export const TUPLE_ROLES: Readonly<Record<string, PromptRole>> = { system: 'system', human: 'user', user: 'user', ai: 'assistant', assistant: 'assistant' };
/** LangChain message classes. */
export const MESSAGE_CLASS_ROLES: Readonly<Record<string, PromptRole>> = { SystemMessage: 'system', HumanMessage: 'user', AIMessage: 'assistant' };
