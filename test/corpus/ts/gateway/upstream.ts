// Which upstream a request goes to, and the URL it is sent to there.
import upstreams from './providers';
import type { UpstreamOptions } from './providers/types';

export interface Job {
  provider: string;
  operation: string;
  options: UpstreamOptions;
  body: unknown;
}

export class Upstream {
  constructor(private readonly provider: string) {}

  private get config() {
    return upstreams[this.provider];
  }

  async urlFor(job: Job): Promise<string> {
    const base = this.config.baseUrl(job.options);
    let url: string;
    url = `${base}${this.config.route(job.operation)}`;
    return url;
  }

  headersFor(job: Job): Record<string, string> {
    return this.config.headers(job.options);
  }
}
