import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function triage(ticketText: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 50,
    messages: [{ role: 'user', content: `Classify this ticket as billing, bug or question:\n${ticketText}` }],
  });
  const block = message.content[0];
  return block.type === 'text' ? block.text.trim() : 'question';
}
