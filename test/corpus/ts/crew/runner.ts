import type { Model, ModelRequest } from './model';

export async function runTurn(model: Model, request: ModelRequest): Promise<string> {
  console.info(`running ${model.describe()}`);
  try {
    return await model.getResponse(request);
  } catch (error) {
    console.error('model call failed', error);
    throw error;
  }
}
