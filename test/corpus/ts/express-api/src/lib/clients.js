const OpenAI = require('openai');
const Anthropic = require('@anthropic-ai/sdk');

const openai = new OpenAI({ timeout: 15000 });
const claude = new Anthropic({ maxRetries: 4 });

module.exports = { openai, claude };
