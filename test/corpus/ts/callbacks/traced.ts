import { traceable } from 'langsmith/traceable';
import { complete } from './llm';

async function draftReplyFunc(ticket: string) {
  return complete(`Draft a reply to this ticket: ${ticket}`);
}

export const draftReply = traceable(draftReplyFunc, { name: 'draft-reply' });

export const formatReply = traceable((text: string) => text.trim(), { name: 'format-reply' });
