#!/usr/bin/env node
import OpenAI from 'openai';
import fs from 'node:fs/promises';
import pg from 'pg';

const openai = new OpenAI();
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });

const { rows } = await db.query('select id, body from articles where embedding is null limit 500');
for (let i = 0; i < rows.length; i += 100) {
  const batch = rows.slice(i, i + 100);
  const res = await openai.embeddings.create({ model: 'text-embedding-3-large', input: batch.map((r) => r.body) });
  for (const [j, item] of res.data.entries()) {
    await db.query('update articles set embedding = $1 where id = $2', [JSON.stringify(item.embedding), batch[j].id]);
  }
}

const image = await openai.images.generate({ model: 'gpt-image-1', prompt: 'A lighthouse at dusk', size: '1024x1024' });
await fs.writeFile('cover.b64', image.data?.[0]?.b64_json ?? '');

const speech = await openai.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Backfill finished.' });
await fs.writeFile('done.mp3', Buffer.from(await speech.arrayBuffer()));

const legacy = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say done', max_tokens: 5 });
console.log(legacy.choices[0].text);
const upload = await openai.files.create({ file: await fs.readFile('train.jsonl'), purpose: 'fine-tune' });
console.log(upload.id);
await db.end();
