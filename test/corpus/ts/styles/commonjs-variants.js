const { OpenAI } = require('openai');
const AnthropicSDK = require('@anthropic-ai/sdk');
const { ChatAnthropic } = require('@langchain/anthropic');
const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');
const { GoogleGenAI } = require('@google/genai');
const { Ollama } = require('ollama');
const db = require('./db');

const openai = new OpenAI({ timeout: 10000 });
const anthropic = new AnthropicSDK({ timeout: 10000 });
const chat = new ChatAnthropic({ model: 'claude-3-5-haiku-20241022' });
const bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' });
const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const ollama = new Ollama();

exports.handler = async function handler(event) {
  const body = JSON.parse(event.body);
  const a = await openai.chat.completions.create({ model: 'gpt-4o-mini-2024-07-18', messages: body.messages });
  const b = await anthropic.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 100, messages: body.messages });
  const c = await chat.invoke(body.question);
  const d = await bedrock.send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [] }));
  const e = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: body.question });
  const f = await ollama.chat({ model: 'llama3.1:8b', messages: body.messages });
  await db.insert({ a, b, c, d, e, f });
  return { statusCode: 200, body: JSON.stringify({ a, b, c, d, e, f }) };
};

module.exports.ping = async () => openai.models.retrieve('gpt-4o-mini') && 'ok';
