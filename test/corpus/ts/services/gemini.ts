import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';

const genai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 30_000 } });
const legacy = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY ?? '');
const flash = legacy.getGenerativeModel({ model: 'gemini-1.5-flash-002' });

export async function caption(text: string) {
  const response = await genai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: text,
    config: { maxOutputTokens: 200, systemInstruction: 'Write one caption.' },
  });
  return response.text;
}

export async function* live(text: string) {
  const stream = await genai.models.generateContentStream({ model: 'gemini-2.5-pro', contents: text });
  for await (const chunk of stream) yield chunk.text;
}

export async function vector(text: string) {
  const result = await genai.models.embedContent({ model: 'gemini-embedding-001', contents: text });
  return result.embeddings?.[0]?.values;
}

export async function oldStyle(prompt: string) {
  const result = await flash.generateContent(prompt);
  return result.response.text();
}

export async function oldStream(prompt: string) {
  const model = legacy.getGenerativeModel({ model: 'gemini-1.5-pro-002', generationConfig: { maxOutputTokens: 500 } });
  const result = await model.generateContentStream(prompt);
  return result.stream;
}

export async function oldEmbed(text: string) {
  const embedder = legacy.getGenerativeModel({ model: 'text-embedding-004' });
  return embedder.embedContent(text);
}
