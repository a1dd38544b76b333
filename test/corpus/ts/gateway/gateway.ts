// Forwards a job to its upstream model provider.
import { Attempt } from './attempt';
import { deliver } from './transport';
import { Upstream, type Job } from './upstream';

export async function forward(job: Job): Promise<Response> {
  const upstream = new Upstream(job.provider);
  const attempt = new Attempt();
  attempt.url = await upstream.urlFor(job);
  return dispatch(attempt, job, upstream.headersFor(job));
}

async function dispatch(attempt: Attempt, job: Job, headers: Record<string, string>) {
  const url = attempt.url;
  const response = await deliver(url, { method: 'POST', headers, body: JSON.stringify(job.body) }, 3, 30_000);
  console.info('upstream answered', { provider: job.provider, status: response.status, ms: Date.now() - attempt.startedAt });
  return response;
}
