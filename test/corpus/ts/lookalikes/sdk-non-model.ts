import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { BedrockClient, ListFoundationModelsCommand } from '@aws-sdk/client-bedrock';

const openai = new OpenAI();
const anthropic = new Anthropic();
const ollama = new Ollama();
const s3 = new S3Client({});
const dynamo = new DynamoDBClient({});
const bedrockControl = new BedrockClient({});

// SDK calls that manage resources rather than run a model.
export async function admin() {
  await openai.models.list();
  await openai.files.list();
  await openai.batches.retrieve('batch_1');
  await openai.fineTuning.jobs.list();
  await openai.vectorStores.create({ name: 'docs' });
  await anthropic.models.list();
  await anthropic.messages.batches.retrieve('msgbatch_1');
  await ollama.ps();
  await ollama.show({ model: 'llama3.1:8b' });
  await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  await dynamo.send(new PutItemCommand({ TableName: 't', Item: {} }));
  await bedrockControl.send(new ListFoundationModelsCommand({}));
}
