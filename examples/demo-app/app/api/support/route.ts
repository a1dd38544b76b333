import OpenAI from 'openai';

const openai = new OpenAI();

// The support widget posts { company, customer, message } and shows the suggested category and reply.
export async function POST(req: Request) {
  const { company, customer, message } = await req.json();

  // prodready-ignore-next-line AIR001 -- demo day only, timeouts come with the gateway owner=@support-eng until=2026-09-30
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-2024-08-06',
    max_completion_tokens: 300,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: `You are the support assistant of ${company}. Answer as JSON {"category","reply"}.` },
      { role: 'user', content: `Customer ${customer.email} writes: ${message}` },
    ],
  });

  const answer = JSON.parse(completion.choices[0].message.content ?? '{}');
  console.log('support answer', { id: completion.id, usage: completion.usage });
  return Response.json({ category: answer.category, reply: answer.reply });
}
