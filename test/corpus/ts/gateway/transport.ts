// Sends a request with a deadline and a few attempts; knows nothing about what is on the other side.
async function sendBefore(url: string, init: RequestInit, deadlineMs: number) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function deliver(url: string, init: RequestInit, attempts: number, deadlineMs?: number): Promise<Response> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = deadlineMs
        ? await sendBefore(url, init, deadlineMs)
        : await fetch(url, init);
      if (response.status < 500) return response;
      last = new Error(`upstream answered ${response.status}`);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
