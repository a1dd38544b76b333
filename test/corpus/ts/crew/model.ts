export interface ModelRequest {
  input: string;
  instructions?: string;
}

/** What the runner needs of a model; providers implement it in their own modules. */
export interface Model {
  getResponse(request: ModelRequest): Promise<string>;
  describe(): string;
}
