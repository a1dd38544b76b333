import { PrismaClient } from '@prisma/client';
import Stripe from 'stripe';
import mongoose from 'mongoose';
import { Sequelize, DataTypes } from 'sequelize';
import twilio from 'twilio';
import { Resend } from 'resend';

const prisma = new PrismaClient();
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const Message = mongoose.model('Message', new mongoose.Schema({ role: String, content: String }));
const sequelize = new Sequelize(process.env.DATABASE_URL ?? '');
const Completion = sequelize.define('Completion', { text: DataTypes.TEXT });
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const resend = new Resend(process.env.RESEND_API_KEY);

export async function persist(text: string) {
  await prisma.message.create({ data: { role: 'assistant', content: text } });
  await prisma.completion.create({ data: { model: 'gpt-4o', text } });
  await stripe.customers.create({ email: 'a@example.com' });
  await stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
  await stripe.checkout.sessions.create({ mode: 'payment', line_items: [] });
  await Message.create({ role: 'user', content: text });
  await Completion.create({ text });
  await sms.messages.create({ to: '+15550100', from: '+15550101', body: text });
  await resend.emails.send({ from: 'a@example.com', to: 'b@example.com', subject: 'Summary', text });
  await prisma.embedding.createMany({ data: [] });
}
