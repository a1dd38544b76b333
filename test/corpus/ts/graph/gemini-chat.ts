import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 20_000 } });
const legacy = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY ?? '');

export async function tutor(questions: string[]) {
  const chat = ai.chats.create({
    model: 'gemini-2.5-flash',
    config: { systemInstruction: 'You are a patient maths tutor.', maxOutputTokens: 400 },
    history: [],
  });
  const answers: string[] = [];
  for (const question of questions) {
    const reply = await chat.sendMessage({ message: question });
    answers.push(reply.text ?? '');
  }
  console.info('history length', chat.getHistory().length);
  return answers;
}

export async function* tutorLive(question: string) {
  const chat = ai.chats.create({ model: 'gemini-2.5-pro' });
  const stream = await chat.sendMessageStream({ message: question, config: { maxOutputTokens: 800 } });
  for await (const chunk of stream) yield chunk.text;
}

export async function interview(topic: string) {
  const model = legacy.getGenerativeModel({ model: 'gemini-1.5-flash-002', generationConfig: { maxOutputTokens: 300 } });
  const session = model.startChat({ history: [{ role: 'user', parts: [{ text: `We talk about ${topic}.` }] }] });
  const first = await session.sendMessage('Ask me the first question.');
  const streamed = await session.sendMessageStream('And the next one?');
  for await (const chunk of streamed.stream) console.debug(chunk.text());
  return first.response.text();
}
