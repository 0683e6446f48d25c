/**
 * One read shared by the callers that arrive while it is under way, never one begun before a
 * caller arrived. The page cache asks the public record's version before every public page
 * (page-cache.ts): on PostgreSQL that is a round trip and a statement planned each time, and
 * sixteen readers at once asked sixteen times for the same answer. A read already under way when
 * a caller arrives may have begun before a change the caller must see (committed through another
 * app server a moment ago), so the caller waits for it to end and shares the next one, which
 * begins after it arrived: what each caller is given was read after it asked.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined
  let next: Promise<T> | undefined
  const start = () => {
    const reading = read()
    running = reading
    const ended = () => {
      if (running === reading) running = undefined
    }
    reading.then(ended, ended)
    return reading
  }
  return () => {
    if (!running) return start()
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined
        return start()
      })
    return next
  }
}
