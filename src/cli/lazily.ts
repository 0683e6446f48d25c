// biome-ignore lint/suspicious/noExplicitAny: any function's parameters and result pass through
type AnyFunction = (...args: any[]) => any

/**
 * A function of a module that is loaded on the first call. The `paragraf` command imports its
 * commands this way, so `paragraf --help` or `paragraf parse` does not load the web server, the
 * database drivers and the PDF and mail libraries first (issue 15: a start in under a second).
 */
export function lazily<M extends Record<K, AnyFunction>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return async (...args: Parameters<M[K]>): Promise<Awaited<ReturnType<M[K]>>> =>
    (await load())[name](...args)
}
