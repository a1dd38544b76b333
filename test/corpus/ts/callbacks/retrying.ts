import { complete } from './llm';
import { db } from './store';

/** One retry helper for everything: it calls what it is given, a model request only when a caller gives one. */
export async function withRetry<T>(attempt: () => Promise<T>, times = 3): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= times) throw error;
    }
  }
}

export async function answer(question: string) {
  return withRetry(() => complete(question));
}

export async function loadTicket(id: string) {
  return withRetry(() => db.tickets.findOne(id));
}

export async function loadUser(id: string) {
  const fetchUser = () => db.users.findOne(id);
  return withRetry(fetchUser);
}
