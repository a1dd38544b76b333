import type { LanguageModelV2, LanguageModelV2CallOptions } from '@ai-sdk/provider';

// Adapts an AI SDK model to a framework's model interface: the framework calls getResponse(), which sends the
// provider model's own request (no `ai` retries around it).
type CompatibleModel = Omit<LanguageModelV2, 'doGenerate'> & {
  doGenerate: (options: LanguageModelV2CallOptions) => PromiseLike<any>;
};

interface Logger {
  debug(message: string, ...rest: unknown[]): void;
}

export class FrameworkModel {
  #model: CompatibleModel | LanguageModelV2;
  #logger: Logger;

  constructor(model: CompatibleModel, logger: Logger) {
    this.#model = model;
    this.#logger = logger;
  }

  async getResponse(prompt: LanguageModelV2CallOptions['prompt'], signal?: AbortSignal) {
    const result = await this.#model.doGenerate({ prompt, maxOutputTokens: 1024, abortSignal: signal });
    const response = { id: result.response?.id, content: result.content };
    this.#logger.debug('Response:', JSON.stringify(response));
    return response;
  }

  async *streamResponse(prompt: LanguageModelV2CallOptions['prompt']) {
    const { stream } = await (this.#model as LanguageModelV2).doStream({ prompt });
    for await (const part of stream) yield part;
  }
}

/** A test double with the same method names: not a model. */
export class EchoModel {
  async doGenerate(options: { prompt: string }) {
    return { text: options.prompt };
  }
}

export async function echo(model: EchoModel, text: string) {
  return model.doGenerate({ prompt: text });
}
