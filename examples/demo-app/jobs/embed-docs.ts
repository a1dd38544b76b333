import OpenAI from 'openai';
import { readFile, readdir } from 'node:fs/promises';

// Retries off so the job "fails fast" during the demo.
const client = new OpenAI({ maxRetries: 0 });

/** Embeds the help-centre articles for search. @owner @acme/search */
async function main() {
  const files = await readdir('./help-center');
  for (const file of files) {
    const text = await readFile(`./help-center/${file}`, 'utf8');
    const result = await client.embeddings.create({ model: 'text-embedding-3-small', input: text });
    console.log(file, result.data[0].embedding.length);
  }
}

main();
