import { draftReply, formatReply } from './traced';

export async function replyTo(ticket: string) {
  const draft = await draftReply(ticket);
  return formatReply(draft);
}
