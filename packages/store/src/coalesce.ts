/**
 * Lets callers who ask the same question at about the same time share one query. A caller joins
 * only a query that has not been sent yet, never one already under way, so every answer was read
 * after its caller asked: sharing saves round trips and hides no write (a role revoked before
 * the request arrived is never missed). At most one query per key runs, with one more waiting
 * to start when it ends.
 */
export function coalescing<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  const waiting = new Map<string, Promise<T>>();
  return (key, load) => {
    const next = waiting.get(key);
    if (next) return next;
    const start = async (): Promise<T> => {
      waiting.delete(key);
      const query = load();
      running.set(key, query);
      try {
        return await query;
      } finally {
        if (running.get(key) === query) running.delete(key);
      }
    };
    const current = running.get(key);
    if (!current) return start();
    const queued = current.then(start, start);
    waiting.set(key, queued);
    return queued;
  };
}
