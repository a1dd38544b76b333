import OpenAI from 'openai';

const openai = new OpenAI({
  apiKey: 'sk-proj-DEMO0000000000000000000000000000000000000000000000',
});

export async function summarizeTicket(ticket: { subject: string; body: string }) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Summarise the support ticket in two sentences.' },
      { role: 'user', content: `${ticket.subject}\n\n${ticket.body}` },
    ],
  });
  return completion.choices[0].message.content;
}

export async function suggestReply(summary: string) {
  const response = await openai.responses.create({
    model: 'gpt-4o-mini',
    input: `Draft a friendly reply to a customer. Ticket summary: ${summary}`,
  });
  return response.output_text;
}
