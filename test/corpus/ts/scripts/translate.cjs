const { AzureOpenAI } = require('openai');
const fs = require('fs');

const client = new AzureOpenAI({
  apiKey: process.env.AZURE_OPENAI_API_KEY,
  endpoint: 'https://contoso-prod.openai.azure.com',
  apiVersion: '2024-10-21',
  timeout: 60000,
});

async function main() {
  const files = fs.readdirSync('./locales');
  for (const file of files) {
    const source = fs.readFileSync(`./locales/${file}`, 'utf8');
    const result = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Translate the JSON values to German. Keep the keys.' },
        { role: 'user', content: source },
      ],
      max_tokens: 4000,
    });
    fs.writeFileSync(`./out/${file}`, result.choices[0].message.content);
  }
  const audio = await client.audio.translations.create({ file: fs.createReadStream('intro.mp3'), model: 'whisper' });
  console.log(audio.text);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
