import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const bedrock = new BedrockRuntimeClient({
  region: process.env.AWS_REGION ?? 'us-east-1',
  maxAttempts: 4,
  requestHandler: new NodeHttpHandler({ requestTimeout: 30_000 }),
});
const s3 = new S3Client({ region: 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

export async function converse(text: string) {
  const command = new ConverseCommand({
    modelId: MODEL_ID,
    messages: [{ role: 'user', content: [{ text }] }],
    inferenceConfig: { maxTokens: 512 },
  });
  const out = await bedrock.send(command);
  await s3.send(new PutObjectCommand({ Bucket: 'audit', Key: `${Date.now()}.json`, Body: JSON.stringify(out) }));
  return out.output?.message?.content?.[0]?.text;
}

export async function converseStream(text: string) {
  const response = await bedrock.send(
    new ConverseStreamCommand({ modelId: MODEL_ID, messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: 256 } }),
  );
  return response.stream;
}

export async function invokeTitan(text: string) {
  const res = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'amazon.titan-embed-text-v2:0',
      contentType: 'application/json',
      body: JSON.stringify({ inputText: text }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(res.body));
}

export async function invokeStream(payload: string) {
  return bedrock.send(new InvokeModelWithResponseStreamCommand({ modelId: MODEL_ID, body: payload, contentType: 'application/json' }));
}
