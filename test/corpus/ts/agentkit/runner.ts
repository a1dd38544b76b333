import { type ChatModel } from './models';

export async function runOnce(model: ChatModel.Any, prompt: string) {
  console.info('running', model.describe());
  return model.infer(prompt);
}
