const express = require('express');
const { openai, claude } = require('../lib/clients');
const logger = require('../lib/logger');

const router = express.Router();

router.post('/support/reply', async (req, res, next) => {
  try {
    const started = Date.now();
    const reply = await claude.messages.create({
      model: 'claude-3-5-haiku-20241022',
      max_tokens: 700,
      system: 'You are a polite support agent.',
      messages: [{ role: 'user', content: req.body.message }],
    });
    logger.info({ requestId: reply.id, model: reply.model, usage: reply.usage, ms: Date.now() - started }, 'support reply');
    res.json({ text: reply.content[0].text });
  } catch (err) {
    next(err);
  }
});

router.post('/support/moderate', async (req, res) => {
  const verdict = await openai.moderations.create({ input: req.body.message });
  res.json({ flagged: verdict.results[0].flagged });
});

router.post('/support/transcribe', async (req, res) => {
  const transcript = await openai.audio.transcriptions.create({ file: req.file, model: 'whisper-1' });
  res.json({ text: transcript.text });
});

router.get('/support/tickets', async (req, res) => {
  const tickets = await req.app.locals.db.collection('tickets').find({}).toArray();
  res.json(tickets);
});

module.exports = router;
