// The shape every upstream provider's configuration follows.
export interface UpstreamOptions {
  host?: string;
  apiKey: string;
}

export interface UpstreamConfig {
  baseUrl(options: UpstreamOptions): string;
  route(operation: string): string;
  headers(options: UpstreamOptions): Record<string, string>;
}
