import { Router } from 'express';
import { askClaude, draftReply, streamClaude } from '../services/llm';
import { Ticket } from '../models/ticket';

export const drafts = Router();

drafts.post('/drafts', async (req, res) => {
  const ticket = await Ticket.create({ subject: req.body.subject, body: req.body.body });
  const draft = await draftReply({ customerName: req.body.name, issue: ticket.body });
  res.json({ draft });
});

drafts.post('/drafts/title', async (req, res) => {
  const title = await askClaude(`Write a title for: ${req.body.body}`);
  res.json({ title });
});

drafts.get('/drafts/live', async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await streamClaude(String(req.query.q), (text) => res.write(text), controller.signal);
  res.end();
});
